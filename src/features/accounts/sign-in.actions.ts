import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { toAsciiDigits, toPersianDigits } from '../../lib/fa/digits.ts'
import { randomToken, sha256Hex } from '../../lib/secrets.ts'
import { recordAudit } from '../audit/index.ts'
import { notifyAccountOwner } from './account.notify.ts'
import { msg } from './messages.fa.ts'
import { hashPassword, signInVerifier } from './password.hash.ts'
import { hitRateLimit, undoRateLimitHit } from './rate-limit.queries.ts'
import { deleteSession, insertSession } from './session.queries.ts'
import {
  claimSignInTry,
  forgetSignInFailures,
  type SignInBackoff,
} from './sign-in-failures.queries.ts'
import { toActor, type UserWithAgency } from './user.model.ts'
import {
  findPasswordHash,
  findUserByUsername,
  incrementFailedSignIns,
  updateUser,
} from './user.queries.ts'

export interface SignInInput {
  agencyCode: string
  username: string
  password: string
}

export type SignInResult =
  | { ok: true; sessionToken: string; sessionId: string; actor: Actor }
  | { ok: false; message: string; retryAfterSeconds?: number }

// Failed sign-ins per client address: enough for a busy office behind one NAT (successful
// sign-ins are not counted), too few for guessing across many accounts.
const IP_WINDOW_MS = 15 * 60_000
const IP_MAX_FAILURES = 50

// A person who comes back the next day starts afresh.
const FORGET_FAILURES_AFTER_MS = 24 * 3_600_000

// The account's owner hears of consecutive failures at the free limit, then at twice, four
// times… that many: enough to notice an attack, not a message per guess.
function warnsOwner(failures: number, free: number): boolean {
  if (failures < free || failures % free !== 0) return false
  const multiple = failures / free
  return (multiple & (multiple - 1)) === 0
}

// Verifying against a real hash when there is nothing to check keeps the timing the same.
let dummyHash: Promise<string> | undefined
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(randomToken())
  return dummyHash
}

function waitFa(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  return seconds < 60
    ? msg.waitSeconds(toPersianDigits(seconds))
    : msg.waitMinutes(toPersianDigits(Math.ceil(seconds / 60)))
}

function backoff(config: Deps['config']): SignInBackoff {
  return {
    freeFailures: config.signInMaxFailures,
    maxDelayMs: config.signInMaxDelayMs,
    forgetAfterMs: FORGET_FAILURES_AFTER_MS,
  }
}

/**
 * Checks the agency code, username and password and opens a session on success. Nothing
 * locks an account: failures for one typed username from one address make each further try
 * from there wait longer (1 s, 2 s, 4 s… up to `SIGN_IN_MAX_DELAY_MINUTES`), whether or not the
 * user exists, and the owner is told of repeated failures. Unknown user, wrong password and
 * too-early answers look the same and each verify one password hash. Failures per address are
 * limited too; successful sign-ins do not count against it.
 */
export async function signIn(
  deps: Deps,
  input: SignInInput,
  clientKey: string,
): Promise<SignInResult> {
  const { db, clock, config } = deps
  const now = clock.now()
  const invalid: SignInResult = { ok: false, message: msg.invalidCredentials }

  // Counted first and atomically, so parallel tries cannot all pass; taken back on success.
  const ipKey = `sign-in:${clientKey}`
  const ip = await hitRateLimit(db, ipKey, IP_WINDOW_MS, now)
  if (ip.count > IP_MAX_FAILURES) {
    const retryMs = ip.windowStart.getTime() + IP_WINDOW_MS - now.getTime()
    return {
      ok: false,
      message: msg.throttled,
      retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)),
    }
  }

  const username = input.username.trim().toLowerCase()
  const claim = await claimSignInTry(db, username, clientKey, now, backoff(config))
  if (!claim.ok) {
    await signInVerifier.verify(await dummy(), input.password)
    return {
      ok: false,
      message: msg.tryLater(waitFa(claim.waitMs)),
      retryAfterSeconds: Math.ceil(claim.waitMs / 1000),
    }
  }

  const found = await findUserByUsername(db, username)
  const user = found && !found.disabledAt ? found : undefined
  const hash = user ? await findPasswordHash(db, user.id) : undefined
  const passwordMatches = await signInVerifier.verify(hash ?? (await dummy()), input.password)
  const codeMatches = (user?.agencyCode ?? '') === toAsciiDigits(input.agencyCode.trim())
  if (!user || hash === undefined || !passwordMatches || !codeMatches) {
    if (user) await countAccountFailure(deps, user)
    return invalid
  }

  const sessionToken = randomToken()
  const sessionId = sha256Hex(sessionToken)
  const actor = toActor(user, 'session')
  await db.transaction().execute(async (trx) => {
    await undoRateLimitHit(trx, ipKey)
    await forgetSignInFailures(trx, username, clientKey)
    await updateUser(trx, user.id, { failedSignIns: 0, lastSignInAt: now }, now)
    await insertSession(trx, {
      id: sessionId,
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.sessionAbsoluteMs),
    })
    await recordAudit(trx, clock, {
      actor,
      entityType: 'session',
      entityId: user.id,
      action: 'sign-in',
      agencyId: user.agencyId,
      before: null,
      after: null,
    })
  })
  return { ok: true, sessionToken, sessionId, actor }
}

/** The account's consecutive failures from anywhere; the owner hears of repeated ones. */
async function countAccountFailure(deps: Deps, user: UserWithAgency): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const failures = await incrementFailedSignIns(trx, user.id)
    if (!warnsOwner(failures, deps.config.signInMaxFailures)) return
    await recordAudit(trx, deps.clock, {
      actor: null,
      entityType: 'user',
      entityId: user.id,
      action: 'failed-sign-ins',
      agencyId: user.agencyId,
      before: null,
      after: { failures },
    })
    await notifyAccountOwner(deps, trx, {
      userId: user.id,
      kind: 'account.failed-sign-ins',
      subject: msg.failedSignInsSubject,
      text: msg.failedSignInsText(toPersianDigits(failures), user.username),
      link: '/account/password',
    })
  })
}

export async function signOut(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'session',
      entityId: actor.userId,
      action: 'sign-out',
      agencyId: actor.agencyId,
      before: null,
      after: null,
    })
  })
}
