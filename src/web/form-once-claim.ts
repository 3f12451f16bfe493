import type { Db } from '../db/create-db.ts'
import type { FieldErrors } from './form.ts'
import { type FormOnce, type FormOnceOutcome, inFormOnce } from './form-once.ts'

/**
 * The staff forms that create something and can refuse their input (a taken name, a step that
 * is not in the process) run once per form token (issue 17 item 10, `form-once.ts`), claimed
 * inside the action's own transaction: the first submission creates and answers 303 to its
 * result, a resubmission goes to that same result and creates nothing. A refusal must roll the
 * claim back with everything else, so the corrected form can be sent with the same token; the
 * actions answer refusals as values, so {@link claimOnce} turns one into a throw that leaves the
 * transaction and {@link onceOrRefused} turns it back into a value outside it.
 */

/** Shown when a creating form arrives without its one-time token (a page kept from before). */
export const FORM_ONCE_MISSING =
  'این فرم کهنه است یا کامل فرستاده نشده است. چیزی ساخته نشد؛ لطفاً صفحه را دوباره باز کنید و فرم را بفرستید.'

export type OnceResult<T> = ({ ok: true } & FormOnceOutcome<T>) | { ok: false; errors: FieldErrors }

export type Refusable<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors }

/** Carries a refusal out of the transaction, which rolls back the claim on its way. */
class RefusedOnce extends Error {
  readonly errors: FieldErrors
  constructor(errors: FieldErrors) {
    super('form refused: its one-time claim rolls back')
    this.errors = errors
  }
}

/**
 * In the action's transaction `trx`: claims the form's token and runs `work` for the first
 * submission; a resubmission gets the first one's `resultPath`. The result's address must be
 * known before the work (an id or code chosen first). Call only inside {@link onceOrRefused}.
 */
export function claimOnce<T>(
  trx: Db,
  once: FormOnce,
  now: Date,
  resultPath: string,
  work: () => Promise<Refusable<T>>,
): Promise<FormOnceOutcome<T>> {
  return inFormOnce(
    trx,
    once,
    now,
    () => resultPath,
    async () => {
      const done = await work()
      if (!done.ok) throw new RefusedOnce(done.errors)
      return { value: done.value }
    },
  )
}

/** Runs the transaction that calls {@link claimOnce}; its refusal comes back as `ok: false`. */
export async function onceOrRefused<T>(
  transaction: () => Promise<FormOnceOutcome<T>>,
): Promise<OnceResult<T>> {
  try {
    return { ok: true, ...(await transaction()) }
  } catch (error) {
    if (error instanceof RefusedOnce) return { ok: false, errors: error.errors }
    throw error
  }
}

/** Where a form stands after {@link claimFirst}. */
export type FirstClaim =
  | { kind: 'missing' }
  | { kind: 'again'; resultPath: string }
  | { kind: 'first' }

/**
 * Claims the form's token in a transaction of its own, committed before the action runs: for
 * actions that open their own transactions, which the claim cannot join (PGlite has one
 * connection). `first`: run the action; `again`: the same form was sent before, answer 303 to
 * the first one's `resultPath` and create nothing; `missing`: the form carried no token (`once`
 * is null). A claim whose action then refuses or fails stays, so the page shown after it must
 * carry a fresh token, and the result page must check what it confirms against the database.
 */
export async function claimFirst(
  db: Db,
  once: FormOnce | null,
  now: Date,
  resultPath: string,
): Promise<FirstClaim> {
  if (!once) return { kind: 'missing' }
  const outcome = await db.transaction().execute((trx) =>
    inFormOnce(
      trx,
      once,
      now,
      () => resultPath,
      async () => ({ value: null }),
    ),
  )
  return outcome.first ? { kind: 'first' } : { kind: 'again', resultPath: outcome.resultPath }
}

/*
 * Forms whose action opens its own transaction and already refuses a second save of the same
 * form by itself (the service editor's draft stamp: a resubmission finds the draft's revision
 * moved on) cannot claim inside that transaction. They ask {@link earlierResult} first, and
 * {@link recordIfDone} after the action succeeded: a resubmission then goes to the first result,
 * and a refused or conflicting submission records nothing, so no page claims «done» for it.
 */

/** Carries a trial claim's «first» out of its transaction, rolling the trial back. */
class NotClaimedYet extends Error {
  constructor() {
    super('form-once: not claimed yet; the trial claim rolls back')
  }
}

/** Where an earlier submission of this form led, or null when it was not sent before. */
export async function earlierResult(db: Db, once: FormOnce, now: Date): Promise<string | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      // The trial claim never commits; its path only has to be one the table accepts.
      const outcome = await inFormOnce(
        trx,
        once,
        now,
        () => '/trial',
        async () => ({ value: null }),
      )
      if (outcome.first) throw new NotClaimedYet()
      return outcome.resultPath
    })
  } catch (error) {
    if (error instanceof NotClaimedYet) return null
    throw error
  }
}

/**
 * Where a form stands against its one-time token, asked before anything else: `again` when the
 * same form was sent before and succeeded (answer 303 to `resultPath`), `missing` when it carries
 * no token (`once` is null), `new` otherwise.
 */
export type SentBefore =
  | { kind: 'missing' }
  | { kind: 'again'; resultPath: string }
  | { kind: 'new'; once: FormOnce }

export async function sentBefore(db: Db, once: FormOnce | null, now: Date): Promise<SentBefore> {
  if (!once) return { kind: 'missing' }
  const earlier = await earlierResult(db, once, now)
  return earlier === null ? { kind: 'new', once } : { kind: 'again', resultPath: earlier }
}

/**
 * Records the form's token when the action's answer `res` is its 303 to `resultPath` (the sign
 * that it succeeded); any other answer records nothing. Returns `res`.
 */
export async function recordIfDone(
  db: Db,
  once: FormOnce,
  now: Date,
  res: Response,
  resultPath: string,
): Promise<Response> {
  if (res.status !== 303 || res.headers.get('location') !== resultPath) return res
  await claimFirst(db, once, now, resultPath)
  return res
}
