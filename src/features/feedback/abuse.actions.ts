import type { Db } from '../../db/create-db.ts'
import type { Deps } from '../../deps.ts'
import {
  DEFAULT_LIMITS,
  DEFAULT_MIN_FILL_MS,
  DUPLICATE_WINDOW_MS,
  formAgeMs,
  type GuardVerdict,
  HIT_RETENTION_MS,
  HONEYPOT_FIELD,
  keyedHash,
  type RateLimit,
  STARTED_FIELD,
  signFormStart,
} from './abuse.model.ts'
import {
  countHits,
  hasDuplicate,
  insertHit,
  lockAddress,
  publicFormKey,
  purgeHits,
} from './abuse.queries.ts'

/** Who sent a public form, as far as the abuse controls need to know (see abuse.http.ts). */
export interface PublicFormVisitor {
  /** The client's address; hashed at once, never stored. */
  address: string
  /** The browser's random cookie id, when it sent one. */
  browser: string | null
}

export interface PublicFormSubmission {
  /** Which form (`helpful`, `report`, `rating`…): limits and duplicates are per form. */
  form: string
  visitor: PublicFormVisitor
  /** The submitted fields: the honeypot and the signed start time are read from them. */
  fields: Readonly<Record<string, string | readonly string[] | undefined>>
  /**
   * What makes two submissions "the same" (e.g. service, section and text): the same content
   * from the same address or browser within 5 minutes is dropped.
   */
  content: string
  /**
   * Shortest believable time from rendering the form to sending it. 0 for a form on a cached
   * page, whose rendering time says nothing about the visitor (the one-click helpful vote).
   */
  minFillMs?: number
  limits?: { perAddress?: RateLimit; perBrowser?: RateLimit }
}

function field(fields: PublicFormSubmission['fields'], name: string): string | undefined {
  const value = fields[name]
  return typeof value === 'string' ? value : value?.[0]
}

/** The signed `started` value for a form rendered now (see views/guard-fields.ts). */
export async function formStartValue(deps: Pick<Deps, 'db' | 'clock'>): Promise<string> {
  return signFormStart(await publicFormKey(deps.db), deps.clock.now())
}

/**
 * The abuse controls of a public form. Call it first inside the transaction that stores the
 * submission, and store nothing unless it says ok: the hit it records then commits or rolls
 * back with the submission. Honeypot, fill time and duplicates are checked before the limits,
 * so a refused bot does not use up a person's allowance; a refusal other than `rate-limited`
 * should look like success to the sender (see isSilentRefusal). Also deletes hits older than
 * 30 days, a batch at a time.
 */
export async function guardPublicForm(
  deps: Pick<Deps, 'db' | 'clock'>,
  trx: Db,
  s: PublicFormSubmission,
): Promise<GuardVerdict> {
  const now = deps.clock.now()
  if ((field(s.fields, HONEYPOT_FIELD) ?? '').trim() !== '')
    return { ok: false, reason: 'honeypot' }
  const key = await publicFormKey(deps.db, trx)
  const minFill = s.minFillMs ?? DEFAULT_MIN_FILL_MS
  if (minFill > 0) {
    const age = formAgeMs(key, field(s.fields, STARTED_FIELD), now)
    if (age === null || age < minFill) return { ok: false, reason: 'too-fast' }
  }
  const addressHash = keyedHash(key, 'address', s.visitor.address)
  const browserHash =
    s.visitor.browser === null ? null : keyedHash(key, 'browser', s.visitor.browser)
  const contentHash = keyedHash(key, `content:${s.form}`, s.content)
  await lockAddress(trx, addressHash)
  await purgeHits(trx, new Date(now.getTime() - HIT_RETENTION_MS))
  const hit = { form: s.form, addressHash, browserHash, contentHash }
  if (await hasDuplicate(trx, hit, new Date(now.getTime() - DUPLICATE_WINDOW_MS)))
    return { ok: false, reason: 'duplicate' }
  const perAddress = s.limits?.perAddress ?? DEFAULT_LIMITS.perAddress
  const byAddress = await countHits(
    trx,
    s.form,
    { addressHash },
    new Date(now.getTime() - perAddress.windowMs),
  )
  if (byAddress >= perAddress.max) return { ok: false, reason: 'rate-limited' }
  if (browserHash !== null) {
    const perBrowser = s.limits?.perBrowser ?? DEFAULT_LIMITS.perBrowser
    const byBrowser = await countHits(
      trx,
      s.form,
      { browserHash },
      new Date(now.getTime() - perBrowser.windowMs),
    )
    if (byBrowser >= perBrowser.max) return { ok: false, reason: 'rate-limited' }
  }
  await insertHit(trx, { ...hit, at: now })
  return { ok: true }
}
