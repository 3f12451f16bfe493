import type { Deps } from '../../src/deps.ts'
import {
  createAgencyUserAsSystem,
  createApiToken,
  createCentralUser,
} from '../../src/features/accounts/index.ts'
import { type Agency, type AgencyInput, insertAgency } from '../../src/features/agencies/index.ts'
import type { Role } from '../../src/lib/actor.ts'

let counter = 0

/** An agency with sensible defaults; override any field. */
export async function makeAgency(
  deps: Deps,
  overrides: Partial<AgencyInput> = {},
): Promise<Agency> {
  counter++
  return insertAgency(
    deps.db,
    {
      nameFa: `سازمان آزمایشی ${counter}`,
      nameEn: `Test organisation ${counter}`,
      shortNameFa: null,
      level: 'organisation',
      parentId: null,
      website: null,
      phone: null,
      email: null,
      address: null,
      provinceCode: null,
      ...overrides,
    },
    deps.clock.now(),
  )
}

export interface MadeUser {
  userId: string
  username: string
  password: string
  agencyCode: string
}

/** A user who can sign in at once with `password` (no forced change). */
export async function makeUser(deps: Deps, role: Role, agency?: Agency): Promise<MadeUser> {
  counter++
  const password = `correct horse battery ${counter}`
  if (role === 'central_admin' || role === 'central_supervisor') {
    const c = await createCentralUser(deps, null, {
      username: `central${counter}`,
      displayName: `کاربر مرکزی ${counter}`,
      role,
      password,
    })
    return { userId: c.userId, username: c.username, password, agencyCode: '' }
  }
  if (!agency) throw new Error(`${role} needs an agency`)
  const c = await createAgencyUserAsSystem(
    deps,
    agency.id,
    { usernamePart: `user${counter}`, displayName: `کاربر ${counter}`, email: null, role },
    password,
  )
  return { userId: c.userId, username: c.username, password, agencyCode: agency.code }
}

/** A personal API token for a user. */
export async function makeToken(deps: Deps, userId: string): Promise<string> {
  const { secret } = await createApiToken(deps, null, userId, 'test')
  return secret
}
