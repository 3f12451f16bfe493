import type { Kysely } from 'kysely'
import type { Db } from '../../db/create-db.ts'
import type { Database } from '../../db/schema.ts'
import type { Role } from '../../lib/actor.ts'
import type { UserWithAgency } from './user.model.ts'

type Executor = Kysely<Database>

const USER_COLUMNS = [
  'users.id',
  'users.agencyId',
  'users.username',
  'users.displayName',
  'users.email',
  'users.role',
  'users.mustChangePassword',
  'users.failedSignIns',
  'users.disabledAt',
  'users.lastSignInAt',
  'users.createdAt',
  'users.updatedAt',
] as const

function withAgency(db: Executor) {
  return db
    .selectFrom('users')
    .leftJoin('agencies', 'agencies.id', 'users.agencyId')
    .select(USER_COLUMNS)
    .select(['agencies.nameFa as agencyNameFa', 'agencies.code as agencyCode'])
}

export async function findUserById(db: Executor, id: string): Promise<UserWithAgency | undefined> {
  return withAgency(db).where('users.id', '=', id).executeTakeFirst()
}

export async function findUserByUsername(
  db: Executor,
  username: string,
): Promise<UserWithAgency | undefined> {
  return withAgency(db).where('users.username', '=', username.toLowerCase()).executeTakeFirst()
}

/** Only sign-in and password change read the hash. */
export async function findPasswordHash(db: Executor, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('passwordHash')
    .where('id', '=', userId)
    .executeTakeFirst()
  return row?.passwordHash
}

export async function listUsersOfAgency(db: Db, agencyId: string): Promise<UserWithAgency[]> {
  return withAgency(db).where('users.agencyId', '=', agencyId).orderBy('users.username').execute()
}

export async function listCentralUsers(db: Db): Promise<UserWithAgency[]> {
  return withAgency(db).where('users.agencyId', 'is', null).orderBy('users.username').execute()
}

export async function isUsernameTaken(db: Executor, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst()
  return row !== undefined
}

export interface NewUser {
  agencyId: string | null
  username: string
  displayName: string
  email: string | null
  role: Role
  passwordHash: string
  mustChangePassword: boolean
}

/** Inserts the user and returns its id. */
export async function insertUser(db: Executor, user: NewUser, now: Date): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({ ...user, username: user.username.toLowerCase(), createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export type UserChanges = Partial<
  Pick<NewUser, 'displayName' | 'email' | 'role' | 'passwordHash' | 'mustChangePassword'> & {
    failedSignIns: number
    disabledAt: Date | null
    lastSignInAt: Date
  }
>

export async function updateUser(
  db: Executor,
  id: string,
  changes: UserChanges,
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updatedAt: now })
    .where('id', '=', id)
    .execute()
}

/** Counts a failed sign-in atomically and returns the new count. */
export async function incrementFailedSignIns(db: Executor, id: string): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failedSignIns: eb('failedSignIns', '+', 1) }))
    .where('id', '=', id)
    .returning('failedSignIns')
    .executeTakeFirstOrThrow()
  return row.failedSignIns
}

export async function countUsersByAgency(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('users')
    .select(['agencyId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agencyId', 'is not', null)
    .groupBy('agencyId')
    .execute()
  return new Map(rows.map((r) => [r.agencyId ?? '', r.n]))
}
