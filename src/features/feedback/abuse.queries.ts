import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'

type Executor = Kysely<Database>

// The key is made by the migration and never changes; read once per database handle.
const keys = new WeakMap<object, Buffer>()

/**
 * The portal's public-form HMAC key (public_form_key, one row), cached per database handle
 * `db`. Read through `via` (the caller's transaction, if any): PGlite has one connection, so a
 * read on the pool while a transaction holds it would wait for ever.
 */
export async function publicFormKey(db: Executor, via: Executor = db): Promise<Buffer> {
  const held = keys.get(db)
  if (held) return held
  const row = await via.selectFrom('publicFormKey').select('key').executeTakeFirstOrThrow()
  const key = Buffer.from(row.key)
  keys.set(db, key)
  return key
}

/**
 * Serialises the submissions from one address for the rest of the transaction, in every
 * process sharing the database: the count and the insert that follows cannot interleave with
 * another request's, so the limit is exact rather than roughly right.
 */
export async function lockAddress(trx: Executor, addressHash: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`public-form:${addressHash}`}, 0))`.execute(
    trx,
  )
}

/** Hits of one form by address or browser since `since`. */
export async function countHits(
  trx: Executor,
  form: string,
  by: { addressHash: string } | { browserHash: string },
  since: Date,
): Promise<number> {
  let query = trx
    .selectFrom('publicFormHits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('form', '=', form)
    .where('at', '>', since)
  query =
    'addressHash' in by
      ? query.where('addressHash', '=', by.addressHash)
      : query.where('browserHash', '=', by.browserHash)
  const row = await query.executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Whether the same content came from the same address or browser since `since`. */
export async function hasDuplicate(
  trx: Executor,
  hit: { form: string; addressHash: string; browserHash: string | null; contentHash: string },
  since: Date,
): Promise<boolean> {
  const row = await trx
    .selectFrom('publicFormHits')
    .select('id')
    .where('form', '=', hit.form)
    .where('contentHash', '=', hit.contentHash)
    .where('at', '>', since)
    .where((eb) =>
      hit.browserHash === null
        ? eb('addressHash', '=', hit.addressHash)
        : eb.or([eb('addressHash', '=', hit.addressHash), eb('browserHash', '=', hit.browserHash)]),
    )
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertHit(
  trx: Executor,
  hit: {
    form: string
    addressHash: string
    browserHash: string | null
    contentHash: string
    at: Date
  },
): Promise<void> {
  await trx.insertInto('publicFormHits').values(hit).execute()
}

/** Deletes up to `limit` hits older than `before` (hashes are kept 30 days, no longer). */
export async function purgeHits(trx: Executor, before: Date, limit = 500): Promise<number> {
  const result = await trx
    .deleteFrom('publicFormHits')
    .where(
      'id',
      'in',
      trx.selectFrom('publicFormHits').select('id').where('at', '<', before).limit(limit),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
