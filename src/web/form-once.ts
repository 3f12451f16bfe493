import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto'
import { html } from 'hono/html'
import type { Db } from '../db/create-db.ts'
import { randomToken, sha256Hex } from '../lib/secrets.ts'
import type { FormValues } from './form.ts'
import {
  deleteFormOnceBefore,
  findFormOnce,
  insertFormOnce,
  setSealedResult,
  takeSealedResult,
} from './form-once.queries.ts'
import type { Html } from './ui/index.ts'

/**
 * One-time form tokens (issue 17 item 10). A form that creates something carries a random token
 * in a hidden field, new each time the form is shown. The action claims the token in its own
 * transaction ({@link inFormOnce}): the first submission does the work and answers 303 to its
 * result; a resubmission of the same form (back and send again, reload of the POST, a double
 * click) finds the claim and goes to that same result, creating nothing. A submission that
 * fails (invalid input, a taken name) rolls its claim back, so the corrected form can be sent.
 *
 * A secret the result shows once waits for that one GET in the claim's row, sealed with a key
 * derived from the submitter's session cookie (which the server never stores), so neither the
 * URL nor the database (nor a backup of it) can reveal it; the GET that shows it clears it.
 */

export const FORM_ONCE_FIELD = '_once'

/** How long a result waits for its one GET. */
const SHOW_WITHIN_MS = 15 * 60_000
/** How long a claim is kept: a day covers any tab left open on the form. */
const KEEP_CLAIMS_MS = 24 * 60 * 60_000

// randomToken(32): 43 base64url characters.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

/** A fresh token for a form being shown. */
export function newFormOnceToken(): string {
  return randomToken(32)
}

/**
 * The token of a form that creates (`new`) or edits: a creating form gets a fresh one each time
 * it is shown, re-rendered ones included; an edit form runs as often as it is sent and has none.
 */
export function onceTokenFor(mode: 'new' | 'edit'): { onceToken?: string } {
  return mode === 'new' ? { onceToken: newFormOnceToken() } : {}
}

export function formOnceField(token: string): Html {
  return html`<input type="hidden" name="${FORM_ONCE_FIELD}" value="${token}">`
}

/** The token a submitted form carried, or null when it is missing or not one of ours. */
export function readFormOnceToken(values: FormValues): string | null {
  const token = values[FORM_ONCE_FIELD]
  return token !== undefined && TOKEN_SHAPE.test(token) ? token : null
}

export interface FormOnce {
  /** The signed-in submitter: a claim is theirs alone. */
  userId: string
  /** Which form, a constant such as `accounts.token`. */
  purpose: string
  token: string
  /** The submitter's session cookie: the sealed result's key derives from it. */
  sessionToken: string
}

export type FormOnceOutcome<T> =
  | { first: true; value: T; resultPath: string }
  | { first: false; resultPath: string }

function keyOf(sessionToken: string): Buffer {
  return createHmac('sha256', sessionToken).update('mardom form-once v1').digest()
}

function seal(sessionToken: string, rowId: string, text: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(sessionToken), iv)
  cipher.setAAD(Buffer.from(rowId))
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

function unseal(sessionToken: string, rowId: string, sealed: string): string | null {
  const bytes = Buffer.from(sealed, 'base64url')
  if (bytes.length < 28) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(sessionToken), bytes.subarray(0, 12))
    decipher.setAAD(Buffer.from(rowId))
    decipher.setAuthTag(bytes.subarray(12, 28))
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
  } catch {
    // Another session's key (the cookie changed since): the secret cannot be shown here.
    return null
  }
}

/**
 * Runs `work` once per form token, inside the caller's transaction `trx`. `resultPath` names
 * the GET page of the result from the claim's id; `work` returns its value and, optionally, the
 * text that page shows once (sealed until then).
 */
export async function inFormOnce<T>(
  trx: Db,
  once: FormOnce,
  now: Date,
  resultPath: (claimId: string) => string,
  work: () => Promise<{ value: T; showOnce?: string }>,
): Promise<FormOnceOutcome<T>> {
  const key = { userId: once.userId, purpose: once.purpose, tokenHash: sha256Hex(once.token) }
  await deleteFormOnceBefore(trx, new Date(now.getTime() - KEEP_CLAIMS_MS))
  const id = randomUUID()
  const path = resultPath(id)
  if (!(await insertFormOnce(trx, { ...key, id, resultPath: path, createdAt: now }))) {
    const earlier = await findFormOnce(trx, key)
    // The row exists (the insert conflicted on it) and its transaction has committed.
    return { first: false, resultPath: earlier?.resultPath ?? path }
  }
  const done = await work()
  if (done.showOnce !== undefined)
    await setSealedResult(trx, id, seal(once.sessionToken, id, done.showOnce))
  return { first: true, value: done.value, resultPath: path }
}

/**
 * The text a result page shows once: returned to the submitter's session on the first GET
 * within a quarter of an hour, null ever after (and for anyone else).
 */
export async function takeShownOnce(
  db: Db,
  claimId: string,
  viewer: { userId: string; sessionToken: string },
  now: Date,
): Promise<string | null> {
  const notBefore = new Date(now.getTime() - SHOW_WITHIN_MS)
  const sealed = await takeSealedResult(db, claimId, viewer.userId, notBefore)
  return sealed === null ? null : unseal(viewer.sessionToken, claimId, sealed)
}
