import { createHmac, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

// Secrets live in the database, never in code or configuration: every process of one portal
// shares them, a restore keeps them (hashes and signed links keep working), and two databases
// never share one. Created on first use; a lost race reads the winner's row.
const cache = new WeakMap<object, Map<string, Buffer>>()

/** The 32-byte secret called `name`, created on first use. Cached per database handle. */
export async function serverSecret(db: Executor, name: string): Promise<Buffer> {
  let perDb = cache.get(db)
  if (!perDb) {
    perDb = new Map()
    cache.set(db, perDb)
  }
  const held = perDb.get(name)
  if (held) return held
  await db
    .insertInto('serverSecrets')
    .values({ name, secret: randomBytes(32) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db
    .selectFrom('serverSecrets')
    .select('secret')
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
  const secret = Buffer.from(row.secret)
  perDb.set(name, secret)
  return secret
}

/** HMAC-SHA256 of `value` under `secret`, hex: how a value is kept that must never be read back. */
export function keyedHash(secret: Buffer, value: string): string {
  return createHmac('sha256', secret).update(value, 'utf8').digest('hex')
}
