import {
  addCalendarDays,
  addWorkingDays,
  firstWorkingDayFrom,
  isWorkingDay,
  type WorkingCalendar,
} from '../../lib/working-calendar.ts'
import { ANSWER_WORKING_DAYS, attendanceSteps, RATING_LINK_DAYS } from '../feedback/index.ts'
import type { DeclaredTime, ServiceProcess } from '../services/index.ts'
import {
  COMMENT_WITH_MOBILE,
  NEGATIVE_COMMENTS,
  POSITIVE_COMMENTS,
  REPORT_STORY,
  type ReportSpec,
  type ReportSpecState,
  VOTE_FOLLOW_UPS,
} from './demo-feedback.texts.ts'
import { TehranDays } from './demo-feedback.time.ts'
import { stableHash } from './demo-reviews.plan.ts'

/**
 * The demo's feedback story (issue 13 item 9), planned relative to the moment the demo is
 * loaded and the central minimum n, so that it reads the same whenever `npm start` runs: a few
 * services are busy enough to show every figure (satisfaction with its interval, the helpful
 * Wilson bound, promised against actual), one shows the actual time but too few ratings, a few
 * show «هنوز دادهٔ کافی نیست», a dozen have only a handful of helpful votes, and the rest have
 * nothing. Everything comes from a seeded generator per service (no Math.random), and times are
 * measured against the same deadlines the transaction feed computes (feedback's timing), so a
 * step the plan makes late is late in the figures. `demo-feedback.load.ts` writes it in bulk.
 */

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
/** Transactions start over this many days before the demo is loaded (the window is 90). */
const START_SPAN_DAYS = 92
/**
 * A service whose current version is younger than this gets no transactions, so that every
 * transaction is measured against the version the page shows.
 */
const SETTLED_DAYS = 100

/** What the story makes of one service. */
export type FeedbackTier =
  /** Every figure shown: n at or above the minimum for time, satisfaction and helpful. */
  | 'full'
  /** Actual time and helpful shown; satisfaction below the minimum n. */
  | 'mixed'
  /** A few of everything: «هنوز دادهٔ کافی نیست» everywhere. */
  | 'few'
  /** A handful of helpful votes, nothing else. */
  | 'helpful_only'

/** How many services of each tier (the showcase agency's first, see SHOWCASE_TIERS). */
const TIER_SIZES: Record<FeedbackTier, number> = { full: 5, mixed: 1, few: 8, helpful_only: 12 }
/** The agency whose accounts the demo prints gets these first, so its dashboard has both. */
const SHOWCASE_TIERS: readonly FeedbackTier[] = ['full', 'full', 'few', 'few']

/** A published demo service as the plan sees it. */
export interface FeedbackCandidate {
  serviceId: string
  agencyId: string
  slug: string
  title: string
  /** The published version: transactions are measured against it. */
  versionId: string
  versionNo: number
  publishedAt: Date
  process: ServiceProcess
  declaredTime: DeclaredTime | null
  /** Every version ever published, oldest first (a report can be fixed in a later one). */
  history: readonly { versionNo: number; publishedAt: Date }[]
}

export interface FeedbackPlanInput {
  now: Date
  /** The central minimum n (settings): tiers are sized around it. */
  minN: number
  /** The working calendar from well before the oldest report to well after now. */
  cal: WorkingCalendar
  candidates: readonly FeedbackCandidate[]
  /** The agency whose accounts the demo prints: its dashboard gets both full and few. */
  showcaseAgencyId: string | null
  /** Agencies with staff on the portal: only their reports have been answered. */
  answeringAgencyIds: ReadonlySet<string>
}

export type DemoChannel = 'online' | 'counter_office' | 'in_person'
export type DemoOutcome = 'approved' | 'rejected' | 'withdrawn'

export interface PlannedStep {
  stepId: string
  startedAt: Date
  finishedAt: Date | null
  promisedBy: Date | null
}

export interface PlannedTransaction {
  serviceId: string
  agencyId: string
  versionId: string
  /** The agency's own code; stored only as its keyed hash. */
  trackingCode: string
  channel: DemoChannel
  startedAt: Date
  completedAt: Date | null
  outcome: DemoOutcome | null
  promisedBy: Date | null
  inPersonVisits: number
  ratingExpiresAt: Date | null
  /** The agency's last post about it (its first was at the start). */
  updatedAt: Date
  steps: PlannedStep[]
}

export interface PlannedRating {
  /** Index into `FeedbackPlan.transactions`. */
  transaction: number
  overall: number
  clarity: number | null
  promisedTime: number | null
  visits: number | null
  staffConduct: number | null
  cost: number | null
  onlineEase: number | null
  /** As the citizen typed it: the loader masks it as the rating action does. */
  comment: string | null
  createdAt: Date
}

export interface PlannedVote {
  serviceId: string
  versionNo: number
  helpful: boolean
  createdAt: Date
  missing: string | null
  section: ReportSpec['section'] | null
  followedUpAt: Date | null
}

export type PlannedReportState = ReportSpecState

export interface PlannedReport {
  serviceId: string
  agencyId: string
  section: ReportSpec['section']
  versionNo: number
  whatWrong: string
  whatRight: string | null
  contactEmail: string | null
  state: PlannedReportState
  fixVersionNo: number | null
  reason: string | null
  /** Index into `FeedbackPlan.reports` of the report this one repeats. */
  duplicateOf: number | null
  receivedAt: Date
  /** 15 working days after the day it came in, on the portal's calendar. */
  dueOn: string
  answeredAt: Date | null
  closedAt: Date | null
}

export interface FeedbackPlan {
  tiers: { serviceId: string; slug: string; tier: FeedbackTier }[]
  transactions: PlannedTransaction[]
  ratings: PlannedRating[]
  votes: PlannedVote[]
  reports: PlannedReport[]
}

/** Mulberry32: a small seeded generator, so the same service always gets the same story. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

type Rnd = () => number

const pick = <T>(rnd: Rnd, xs: readonly T[]): T => {
  const x = xs[Math.floor(rnd() * xs.length)]
  if (x === undefined) throw new Error('pick from an empty list')
  return x
}

/** A roughly normal deviate (sum of uniforms): enough for scores that are rounded anyway. */
const normal = (rnd: Rnd) => rnd() + rnd() + rnd() + rnd() - 2

const clampScore = (x: number) => Math.min(5, Math.max(1, Math.round(x)))

/** Some time in office hours (08:30–13:30 Tehran) of a day. */
const officeHours = (days: TehranDays, isoDay: string, rnd: Rnd) => days.at(isoDay, 8.5 + rnd() * 5)

const later = (a: Date, b: Date) => (a > b ? a : b)

/** A way through the process; `declined` when it took a decision's other branch than «بله». */
export interface ProcessWalk {
  path: ServiceProcess['steps']
  declined: boolean
}

/**
 * One way through the process, as a citizen's case goes: from the step nothing leads to, along
 * normal transitions. At a decision: never the branch that only returns for correction (it would
 * repeat steps, and a transaction records each step once); the variant branch (e.g. foreign
 * nationals) now and then; mostly «بله», sometimes the other branch, which ends in a refusal.
 */
export function walkProcess(process: ServiceProcess, rnd: Rnd): ProcessWalk {
  const byId = new Map(process.steps.map((s) => [s.id, s]))
  const next = new Map<string, { to: string; yes: boolean }[]>()
  const entered = new Set<string>()
  for (const t of process.transitions)
    if (t.kind === 'normal') {
      next.set(t.from, [...(next.get(t.from) ?? []), { to: t.to, yes: t.label === 'بله' }])
      entered.add(t.to)
    }
  const returnsOnly = (id: string) =>
    (next.get(id) ?? []).length === 0 &&
    process.transitions.some((t) => t.kind === 'return' && t.from === id)
  const path: ServiceProcess['steps'] = []
  const seen = new Set<string>()
  let declined = false
  let step = process.steps.find((s) => !entered.has(s.id) && s.variantId === null)
  while (step && !seen.has(step.id)) {
    path.push(step)
    seen.add(step.id)
    const options = (next.get(step.id) ?? []).flatMap((o) => {
      const to = byId.get(o.to)
      return to && !returnsOnly(to.id) ? [{ step: to, yes: o.yes }] : []
    })
    const main = options.filter((o) => o.step.variantId === null)
    const variant = options.filter((o) => o.step.variantId !== null)
    const yes = main.find((o) => o.yes) ?? main[0]
    let chosen: (typeof options)[number] | undefined
    if (variant.length > 0 && (main.length === 0 || rnd() < 0.15)) chosen = pick(rnd, variant)
    else if (yes && (main.length === 1 || rnd() < 0.88)) chosen = yes
    else if (main.length > 0) {
      chosen = pick(
        rnd,
        main.filter((o) => o !== yes),
      )
      declined = true
    }
    step = chosen?.step
  }
  return { path, declined }
}

/** A process whose every step takes minutes or hours: its steps follow each other at once. */
const isQuick = (process: ServiceProcess) =>
  process.steps.every(
    (s) => !s.duration || s.duration.unit === 'minute' || s.duration.unit === 'hour',
  )

/** The longest promise of a step, in hours (to find the step that holds the process up). */
function promiseHours(step: ServiceProcess['steps'][number]): number {
  const d = step.duration
  if (!d) return 0
  if (d.unit === 'minute') return d.max / 60
  if (d.unit === 'hour') return d.max
  return d.max * (d.unit === 'working_day' ? 34 : 24)
}

/**
 * When a step started at `start` finishes: within its published time, or, when `late`, after
 * the deadline the feed computes for it. Day-long steps finish in office hours of a working day.
 */
function stepFinish(
  step: ServiceProcess['steps'][number],
  start: Date,
  deadline: Date | null,
  late: boolean,
  rnd: Rnd,
  days: TehranDays,
  quick: boolean,
): Date {
  const d = step.duration
  // A decision takes no promised time: a moment in an automated process, minutes at a desk.
  if (!d || !deadline) return new Date(start.getTime() + rnd() * (quick ? 1 : 20) * MINUTE_MS)
  if (d.unit === 'minute' || d.unit === 'hour') {
    const unit = d.unit === 'hour' ? HOUR_MS : MINUTE_MS
    // An instant step (0 minutes) is done at once: anything later would break its promise.
    if (d.max === 0) return start
    // Within the promise a step mostly takes between half its shortest and its longest time.
    const amount = late
      ? d.max * (1.2 + rnd() * 1.3) + 1
      : d.min / 2 + ((rnd() + rnd()) / 2) * (d.max - d.min / 2)
    return new Date(start.getTime() + amount * unit)
  }
  if (late) {
    const extra = 1 + Math.floor(rnd() * Math.max(1, Math.ceil(d.max / 2)))
    return officeHours(days, addWorkingDays(days.day(deadline), extra, days.cal), rnd)
  }
  const n = d.min + Math.floor(rnd() * (d.max - d.min + 1))
  const at = officeHours(days, days.completionDay(start, n, d.unit), rnd)
  const earliest = new Date(start.getTime() + (20 + rnd() * 100) * MINUTE_MS)
  const finish = later(at, earliest)
  return finish > deadline ? deadline : finish
}

/** A step done at an office: by its staff, or by the citizen in person. */
const atDesk = (step: ServiceProcess['steps'][number]) =>
  step.actor === 'agency' || step.actor === 'other_agency' || step.requiresAttendance

/** `at` if an office is open then (08:00–14:00 of a working day), else soon after it opens next. */
function deskTime(days: TehranDays, at: Date, rnd: Rnd): Date {
  const day = days.day(at)
  const working = isWorkingDay(day, days.cal)
  if (working && at >= days.at(day, 8) && at < days.at(day, 14)) return at
  const next =
    working && at < days.at(day, 8) ? day : firstWorkingDayFrom(addCalendarDays(day, 1), days.cal)
  return days.at(next, 8 + rnd() * 1.5)
}

/** The channel a citizen applied through: the first step they take, else a plausible mix. */
function channelOf(path: ServiceProcess['steps'], rnd: Rnd): DemoChannel {
  const first = path.find((s) => s.actor === 'citizen')?.channel
  if (first === 'online' || first === 'counter_office' || first === 'in_person')
    return rnd() < 0.85 ? first : pick(rnd, ['online', 'counter_office', 'in_person'] as const)
  const r = rnd()
  return r < 0.5 ? 'online' : r < 0.8 ? 'counter_office' : 'in_person'
}

/** A tracking code as an agency's system might print one (hashed before it is stored). */
function trackingCode(slug: string, i: number, rnd: Rnd): string {
  const digits = Array.from({ length: 10 }, () => Math.floor(rnd() * 10)).join('')
  return `${(stableHash(slug) % 9000) + 1000}-${digits}-${i}`
}

interface ServiceStory {
  candidate: FeedbackCandidate
  tier: FeedbackTier
  rnd: Rnd
  h: number
}

/** One transaction of a service, or null when its start would fall after now. */
function planTransaction(
  s: ServiceStory,
  i: number,
  now: Date,
  days: TehranDays,
  bottleneck: string | null,
): PlannedTransaction | null {
  const { candidate: c, rnd } = s
  const { path, declined } = walkProcess(c.process, rnd)
  if (path.length === 0) return null
  const quick = isQuick(c.process)
  const channel = channelOf(path, rnd)
  const day = days.day(new Date(now.getTime() - rnd() * START_SPAN_DAYS * DAY_MS))
  const startedAt =
    channel === 'online'
      ? days.at(day, 7 + rnd() * 16)
      : officeHours(days, firstWorkingDayFrom(day, days.cal), rnd)
  if (startedAt.getTime() > now.getTime() - 10 * MINUTE_MS) return null

  const r = rnd()
  // A declined branch ends in a refusal; otherwise a few are refused late in the case or
  // withdrawn early, and the rest run the whole way.
  const outcome: DemoOutcome = declined
    ? 'rejected'
    : r < 0.9
      ? 'approved'
      : r < 0.96
        ? 'rejected'
        : 'withdrawn'
  const kept =
    outcome === 'approved' || declined || path.length < 3
      ? path.length
      : outcome === 'rejected'
        ? Math.ceil(path.length * 0.6) +
          Math.floor(rnd() * (path.length - Math.ceil(path.length * 0.6)))
        : 1 + Math.floor(rnd() * Math.floor(path.length / 2))
  const steps: PlannedStep[] = []
  let at = startedAt
  let finishedAll = true
  for (const step of path.slice(0, kept)) {
    // Staff take a case up (and citizens come in) in office hours: the wait is the hand-over's.
    if (atDesk(step)) at = deskTime(days, at, rnd)
    if (at >= now) {
      finishedAll = false
      break
    }
    const promisedBy = days.stepDeadline(c.process, step.id, at)
    const lateShare = step.id === bottleneck ? 0.3 : 0.04
    const finish = stepFinish(step, at, promisedBy, rnd() < lateShare, rnd, days, quick)
    if (finish > now) {
      steps.push({ stepId: step.id, startedAt: at, finishedAt: null, promisedBy })
      finishedAll = false
      break
    }
    steps.push({ stepId: step.id, startedAt: at, finishedAt: finish, promisedBy })
    // The hand-over to the next step: seconds between systems, up to an hour between desks.
    at = new Date(finish.getTime() + rnd() * (quick ? 0.5 : 60) * MINUTE_MS)
  }
  const last = steps.at(-1)
  const completedAt = finishedAll && last?.finishedAt ? last.finishedAt : null
  const attended = attendanceSteps(c.process)
  const lastEvent = steps.reduce((m, st) => later(m, st.finishedAt ?? st.startedAt), startedAt)
  return {
    serviceId: c.serviceId,
    agencyId: c.agencyId,
    versionId: c.versionId,
    trackingCode: trackingCode(c.slug, i, rnd),
    channel,
    startedAt,
    completedAt,
    outcome: completedAt ? outcome : null,
    promisedBy: days.totalDeadline(c.declaredTime, startedAt),
    inPersonVisits: steps.filter((st) => attended.has(st.stepId)).length,
    // The link's expiry counts from the post that completed it, in whole seconds.
    ratingExpiresAt: completedAt
      ? new Date(Math.floor((completedAt.getTime() + RATING_LINK_DAYS * DAY_MS) / 1000) * 1000)
      : null,
    updatedAt: lastEvent,
    steps,
  }
}

/** How many transactions, ratings and helpful votes a tier's service gets, around minimum n. */
function sizes(tier: FeedbackTier, minN: number, h: number) {
  const spread = (k: number) => h % Math.max(1, k)
  switch (tier) {
    case 'full':
      // About three quarters complete inside the window, and some 40% of those are rated.
      return {
        transactions: 3 * minN + spread(minN),
        ratings: minN + 3 + spread(Math.floor(minN / 2)),
        votes: minN + 10 + spread(2 * minN),
      }
    case 'mixed':
      return {
        transactions: 2 * minN + spread(Math.floor(minN / 2)),
        ratings: Math.max(1, Math.floor(minN / 2) - spread(5)),
        votes: minN + spread(minN),
      }
    case 'few':
      // Fewer transactions than minimum n: whatever completes stays below it.
      return {
        transactions: Math.max(3, Math.floor(minN / 5)) + spread(Math.floor(minN / 3)),
        ratings: 1 + spread(Math.floor(minN / 4)),
        votes: 2 + spread(Math.floor(minN / 2)),
      }
    case 'helpful_only':
      return { transactions: 0, ratings: 0, votes: 1 + spread(minN - 1) }
  }
}

/** A rating of a completed transaction, its scores leaning on what happened to the citizen. */
function planRating(
  t: PlannedTransaction,
  index: number,
  quality: number,
  now: Date,
  rnd: Rnd,
): PlannedRating | null {
  if (!t.completedAt) return null
  const room = Math.min(3 * DAY_MS, now.getTime() - t.completedAt.getTime() - MINUTE_MS)
  if (room < 5 * MINUTE_MS) return null
  const late = t.promisedBy !== null && t.completedAt > t.promisedBy
  const lateStep = t.steps.some((s) => s.promisedBy && s.finishedAt && s.finishedAt > s.promisedBy)
  const base =
    quality - (late || lateStep ? 0.8 : 0) - (t.outcome === 'rejected' ? 1.2 : 0) + normal(rnd)
  const overall = clampScore(base)
  // Each dimension is optional on the form: some are left blank.
  const dim = (shift: number) => (rnd() < 0.12 ? null : clampScore(overall + shift + normal(rnd)))
  const comment =
    rnd() < 0.12 ? pick(rnd, overall >= 4 ? POSITIVE_COMMENTS : NEGATIVE_COMMENTS) : null
  return {
    transaction: index,
    overall,
    clarity: dim(0.2),
    promisedTime: dim(late || lateStep ? -1.2 : 0.3),
    visits: dim(t.inPersonVisits > 1 ? -0.8 : 0.2),
    staffConduct: t.channel === 'online' ? null : dim(0.3),
    cost: dim(-0.2),
    onlineEase: t.channel === 'online' ? dim(0) : null,
    comment,
    createdAt: new Date(t.completedAt.getTime() + 5 * MINUTE_MS + rnd() * rnd() * room),
  }
}

/** Fisher–Yates with the service's generator. */
function shuffled<T>(xs: readonly T[], rnd: Rnd): T[] {
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    const a = out[i] as T
    out[i] = out[j] as T
    out[j] = a
  }
  return out
}

function planVotes(s: ServiceStory, count: number, now: Date): PlannedVote[] {
  const { candidate: c, rnd, h } = s
  const from = Math.max(now.getTime() - 120 * DAY_MS, c.publishedAt.getTime() + DAY_MS)
  const span = now.getTime() - 5 * MINUTE_MS - from
  if (span <= 0) return []
  const yesShare = 0.62 + (h % 30) / 100
  return Array.from({ length: count }, () => {
    const createdAt = new Date(from + rnd() * span)
    const helpful = rnd() < yesShare
    const follow = !helpful && rnd() < 0.35 ? pick(rnd, VOTE_FOLLOW_UPS) : null
    return {
      serviceId: c.serviceId,
      versionNo: c.versionNo,
      helpful,
      createdAt,
      missing: follow?.missing ?? null,
      section: follow?.section ?? null,
      followedUpAt: follow ? new Date(createdAt.getTime() + (1 + rnd() * 20) * MINUTE_MS) : null,
    }
  }).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}

/** Whether a service's transactions can be told: timed steps, a promise, a settled version. */
function canCarryTransactions(
  c: FeedbackCandidate,
  tier: FeedbackTier,
  input: FeedbackPlanInput,
  days: TehranDays,
) {
  const timed = c.process.steps.filter((s) => s.duration && s.duration.max > 0)
  if (timed.length < 2 || c.declaredTime === null) return false
  if (c.publishedAt.getTime() > input.now.getTime() - SETTLED_DAYS * DAY_MS) return false
  // Busy services finish well inside the window; few-data ones may take longer.
  const from = new Date(input.now.getTime() - 60 * DAY_MS)
  const promised = days.totalDeadline(c.declaredTime, from)
  const limitDays = tier === 'few' ? 45 : 25
  return promised !== null && promised.getTime() - from.getTime() <= limitDays * DAY_MS
}

/** Which services get which tier: the showcase agency's first, then others by stable hash. */
function chooseTiers(input: FeedbackPlanInput, days: TehranDays): ServiceStory[] {
  const ordered = input.candidates
    .map((c) => ({ c, h: stableHash(`feedback:${c.slug}`) }))
    .sort((a, b) => a.h - b.h || (a.c.slug < b.c.slug ? -1 : 1))
  const left: Record<FeedbackTier, number> = { ...TIER_SIZES }
  const taken = new Set<string>()
  const stories: ServiceStory[] = []
  const take = (c: FeedbackCandidate, h: number, tier: FeedbackTier) => {
    taken.add(c.serviceId)
    left[tier]--
    stories.push({ candidate: c, tier, h, rnd: seededRandom(h) })
  }
  const showcase = ordered.filter((x) => x.c.agencyId === input.showcaseAgencyId)
  for (const tier of SHOWCASE_TIERS) {
    const found = showcase.find(
      (x) => !taken.has(x.c.serviceId) && canCarryTransactions(x.c, tier, input, days),
    )
    if (found) take(found.c, found.h, tier)
  }
  // One busy service per agency, so the centre's dashboard compares agencies.
  const busyAgencies = new Set(
    stories.filter((s) => s.tier === 'full').map((s) => s.candidate.agencyId),
  )
  for (const tier of ['full', 'mixed', 'few', 'helpful_only'] as const)
    for (const { c, h } of ordered) {
      if (left[tier] <= 0) break
      if (taken.has(c.serviceId)) continue
      const busy = tier === 'full' || tier === 'mixed'
      if (busy && busyAgencies.has(c.agencyId)) continue
      if (tier !== 'helpful_only' && !canCarryTransactions(c, tier, input, days)) continue
      take(c, h, tier)
      if (busy) busyAgencies.add(c.agencyId)
    }
  return stories
}

/** A service whose latest version came weeks after the one before: a report fixed by it. */
function fixingVersion(input: FeedbackPlanInput) {
  const { now } = input
  return input.candidates
    .filter((c) => input.answeringAgencyIds.has(c.agencyId))
    .flatMap((c) => {
      const last = c.history.at(-1)
      const before = c.history.at(-2)
      if (!last || !before) return []
      const age = now.getTime() - last.publishedAt.getTime()
      const gap = last.publishedAt.getTime() - before.publishedAt.getTime()
      return age >= 10 * DAY_MS && age <= 400 * DAY_MS && gap >= 40 * DAY_MS
        ? [{ c, last, h: stableHash(`fixed:${c.slug}`) }]
        : []
    })
    .sort((a, b) => a.h - b.h || (a.c.slug < b.c.slug ? -1 : 1))[0]
}

/**
 * The reports of wrong information (REPORT_STORY): on the showcase agency's services (so its
 * staff see open, overdue, accepted and duplicate ones), on other agencies' (rejected, spam, one
 * left unanswered past its due day for the centre), and one fixed by a version published since.
 */
function planReports(
  input: FeedbackPlanInput,
  stories: readonly ServiceStory[],
  days: TehranDays,
): PlannedReport[] {
  const { now } = input
  const cal = days.cal
  const showcase = stories.filter((s) => s.candidate.agencyId === input.showcaseAgencyId)
  const others = stories.filter((s) => s.candidate.agencyId !== input.showcaseAgencyId)
  const answering = others.filter((s) => input.answeringAgencyIds.has(s.candidate.agencyId))
  const unanswered = others.filter((s) => !input.answeringAgencyIds.has(s.candidate.agencyId))
  const fixing = fixingVersion(input)
  const reports: PlannedReport[] = []
  for (const [k, spec] of REPORT_STORY.entries()) {
    const rnd = seededRandom(stableHash(`report:${k}`))
    const pool =
      spec.at === 'showcase'
        ? showcase
        : spec.at === 'unanswered' && unanswered.length > 0
          ? unanswered
          : answering
    let c = pool[spec.pick % Math.max(1, pool.length)]?.candidate
    let versionNo = c?.versionNo ?? 1
    let receivedAt = officeHours(
      days,
      firstWorkingDayFrom(days.day(new Date(now.getTime() - spec.daysAgo * DAY_MS)), cal),
      rnd,
    )
    let fixVersionNo: number | null = spec.state === 'accepted' ? versionNo + 1 : null
    if (spec.state === 'fixed') {
      if (!fixing) continue
      // Came in weeks before the fixing version, against the version public then.
      c = fixing.c
      versionNo = fixing.last.versionNo - 1
      fixVersionNo = fixing.last.versionNo
      receivedAt = officeHours(
        days,
        firstWorkingDayFrom(
          days.day(new Date(fixing.last.publishedAt.getTime() - spec.daysAgo * DAY_MS)),
          cal,
        ),
        rnd,
      )
    }
    if (!c || receivedAt >= now) continue
    const answeredAt =
      spec.answerAfterDays === null
        ? null
        : officeHours(days, addWorkingDays(days.day(receivedAt), spec.answerAfterDays, cal), rnd)
    if (answeredAt && (answeredAt >= now || !input.answeringAgencyIds.has(c.agencyId))) continue
    const serviceId = c.serviceId
    const duplicateOf =
      spec.state === 'duplicate'
        ? reports.findIndex((r) => r.serviceId === serviceId && r.state === 'received')
        : null
    if (duplicateOf === -1) continue
    const closes = spec.state !== 'received' && spec.state !== 'accepted'
    reports.push({
      serviceId,
      agencyId: c.agencyId,
      section: spec.section,
      versionNo,
      whatWrong: spec.whatWrong,
      whatRight: spec.whatRight,
      // The contact is deleted when a report closes.
      contactEmail: closes ? null : spec.contactEmail,
      state: spec.state,
      fixVersionNo,
      reason: spec.state === 'rejected' ? spec.reason : null,
      duplicateOf,
      receivedAt,
      dueOn: addWorkingDays(days.day(receivedAt), ANSWER_WORKING_DAYS, cal),
      answeredAt,
      // A fix closes the report when its version is published (the publish closes it).
      closedAt:
        spec.state === 'fixed' ? (fixing?.last.publishedAt ?? null) : closes ? answeredAt : null,
    })
  }
  return reports
}

export function planDemoFeedback(input: FeedbackPlanInput): FeedbackPlan {
  const { now, minN } = input
  const days = new TehranDays(input.cal)
  const stories = chooseTiers(input, days)
  const transactions: PlannedTransaction[] = []
  const ratings: PlannedRating[] = []
  const votes: PlannedVote[] = []
  let mobileCommentPlaced = false
  for (const s of stories) {
    const size = sizes(s.tier, minN, s.h)
    const timed = walkProcess(s.candidate.process, seededRandom(s.h))
      .path.filter((st) => st.actor !== 'citizen' && st.duration)
      .sort((a, b) => promiseHours(b) - promiseHours(a))
    const bottleneck = s.tier === 'full' || s.tier === 'mixed' ? (timed[0]?.id ?? null) : null
    const first = transactions.length
    for (let k = 0; k < size.transactions; k++) {
      const t = planTransaction(s, k, now, days, bottleneck)
      if (t) transactions.push(t)
    }
    const ours = transactions.slice(first).map((t, k) => ({ t, index: first + k }))
    const quality = 3.1 + (s.h % 14) / 10
    let rated = 0
    for (const { t, index } of shuffled(ours, s.rnd)) {
      if (rated >= size.ratings) break
      const r = planRating(t, index, quality, now, s.rnd)
      if (!r) continue
      // One comment carries a mobile number, so the masking has something to show.
      if (!mobileCommentPlaced && s.tier === 'full') {
        r.comment = COMMENT_WITH_MOBILE
        mobileCommentPlaced = true
      }
      ratings.push(r)
      rated++
    }
    votes.push(...planVotes(s, size.votes, now))
  }
  ratings.sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.transaction - b.transaction,
  )
  return {
    tiers: stories.map((s) => ({
      serviceId: s.candidate.serviceId,
      slug: s.candidate.slug,
      tier: s.tier,
    })),
    transactions,
    ratings,
    votes,
    reports: planReports(input, stories, days),
  }
}
