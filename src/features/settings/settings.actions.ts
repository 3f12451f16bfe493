import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import type { JalaliDate } from '../../lib/fa/index.ts'
import { LAYOUT_CACHE_TAG } from '../../web/cached.ts'
import { recordAudit } from '../audit/index.ts'
import {
  DEFAULT_CENTRAL_BODY_NAME,
  DEFAULT_DIRECTIVE_DATE,
  DEFAULT_FEEDBACK_MIN_N,
  DEFAULT_REVIEW_POLICY,
  FEEDBACK_POLICY_CACHE_TAG,
  feedbackMinNSchema,
  jalaliKey,
  type PortalSettings,
  REVIEW_POLICY_CACHE_TAG,
  type ReviewPolicy,
  reviewPolicySchema,
  SETTING_KEYS,
  storedCentralBodyName,
  storedDirectiveDate,
} from './settings.model.ts'
import { assertCanEditSettings } from './settings.policy.ts'
import { readSettings, writeSetting } from './settings.queries.ts'

type Executor = Deps['db']

function settingsFrom(stored: Map<string, unknown>): PortalSettings {
  const date = storedDirectiveDate.safeParse(stored.get(SETTING_KEYS.directiveDate))
  const name = storedCentralBodyName.safeParse(stored.get(SETTING_KEYS.centralBodyName))
  const review = reviewPolicySchema.safeParse(stored.get(SETTING_KEYS.reviewPolicy))
  const minN = feedbackMinNSchema.safeParse(stored.get(SETTING_KEYS.feedbackMinN))
  return {
    directiveDate: date.success ? date.data : DEFAULT_DIRECTIVE_DATE,
    centralBodyName: name.success ? name.data : DEFAULT_CENTRAL_BODY_NAME,
    reviewPolicy: review.success ? review.data : DEFAULT_REVIEW_POLICY,
    feedbackMinN: minN.success ? minN.data : DEFAULT_FEEDBACK_MIN_N,
  }
}

/** The current settings, with the defaults for anything never set. */
export async function loadPortalSettings(db: Executor): Promise<PortalSettings> {
  return settingsFrom(await readSettings(db, Object.values(SETTING_KEYS)))
}

/** The central admin sets the directive's date (the 6-month deadline runs from it). */
export async function setDirectiveDate(
  deps: Deps,
  actor: Actor | null,
  date: JalaliDate,
): Promise<void> {
  assertCanEditSettings(actor)
  await deps.db.transaction().execute(async (trx) => {
    const before = settingsFrom(
      await readSettings(trx, [SETTING_KEYS.directiveDate], { forUpdate: true }),
    )
    const value = { jy: date.jy, jm: date.jm, jd: date.jd }
    await writeSetting(trx, SETTING_KEYS.directiveDate, value, deps.clock.now())
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'setting',
      entityId: SETTING_KEYS.directiveDate,
      action: 'update',
      agencyId: null,
      before: { directiveDate: jalaliKey(before.directiveDate) },
      after: { directiveDate: jalaliKey(value) },
    })
  })
}

/** The central admin renames the supervising body (it has changed before). */
export async function setCentralBodyName(
  deps: Deps,
  actor: Actor | null,
  name: string,
): Promise<void> {
  assertCanEditSettings(actor)
  // Every page shows the name in its footer: the layout tag drops the name held in memory
  // (central-body-name.ts) and every cached page, in every process.
  await deps.publicChange(async (trx, markChanged) => {
    const before = settingsFrom(
      await readSettings(trx, [SETTING_KEYS.centralBodyName], { forUpdate: true }),
    )
    await writeSetting(trx, SETTING_KEYS.centralBodyName, name, deps.clock.now())
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'setting',
      entityId: SETTING_KEYS.centralBodyName,
      action: 'update',
      agencyId: null,
      before: { centralBodyName: before.centralBodyName },
      after: { centralBodyName: name },
    })
    await markChanged(LAYOUT_CACHE_TAG)
  })
}

/**
 * The central admin sets the review cycle and the warning days. Due dates are computed from the
 * policy when read, so every service's clock follows at once; the caller invalidates pages.
 */
export async function setReviewPolicy(
  deps: Deps,
  actor: Actor | null,
  policy: ReviewPolicy,
): Promise<void> {
  assertCanEditSettings(actor)
  const value = reviewPolicySchema.parse(policy)
  await deps.publicChange(async (trx, markChanged) => {
    const before = settingsFrom(
      await readSettings(trx, [SETTING_KEYS.reviewPolicy], { forUpdate: true }),
    )
    await writeSetting(trx, SETTING_KEYS.reviewPolicy, value, deps.clock.now())
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'setting',
      entityId: SETTING_KEYS.reviewPolicy,
      action: 'update',
      agencyId: null,
      before: { ...before.reviewPolicy },
      after: { ...value },
    })
    await markChanged(REVIEW_POLICY_CACHE_TAG)
  })
}

/**
 * The central admin sets the minimum n of public feedback figures (issue 13 item 5); pages
 * showing them are dropped so the new threshold shows at once.
 */
export async function setFeedbackMinN(
  deps: Deps,
  actor: Actor | null,
  minN: number,
): Promise<void> {
  assertCanEditSettings(actor)
  const value = feedbackMinNSchema.parse(minN)
  await deps.publicChange(async (trx, markChanged) => {
    const before = settingsFrom(
      await readSettings(trx, [SETTING_KEYS.feedbackMinN], { forUpdate: true }),
    )
    await writeSetting(trx, SETTING_KEYS.feedbackMinN, value, deps.clock.now())
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'setting',
      entityId: SETTING_KEYS.feedbackMinN,
      action: 'update',
      agencyId: null,
      before: { feedbackMinN: before.feedbackMinN },
      after: { feedbackMinN: value },
    })
    await markChanged(FEEDBACK_POLICY_CACHE_TAG)
  })
}
