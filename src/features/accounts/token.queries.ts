import type { Kysely } from 'kysely'
import type { ApiTokenAccess, ApiTokenRevokedReason, Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

export type { ApiTokenAccess, ApiTokenRevokedReason }

export interface ApiToken {
  id: string
  userId: string
  name: string
  prefix: string
  access: ApiTokenAccess
  /** The one agency the token acts for (the owner's); null for central staff. */
  agencyId: string | null
  createdAt: Date
  expiresAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
  revokedReason: ApiTokenRevokedReason | null
}

const COLUMNS = [
  'id',
  'userId',
  'name',
  'prefix',
  'access',
  'agencyId',
  'createdAt',
  'expiresAt',
  'lastUsedAt',
  'revokedAt',
  'revokedReason',
] as const

export interface NewApiToken {
  userId: string
  name: string
  tokenHash: string
  prefix: string
  access: ApiTokenAccess
  agencyId: string | null
  createdAt: Date
  expiresAt: Date
}

export async function insertApiToken(db: Executor, token: NewApiToken): Promise<ApiToken> {
  return db.insertInto('apiTokens').values(token).returning(COLUMNS).executeTakeFirstOrThrow()
}

/** A token the API may accept at `now`: neither revoked nor expired. */
export async function findUsableTokenByHash(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<ApiToken | undefined> {
  return db
    .selectFrom('apiTokens')
    .select(COLUMNS)
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst()
}

export async function findApiToken(db: Executor, id: string): Promise<ApiToken | undefined> {
  return db.selectFrom('apiTokens').select(COLUMNS).where('id', '=', id).executeTakeFirst()
}

/** Reads the token for a change in this transaction, holding it until the commit. */
export async function lockApiToken(db: Executor, id: string): Promise<ApiToken | undefined> {
  return db
    .selectFrom('apiTokens')
    .select(COLUMNS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export async function listApiTokensOfUser(db: Executor, userId: string): Promise<ApiToken[]> {
  return db
    .selectFrom('apiTokens')
    .select(COLUMNS)
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .execute()
}

export async function markTokenUsed(db: Executor, id: string, now: Date): Promise<void> {
  await db.updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', id).execute()
}

export async function setTokenExpiry(db: Executor, id: string, expiresAt: Date): Promise<void> {
  await db.updateTable('apiTokens').set({ expiresAt }).where('id', '=', id).execute()
}

export async function revokeToken(
  db: Executor,
  id: string,
  now: Date,
  reason: ApiTokenRevokedReason,
): Promise<void> {
  await db
    .updateTable('apiTokens')
    .set({ revokedAt: now, revokedReason: reason })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute()
}

/** Revokes every token of a user still in force; returns how many. */
export async function revokeTokensOfUser(
  db: Executor,
  userId: string,
  now: Date,
  reason: ApiTokenRevokedReason,
): Promise<number> {
  const result = await db
    .updateTable('apiTokens')
    .set({ revokedAt: now, revokedReason: reason })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
