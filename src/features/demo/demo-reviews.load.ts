import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { fixedClock } from '../../lib/clock.ts'
import { startOfTehranDay, tehranDateOf } from '../../lib/fa/index.ts'
import { oneTimePassword } from '../../lib/secrets.ts'
import { createAgencyUserAsSystem } from '../accounts/index.ts'
import { recordAudit } from '../audit/index.ts'
import {
  currentQuarter,
  decideAudit,
  drawQuarterSample,
  EMPTY_ANSWERS,
  openReview,
  publishRevision,
  quarterRange,
  REVIEW_SECTIONS,
  type ReviewAnswers,
  runReviewReminders,
  saveAnswers,
  signOffUnchanged,
} from '../reviews/index.ts'
import { saveDraft, startDraft } from '../services/index.ts'
import { loadPortalSettings } from '../settings/index.ts'
import { type PlannedReview, planDemoReviews, previousQuarter } from './demo-reviews.plan.ts'
import {
  type DemoStaffRow,
  findAgencyNames,
  listReviewCandidates,
  listStaff,
  pendingSampledReviews,
  setDemoEmail,
} from './demo-reviews.queries.ts'

/**
 * Plays the demo's review story (issue 12 item 8) through the real review actions, each at its
 * own moment on a demo clock: agencies that use the portal review their services over the past
 * three years, the central supervisor draws last quarter's sample and rejects one review, and
 * the daily reminder job runs for the last two weeks, so the inbox and the outbox hold exactly the
 * digests it would have sent. The plan is in `demo-reviews.plan.ts`.
 */

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
/** An agency with this many public services uses the portal in the demo (it has an admin). */
const REVIEWING_AGENCY_MIN_SERVICES = 4
/** How many days of the daily reminder job the demo replays (each run reads every service). */
const JOB_DAYS = 14
const MAIL_DOMAIN = 'mardom.example'

const REJECTION_REASON =
  'یادداشت‌های بازبینی نشان نمی‌دهد مدارک لازم با فرم‌های جاری سنجیده شده باشد؛ بخش «مدارک لازم» را دوباره بررسی کنید.'
const FEE_NOTE = 'مبلغ هزینه با تعرفهٔ سال جاری هم‌خوان نیست و باید به‌روز شود.'
const CHANGE_NOTE = 'به‌روزرسانی مبلغ هزینه‌ها با تعرفهٔ جاری، در بازبینی سه‌ساله'

export interface DemoReviewSummary {
  reviews: number
  open: number
  revised: number
  newAdmins: number
  jobRuns: number
}

interface Staff {
  admin: Actor
  editor: Actor | null
}

function actorOf(u: DemoStaffRow): Actor {
  return {
    userId: u.userId,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    agencyId: u.agencyId,
    agencyNameFa: u.agencyNameFa,
    mustChangePassword: false,
    via: 'session',
  }
}

function unchangedAnswers(): ReviewAnswers {
  return Object.fromEntries(
    REVIEW_SECTIONS.map((s) => [s, { answer: 'unchanged', note: null }]),
  ) as ReviewAnswers
}

type At = (at: Date) => Deps

/** Gives every existing demo account an address, so notifications reach the outbox too. */
async function giveAddresses(deps: Deps, staff: readonly DemoStaffRow[]): Promise<void> {
  const missing = staff.filter((u) => u.email === null)
  if (missing.length === 0) return
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    for (const u of missing) {
      const email = `${u.username}@${MAIL_DOMAIN}`
      await setDemoEmail(trx, u.userId, email, now)
      await recordAudit(trx, deps.clock, {
        actor: null,
        entityType: 'user',
        entityId: u.userId,
        action: 'update',
        agencyId: u.agencyId,
        before: { email: null },
        after: { email },
      })
    }
  })
}

/** One admin for each agency that uses the portal and has none yet (passwords never shown). */
async function addAgencyAdmins(
  deps: Deps,
  agencyIds: readonly string[],
  staff: readonly DemoStaffRow[],
): Promise<number> {
  const withAdmin = new Set(staff.filter((u) => u.role === 'agency_admin').map((u) => u.agencyId))
  const agencies = await findAgencyNames(
    deps.db,
    agencyIds.filter((id) => !withAdmin.has(id)),
  )
  // The password hashes run in parallel; each account is its own transaction.
  await Promise.all(
    agencies.map((a) =>
      createAgencyUserAsSystem(
        deps,
        a.id,
        {
          usernamePart: 'admin',
          displayName: `مدیر نمونهٔ ${a.shortNameFa ?? a.nameFa}`,
          email: `admin.${a.code}@${MAIL_DOMAIN}`,
          role: 'agency_admin',
        },
        oneTimePassword(),
      ),
    ),
  )
  return agencies.length
}

/** The steps of one planned review, each at its moment. */
function reviewSteps(
  r: PlannedReview,
  staff: Staff,
  at: At,
): { at: Date; run: () => Promise<void> }[] {
  const editor = staff.editor ?? staff.admin
  let reviewId = ''
  let revision = 0
  const opened = r.openedAt.getTime()
  const steps: { at: Date; run: () => Promise<void> }[] = [
    {
      at: r.openedAt,
      run: async () => {
        const review = await openReview(at(r.openedAt), editor, r.serviceId)
        reviewId = review.id
        revision = review.revision
      },
    },
  ]
  const answersAt = new Date(opened + 3 * HOUR_MS)
  let answers = unchangedAnswers()
  if (r.kind === 'in_progress') {
    // The editor has got through the first three sections.
    answers = { ...EMPTY_ANSWERS }
    for (const s of REVIEW_SECTIONS.slice(0, 3)) answers[s] = { answer: 'unchanged', note: null }
  }
  if (r.kind === 'revised')
    answers = { ...answers, fees: { answer: 'change_needed', note: FEE_NOTE } }
  steps.push({
    at: answersAt,
    run: async () => {
      await saveAnswers(at(answersAt), editor, reviewId, revision, answers)
      revision++
    },
  })
  if (r.kind === 'revised') {
    const draftAt = new Date(opened + DAY_MS)
    steps.push({
      at: draftAt,
      run: async () => {
        const d = at(draftAt)
        const draft = await startDraft(d, editor, r.serviceId)
        const saved = await saveDraft(d, editor, r.serviceId, draft.revision, (content) => ({
          ...content,
          // The new tariff: a quarter more, rounded up to a thousand (so always a change).
          fees: content.fees.map((f) =>
            f.amount > 0 ? { ...f, amount: Math.ceil((f.amount * 1.25) / 1000) * 1000 } : f,
          ),
        }))
        if (!saved.ok) throw new Error(`Demo revision of ${r.serviceId}: the draft conflicted`)
      },
    })
  }
  const completedAt = r.completedAt
  if (completedAt)
    steps.push({
      at: completedAt,
      run: async () => {
        const d = at(completedAt)
        const result =
          r.kind === 'revised'
            ? await publishRevision(d, staff.admin, reviewId, revision, CHANGE_NOTE)
            : await signOffUnchanged(d, staff.admin, reviewId, revision)
        if (!result.ok)
          throw new Error(
            `Demo review of ${r.serviceId} (${r.kind}) refused: ${Object.values(result.errors).join('; ')}`,
          )
      },
    })
  return steps
}

/**
 * Loads the review story. Call after the catalogue and the demo accounts: the reviews are
 * made by those accounts (and by an admin added for each agency that uses the portal).
 */
export async function loadDemoReviews(deps: Deps): Promise<DemoReviewSummary> {
  const now = deps.clock.now()
  const at: At = (moment) => ({ ...deps, clock: fixedClock(moment) })
  const { reviewPolicy } = await loadPortalSettings(deps.db)
  const candidates = await listReviewCandidates(deps.db)
  const paidIds = new Set(candidates.filter((c) => c.hasPaidFee).map((c) => c.serviceId))
  const staffBefore = await listStaff(deps.db)

  const perAgency = new Map<string, number>()
  for (const c of candidates) perAgency.set(c.agencyId, (perAgency.get(c.agencyId) ?? 0) + 1)
  const showcase = staffBefore.find((u) => u.role === 'agency_admin')?.agencyId ?? null
  const reviewingIds = [...perAgency]
    .filter(([id, n]) => n >= REVIEWING_AGENCY_MIN_SERVICES || id === showcase)
    .map(([id]) => id)
  await giveAddresses(deps, staffBefore)
  const newAdmins = await addAgencyAdmins(deps, reviewingIds, staffBefore)

  const staffRows = await listStaff(deps.db)
  const staffOf = new Map<string, Staff>()
  for (const id of reviewingIds) {
    const admin = staffRows.find((u) => u.agencyId === id && u.role === 'agency_admin')
    const editor = staffRows.find((u) => u.agencyId === id && u.role === 'agency_editor')
    if (admin) staffOf.set(id, { admin: actorOf(admin), editor: editor ? actorOf(editor) : null })
  }
  const supervisorRow = staffRows.find((u) => u.role === 'central_supervisor')
  const supervisor = supervisorRow ? actorOf(supervisorRow) : null

  const plan = planDemoReviews({
    now,
    policy: reviewPolicy,
    candidates,
    reviewingAgencyIds: new Set(staffOf.keys()),
    showcaseAgencyId: showcase,
    hasPaidFee: (id) => paidIds.has(id),
  })

  const timeline: { at: Date; run: () => Promise<void> }[] = []
  for (const r of plan) {
    const staff = staffOf.get(r.agencyId)
    if (staff) timeline.push(...reviewSteps(r, staff, at))
  }

  // The central supervisor draws last quarter's sample early in this quarter and decides one.
  if (supervisor) {
    const quarter = currentQuarter(now)
    const previous = previousQuarter(quarter)
    const start = quarterRange(quarter).from.getTime()
    const drawAt = new Date(Math.min(start + 5 * DAY_MS + 9 * HOUR_MS, now.getTime()))
    const decideAt = new Date(Math.min(drawAt.getTime() + 2 * DAY_MS, now.getTime()))
    timeline.push({
      at: drawAt,
      run: () => drawQuarterSample(at(drawAt), supervisor, previous),
    })
    timeline.push({
      at: decideAt,
      run: async () => {
        const [first] = await pendingSampledReviews(deps.db)
        if (first)
          await decideAudit(at(decideAt), supervisor, first, {
            accept: false,
            reason: REJECTION_REASON,
          })
      },
    })
  }

  // The daily job at its configured time (06:30 Tehran by default) over the last two weeks (its
  // first run catches up on every service, as when the feature was switched on), and once now.
  const [hour, minute] = /^\d{1,2}:\d{2}$/.test(deps.config.reviewRemindersAt)
    ? deps.config.reviewRemindersAt.split(':').map(Number)
    : [6, 30]
  const jobTime = ((hour ?? 6) * 60 + (minute ?? 30)) * 60_000
  let jobRuns = 0
  for (let d = JOB_DAYS; d >= 0; d--) {
    const day = tehranDateOf(new Date(now.getTime() - d * DAY_MS))
    const runAt = new Date(startOfTehranDay(day.jy, day.jm, day.jd).getTime() + jobTime)
    if (runAt.getTime() < now.getTime()) timeline.push({ at: runAt, run: () => job(runAt) })
  }
  timeline.push({ at: now, run: () => job(now) })
  async function job(moment: Date): Promise<void> {
    await runReviewReminders(at(moment))
    jobRuns++
  }

  // Stable: steps at the same moment keep the order they were planned in.
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime())
  for (const step of timeline) await step.run()

  await recordAudit(deps.db, deps.clock, {
    actor: null,
    entityType: 'demo',
    entityId: 'reviews',
    action: 'load',
    agencyId: null,
    before: null,
    after: {
      reviews: plan.filter((r) => r.completedAt).length,
      open: plan.filter((r) => !r.completedAt).length,
      newAdmins,
    },
  })
  return {
    reviews: plan.filter((r) => r.completedAt).length,
    open: plan.filter((r) => !r.completedAt).length,
    revised: plan.filter((r) => r.kind === 'revised').length,
    newAdmins,
    jobRuns,
  }
}
