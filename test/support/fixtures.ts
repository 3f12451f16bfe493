import type { Deps } from '../../src/deps.ts'
import {
  createAgencyUserAsSystem,
  createApiToken,
  createCentralUser,
} from '../../src/features/accounts/index.ts'
import { type Agency, type AgencyInput, insertAgency } from '../../src/features/agencies/index.ts'
import { insertLaw, type Law, recordCitedLaws } from '../../src/features/laws/index.ts'
import {
  insertDraft,
  insertService,
  publishDraftVersion,
  type Service,
  type ServiceContent,
} from '../../src/features/services/index.ts'
import { emptyContent } from '../../src/features/services/service.model.ts'
import type { Actor, Role } from '../../src/lib/actor.ts'

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

/** The actor a signed-in user is, for calling actions directly. */
export function actorOf(user: MadeUser, role: Role, agency: Agency | null = null): Actor {
  return {
    userId: user.userId,
    username: user.username,
    displayName: user.username,
    role,
    agencyId: agency?.id ?? null,
    agencyNameFa: agency?.nameFa ?? null,
    mustChangePassword: false,
    via: 'session',
  }
}

/** A personal API token for a user. */
export async function makeToken(deps: Deps, userId: string): Promise<string> {
  const { secret } = await createApiToken(deps, null, userId, 'test')
  return secret
}

let lawCounter = 0

/** A law in the registry. */
export async function makeLaw(deps: Deps, title?: string): Promise<Law> {
  lawCounter++
  return insertLaw(
    deps.db,
    {
      title: title ?? `قانون آزمایشی شمارهٔ ${lawCounter}`,
      kind: 'law',
      number: String(1000 + lawCounter),
      approvedOn: '2010-03-08',
      url: null,
    },
    null,
    deps.clock.now(),
  )
}

/** A complete card that passes the publishing checks. */
export function completeContent(
  title: string,
  lawId: string,
  overrides: Partial<ServiceContent> = {},
): ServiceContent {
  return {
    ...emptyContent(title),
    popularNames: [`${title} (نام رایج)`],
    summary: `خلاصهٔ ${title}`,
    description: `شرح کامل ${title}. این خدمت برای شهروندان ارائه می‌شود.`,
    audiences: ['G2C'],
    nature: 'sovereign',
    level: 'national',
    lifeEvents: ['documents'],
    trigger: 'applicant_request',
    frequency: { kind: 'as_needed' },
    inPersonVisits: 1,
    eligibility: 'همهٔ اتباع ایرانی',
    legalBases: [{ lawId, article: 'ماده ۱۰', note: null }],
    documents: [
      {
        name: 'اصل شناسنامه',
        form: 'original',
        count: 1,
        issuer: 'سازمان ثبت احوال کشور',
        obtainableByInquiry: false,
        note: null,
      },
    ],
    fees: [{ amount: 250_000, currency: 'IRR', description: 'هزینهٔ صدور' }],
    declaredTime: { kind: 'up_to', max: 7, unit: 'working_day' },
    output: 'کارت صادرشده',
    redress: 'اعتراض در سامانهٔ شکایات',
    contact: { phone: '021-88881234', email: null, url: null },
    ...overrides,
  }
}

/** A service that has never been published: only a first draft holding `content`. */
export async function makeDraftService(
  deps: Deps,
  agency: Agency,
  slug: string,
  content: ServiceContent,
): Promise<Service> {
  const now = deps.clock.now()
  const service = await insertService(deps.db, { agencyId: agency.id, slug, now })
  await insertDraft(deps.db, { serviceId: service.id, versionNo: 1, content, userId: null, now })
  return service
}

let slugCounter = 0

/** A service published as version 1 (and more versions if `revisions` are given). */
export async function makePublishedService(
  deps: Deps,
  agency: Agency,
  content: ServiceContent,
  revisions: { content: ServiceContent; changeNote: string }[] = [],
): Promise<{ service: Service; slug: string }> {
  slugCounter++
  const slug = `test-service-${slugCounter}`
  const service = await insertService(deps.db, { agencyId: agency.id, slug, now: deps.clock.now() })
  const versions = [{ content, changeNote: 'نخستین انتشار' }, ...revisions]
  for (const [i, v] of versions.entries()) {
    const at = new Date(deps.clock.now().getTime() - (versions.length - i) * 86_400_000)
    const draft = await insertDraft(deps.db, {
      serviceId: service.id,
      versionNo: i + 1,
      content: v.content,
      userId: null,
      now: at,
    })
    // Test data below the publish command: no publishing checks, so tests can set up any card.
    await publishDraftVersion(deps.db, {
      serviceId: service.id,
      draftId: draft.id,
      changeNote: v.changeNote,
      userId: null,
      now: at,
    })
    await recordCitedLaws(deps.db, { ...draft, status: 'published' })
    await deps.searchIndex.indexService(deps.db, service.id)
  }
  return { service, slug }
}
