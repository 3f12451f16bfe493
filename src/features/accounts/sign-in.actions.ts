import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { toAsciiDigits, toPersianDigits } from '../../lib/fa/digits.ts'
import { randomToken, sha256Hex } from '../../lib/secrets.ts'
import { recordAudit } from '../audit/index.ts'
import { msg } from './messages.fa.ts'
import { hashPassword, verifyPassword } from './password.hash.ts'
import { hitRateLimit } from './rate-limit.queries.ts'
import { deleteSession, insertSession } from './session.queries.ts'
import { toActor } from './user.model.ts'
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

// Per client address: enough for a busy office behind one NAT, too few for guessing.
const IP_WINDOW_MS = 15 * 60_000
const IP_MAX_ATTEMPTS = 50

// Verifying against a real hash when the user does not exist keeps the timing the same.
let dummyHash: Promise<string> | undefined

/**
 * Checks the agency code, username and password; counts failures, locks the
 * account temporarily after too many, and opens a session on success.
 */
export async function signIn(
  deps: Deps,
  input: SignInInput,
  clientKey: string,
): Promise<SignInResult> {
  const { db, clock, config } = deps
  const now = clock.now()
  const invalid: SignInResult = { ok: false, message: msg.invalidCredentials }

  const attempts = await hitRateLimit(db, `sign-in:${clientKey}`, IP_WINDOW_MS, now)
  if (attempts > IP_MAX_ATTEMPTS) {
    return { ok: false, message: msg.throttled, retryAfterSeconds: IP_WINDOW_MS / 1000 }
  }

  const user = await findUserByUsername(db, input.username.trim())
  if (!user || user.disabledAt) {
    dummyHash ??= hashPassword(randomToken())
    await verifyPassword(await dummyHash, input.password)
    return invalid
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000)
    return {
      ok: false,
      message: msg.locked(toPersianDigits(minutes)),
      retryAfterSeconds: minutes * 60,
    }
  }

  const codeMatches = (user.agencyCode ?? '') === toAsciiDigits(input.agencyCode.trim())
  const hash = await findPasswordHash(db, user.id)
  const passwordMatches = hash !== undefined && (await verifyPassword(hash, input.password))
  if (!codeMatches || !passwordMatches) {
    await db.transaction().execute(async (trx) => {
      const failures = await incrementFailedSignIns(trx, user.id)
      if (failures >= config.signInMaxFailures) {
        await updateUser(
          trx,
          user.id,
          { failedSignIns: 0, lockedUntil: new Date(now.getTime() + config.signInLockMs) },
          now,
        )
        await recordAudit(trx, clock, {
          actor: null,
          entityType: 'user',
          entityId: user.id,
          action: 'lock',
          agencyId: user.agencyId,
          before: null,
          after: { reason: 'failed-sign-ins', failures },
        })
      }
    })
    return invalid
  }

  const sessionToken = randomToken()
  const sessionId = sha256Hex(sessionToken)
  const actor = toActor(user, 'session')
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { failedSignIns: 0, lockedUntil: null, lastSignInAt: now }, now)
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
