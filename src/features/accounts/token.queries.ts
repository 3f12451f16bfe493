import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

export interface ApiToken {
  id: string
  userId: string
  name: string
  prefix: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

const COLUMNS = ['id', 'userId', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt'] as const

export async function insertApiToken(
  db: Executor,
  token: { userId: string; name: string; tokenHash: string; prefix: string; createdAt: Date },
): Promise<ApiToken> {
  return db.insertInto('apiTokens').values(token).returning(COLUMNS).executeTakeFirstOrThrow()
}

export async function findActiveTokenByHash(
  db: Executor,
  tokenHash: string,
): Promise<ApiToken | undefined> {
  return db
    .selectFrom('apiTokens')
    .select(COLUMNS)
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
}

export async function findApiToken(db: Executor, id: string): Promise<ApiToken | undefined> {
  return db.selectFrom('apiTokens').select(COLUMNS).where('id', '=', id).executeTakeFirst()
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

export async function revokeToken(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('apiTokens')
    .set({ revokedAt: now })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute()
}
