import { randomUUID } from 'node:crypto'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { fixedClock } from '../../lib/clock.ts'
import { addCalendarDays, tehranIsoDay } from '../../lib/working-calendar.ts'
import { recordAudit } from '../audit/index.ts'
import { holidayDateFa, loadWorkingCalendar } from '../calendar/index.ts'
import {
  keyedHash,
  maskPersonalData,
  newTrackingCode,
  REPORT_SECTION_LABELS,
  refreshTimeRollup,
  reportMsg,
  serverSecret,
  TRACKING_SECRET,
} from '../feedback/index.ts'
import { findRecipients, notify } from '../notifications/index.ts'
import { serviceCacheTag } from '../services/index.ts'
import { loadPortalSettings } from '../settings/index.ts'
import {
  type FeedbackPlan,
  type FeedbackPlanInput,
  type FeedbackTier,
  type PlannedReport,
  planDemoFeedback,
} from './demo-feedback.plan.ts'
import {
  type DemoCitizenRows,
  type DemoFeedbackRows,
  insertDemoCitizenFeedback,
  insertDemoTransactions,
  listFeedbackCandidates,
} from './demo-feedback.queries.ts'
import { type DemoStaffRow, listStaff } from './demo-reviews.queries.ts'

/**
 * Loads the demo's feedback story (issue 13 item 9; the plan is in `demo-feedback.plan.ts`) the
 * way the real actions would have left it, but in bulk, because a fresh start must stay fast:
 * transactions with their step events and the promised deadlines the feed computes, tracking
 * codes only as their keyed hashes (the feed's secret), ratings with masked comments, helpful
 * votes, reports of wrong information with their answers, each report's audit entries and the
 * agency's inbox notice; then each rollup the pages read (ratings and votes summed here, the
 * time figures by the feed's own rollup, once per service). The rows of a kind go in a few
 * multi-row statements. The thousands of transaction posts, ratings and votes are one audit
 * entry («demo feedback load», with the counts), as the catalogue's demo publications are: the
 * audit log records what people and systems did, and these rows are invented.
 */

export interface DemoFeedbackSummary {
  services: Record<FeedbackTier, number>
  transactions: number
  steps: number
  ratings: number
  votes: number
  reports: number
}

/** The id given to the plan's `i`-th row of a kind (a plan that points elsewhere is a bug). */
function idAt(ids: readonly string[], i: number, what: string): string {
  const id = ids[i]
  if (id === undefined) throw new Error(`Demo feedback: no ${what} ${i}`)
  return id
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

/** Sums of the overall scores per service, as the rating action adds them one by one. */
function ratingRollups(plan: FeedbackPlan): DemoCitizenRows['ratingRollups'] {
  const by = new Map<string, { n: number; total: number; totalSquares: number; updatedAt: Date }>()
  for (const r of plan.ratings) {
    const serviceId = plan.transactions[r.transaction]?.serviceId
    if (!serviceId) throw new Error(`Demo rating of unknown transaction ${r.transaction}`)
    const t = by.get(serviceId) ?? { n: 0, total: 0, totalSquares: 0, updatedAt: r.createdAt }
    t.n++
    t.total += r.overall
    t.totalSquares += r.overall * r.overall
    if (r.createdAt > t.updatedAt) t.updatedAt = r.createdAt
    by.set(serviceId, t)
  }
  return [...by].map(([serviceId, t]) => ({ serviceId, ...t }))
}

/** Yes and no per service; the page was last refreshed for the last vote (nothing pending). */
function helpfulRollups(plan: FeedbackPlan): DemoCitizenRows['helpfulRollups'] {
  const by = new Map<string, { yes: number; no: number; last: Date }>()
  for (const v of plan.votes) {
    const t = by.get(v.serviceId) ?? { yes: 0, no: 0, last: v.createdAt }
    if (v.helpful) t.yes++
    else t.no++
    if (v.createdAt > t.last) t.last = v.createdAt
    by.set(v.serviceId, t)
  }
  return [...by].map(([serviceId, t]) => ({
    serviceId,
    helpfulYes: t.yes,
    helpfulNo: t.no,
    shownTotal: t.yes + t.no,
    shownAt: t.last,
    updatedAt: t.last,
  }))
}

/**
 * What the plan is made from, read from the database: the same on every call until the
 * catalogue, the staff or the calendar change (so a test can make the loaded plan again).
 */
export async function demoFeedbackPlanInput(
  deps: Deps,
): Promise<{ input: FeedbackPlanInput; answerer: ReadonlyMap<string, Actor> }> {
  const now = deps.clock.now()
  const today = tehranIsoDay(now)
  const [{ feedbackMinN }, candidates, staff, cal] = await Promise.all([
    loadPortalSettings(deps.db),
    listFeedbackCandidates(deps.db),
    listStaff(deps.db),
    // From before the oldest report's version to past any deadline a step can reach.
    loadWorkingCalendar(deps, addCalendarDays(today, -450), addCalendarDays(today, 800)),
  ])
  const answerer = new Map<string, Actor>()
  // An editor answers where there is one, else the admin (both may, see answerAccuracyReport).
  for (const role of ['agency_admin', 'agency_editor'] as const)
    for (const u of staff) if (u.agencyId && u.role === role) answerer.set(u.agencyId, actorOf(u))
  return {
    input: {
      now,
      minN: feedbackMinN,
      cal,
      candidates,
      // The agency whose accounts the demo prints: the only one with an editor.
      showcaseAgencyId: staff.find((u) => u.role === 'agency_editor')?.agencyId ?? null,
      answeringAgencyIds: new Set(answerer.keys()),
    },
    answerer,
  }
}

/**
 * Loads the story. Call after the catalogue and the review story: reports are answered by the
 * agencies' staff accounts, and transactions are measured against the versions now published.
 */
export async function loadDemoFeedback(deps: Deps): Promise<DemoFeedbackSummary> {
  const [{ input, answerer }, trackingSecret] = await Promise.all([
    demoFeedbackPlanInput(deps),
    serverSecret(deps.db, TRACKING_SECRET),
  ])
  const plan = planDemoFeedback(input)
  const candidates = input.candidates

  const txIds = plan.transactions.map(() => randomUUID())
  const txId = (i: number) => idAt(txIds, i, 'transaction')
  const changedAt = new Map<string, Date>()
  for (const t of plan.transactions) {
    const was = changedAt.get(t.serviceId)
    if (!was || t.updatedAt > was) changedAt.set(t.serviceId, t.updatedAt)
  }
  const feed: DemoFeedbackRows = {
    transactions: plan.transactions.map((t, i) => ({
      id: txId(i),
      agencyId: t.agencyId,
      serviceId: t.serviceId,
      versionId: t.versionId,
      trackingHash: keyedHash(trackingSecret, t.trackingCode),
      channel: t.channel,
      startedAt: t.startedAt,
      completedAt: t.completedAt,
      outcome: t.outcome,
      promisedBy: t.promisedBy,
      inPersonVisits: t.inPersonVisits,
      ratingExpiresAt: t.ratingExpiresAt,
      // First posted when it started, last when its latest event happened.
      createdAt: t.startedAt,
      updatedAt: t.updatedAt,
    })),
    steps: plan.transactions.flatMap((t, i) =>
      t.steps.map((s) => ({ transactionId: txId(i), ...s })),
    ),
    rollupState: [...changedAt].map(([serviceId, at]) => ({
      serviceId,
      changedAt: at,
      computedAt: null,
    })),
  }
  await deps.db.transaction().execute((trx) => insertDemoTransactions(trx, feed))
  // The feed's own rollup, forced once per service (as its upkeep job would on the next run).
  for (const serviceId of changedAt.keys()) await refreshTimeRollup(deps, serviceId, true)

  const reportIds = plan.reports.map(() => randomUUID())
  const reportId = (i: number) => idAt(reportIds, i, 'report')
  const citizen: DemoCitizenRows = {
    ratings: plan.ratings.map((r) => {
      const t = plan.transactions[r.transaction]
      if (!t) throw new Error(`Demo rating of unknown transaction ${r.transaction}`)
      return {
        transactionId: txId(r.transaction),
        serviceId: t.serviceId,
        channel: t.channel,
        overall: r.overall,
        clarity: r.clarity,
        promisedTime: r.promisedTime,
        visits: r.visits,
        staffConduct: r.staffConduct,
        cost: r.cost,
        onlineEase: r.onlineEase,
        // Masked before it is stored, as the rating action does: nobody ever sees the number.
        comment: r.comment === null ? null : maskPersonalData(r.comment),
        createdAt: r.createdAt,
      }
    }),
    ratingRollups: ratingRollups(plan),
    votes: plan.votes,
    helpfulRollups: helpfulRollups(plan),
    reports: plan.reports.map((r, i) => ({
      id: reportId(i),
      code: newTrackingCode(),
      serviceId: r.serviceId,
      agencyId: r.agencyId,
      section: r.section,
      versionNo: r.versionNo,
      whatWrong: r.whatWrong,
      whatRight: r.whatRight,
      contactMobile: null,
      contactEmail: r.contactEmail,
      state: r.state,
      fixVersionNo: r.fixVersionNo,
      reason: r.reason,
      duplicateOf: r.duplicateOf === null ? null : reportId(r.duplicateOf),
      receivedAt: r.receivedAt,
      dueOn: r.dueOn,
      answeredAt: r.answeredAt,
      answeredBy: r.answeredAt ? (answerer.get(r.agencyId)?.userId ?? null) : null,
      closedAt: r.closedAt,
    })),
  }
  const titles = new Map(candidates.map((c) => [c.serviceId, c.title]))

  await deps.publicChange(async (trx, markChanged) => {
    await insertDemoCitizenFeedback(trx, citizen)
    for (const [i, r] of plan.reports.entries())
      await reportTrail(trx, r, {
        id: reportId(i),
        duplicateOfId: r.duplicateOf === null ? null : reportId(r.duplicateOf),
        title: titles.get(r.serviceId) ?? '',
        answerer: answerer.get(r.agencyId) ?? null,
      })
    await recordAudit(trx, deps.clock, {
      actor: null,
      entityType: 'demo',
      entityId: 'feedback',
      action: 'load',
      agencyId: null,
      before: null,
      after: {
        services: plan.tiers.length,
        transactions: plan.transactions.length,
        ratings: plan.ratings.length,
        votes: plan.votes.length,
        reports: plan.reports.length,
      },
    })
    // The service pages now have figures (features/feedback drops them the same way).
    await markChanged(...plan.tiers.map((t) => serviceCacheTag(t.serviceId)))
  })

  const services: Record<FeedbackTier, number> = { full: 0, mixed: 0, few: 0, helpful_only: 0 }
  for (const t of plan.tiers) services[t.tier]++
  return {
    services,
    transactions: plan.transactions.length,
    steps: feed.steps.length,
    ratings: plan.ratings.length,
    votes: plan.votes.length,
    reports: plan.reports.length,
  }
}

/**
 * What the report actions leave besides the row, each at its own moment: the audit entries of
 * its submission, its answer and its closing by a fix, and the agency's inbox notice.
 */
async function reportTrail(
  trx: Deps['db'],
  r: PlannedReport,
  ctx: { id: string; duplicateOfId: string | null; title: string; answerer: Actor | null },
): Promise<void> {
  const { id, title, answerer: actor } = ctx
  const received = fixedClock(r.receivedAt)
  await recordAudit(trx, received, {
    actor: null,
    entityType: 'accuracy-report',
    entityId: id,
    action: 'submit',
    agencyId: r.agencyId,
    before: null,
    after: { serviceId: r.serviceId, section: r.section, dueOn: r.dueOn },
  })
  await notify(
    trx,
    {
      userIds: await findRecipients(trx, {
        agencyId: r.agencyId,
        roles: ['agency_editor', 'agency_admin'],
      }),
      kind: 'feedback.report',
      subject: reportMsg.notifySubject(title),
      text: reportMsg.notifyText(title, REPORT_SECTION_LABELS[r.section], holidayDateFa(r.dueOn)),
      link: `/admin/reports/${id}`,
      dedupeKey: `feedback.report:${id}`,
    },
    received,
  )
  if (r.answeredAt && actor)
    await recordAudit(trx, fixedClock(r.answeredAt), {
      actor,
      entityType: 'accuracy-report',
      entityId: id,
      action: 'answer',
      agencyId: r.agencyId,
      before: { state: 'received' },
      after: {
        state: r.state === 'fixed' ? 'accepted' : r.state,
        fixVersionNo: r.fixVersionNo,
        reason: r.reason,
        duplicateOf: ctx.duplicateOfId,
      },
    })
  if (r.state === 'fixed' && r.closedAt)
    await recordAudit(trx, fixedClock(r.closedAt), {
      actor: null,
      entityType: 'accuracy-report',
      entityId: id,
      action: 'fixed',
      agencyId: r.agencyId,
      before: null,
      after: { state: 'fixed' },
    })
}
