import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { toPersianDigits } from '../../lib/fa/index.ts'
import { tehranIsoDay } from '../../lib/working-calendar.ts'
import { listAgencyBriefs } from '../agencies/index.ts'
import { canEditServicesOf } from '../services/index.ts'
import { reportMsg as msg, REPORT_STATE_LABELS } from './report.messages.fa.ts'
import {
  type AccuracyReport,
  effectiveState,
  formatTrackingCode,
  isOverdue,
  parseTrackingCode,
  REPORT_STATES,
  type ReportSection,
  type ReportState,
} from './report.model.ts'
import {
  codesOf,
  countReports,
  findPublishedServiceBySlug,
  findReportByCode,
  findReportById,
  listReports,
  publishedVersionNo,
  type ReportedService,
  serviceOfReport,
} from './report.queries.ts'

/** What anyone holding the code may know of a report: never the contact. */
export interface PublicReport {
  code: string
  serviceTitle: string
  serviceSlug: string
  section: ReportSection
  state: ReportState
  /** The agency's answer in words, e.g. «در نسخهٔ ۴ اصلاح می‌شود»; null while unanswered. */
  answer: string | null
  fixVersionNo: number | null
  duplicateOf: string | null
  whatWrong: string
  whatRight: string | null
  receivedAt: Date
  dueOn: string
  answeredAt: Date | null
  closedAt: Date | null
}

function answerText(r: AccuracyReport, state: ReportState, duplicateCode: string | null) {
  switch (state) {
    case 'accepted':
      return msg.fixedIn(toPersianDigits(r.fixVersionNo ?? 0))
    case 'fixed':
      return msg.fixedDone(toPersianDigits(r.fixVersionNo ?? 0))
    case 'rejected':
      return `${REPORT_STATE_LABELS.rejected}: ${r.reason ?? ''}`
    case 'duplicate':
      return duplicateCode
        ? `تکرار گزارش ${formatTrackingCode(duplicateCode)} است.`
        : REPORT_STATE_LABELS.duplicate
    case 'spam':
      return REPORT_STATE_LABELS.spam
    case 'received':
      return null
  }
}

async function toPublic(deps: Pick<Deps, 'db'>, r: AccuracyReport): Promise<PublicReport> {
  const service = await serviceOfReport(deps.db, r.serviceId)
  const state = effectiveState(r, service.versionNo)
  const dup = r.duplicateOf
    ? ((await codesOf(deps.db, [r.duplicateOf])).get(r.duplicateOf) ?? null)
    : null
  return {
    code: r.code,
    serviceTitle: service.title ?? service.slug,
    serviceSlug: service.slug,
    section: r.section,
    state,
    answer: answerText(r, state, dup),
    fixVersionNo: r.fixVersionNo,
    duplicateOf: dup,
    whatWrong: r.whatWrong,
    whatRight: r.whatRight,
    receivedAt: r.receivedAt,
    dueOn: r.dueOn,
    answeredAt: r.answeredAt,
    closedAt: state === 'fixed' && !r.closedAt ? null : r.closedAt,
  }
}

/** The public status of a report by its tracking code (as typed: groups, lower case, Persian digits). */
export async function loadPublicReport(
  deps: Pick<Deps, 'db'>,
  rawCode: string,
): Promise<PublicReport> {
  const code = parseTrackingCode(rawCode)
  const report = code ? await findReportByCode(deps.db, code) : undefined
  if (!report) throw new NotFoundError('report.not-found', msg.notFound)
  return toPublic(deps, report)
}

/** The service a report form is about (published, not withdrawn). */
export async function loadReportedService(
  deps: Pick<Deps, 'db'>,
  slug: string,
): Promise<ReportedService> {
  const service = await findPublishedServiceBySlug(deps.db, slug)
  if (!service) throw new NotFoundError('service.not-found', msg.serviceNotFound)
  return service
}

/** Agency staff see their agency's reports; central staff see every agency's. */
function scopeOf(actor: Actor | null): string | null {
  if (!actor) throw new ForbiddenError('reports.view', msg.forbidden)
  if (isCentral(actor)) return null
  if (actor.agencyId && canEditServicesOf(actor, actor.agencyId)) return actor.agencyId
  throw new ForbiddenError('reports.view', msg.forbidden)
}

export interface ReportListItem {
  id: string
  code: string
  serviceTitle: string
  serviceSlug: string
  agencyName: string | null
  section: ReportSection
  state: ReportState
  receivedAt: Date
  /** Whole days since the report came in. */
  ageDays: number
  dueOn: string
  overdue: boolean
}

export interface ReportListView {
  central: boolean
  state: ReportState | null
  overdueOnly: boolean
  items: ReportListItem[]
  counts: Record<ReportState, number>
  overdue: number
}

const LIST_LIMIT = 500

/**
 * The agency's reports (every agency's for the centre) with their state and age; `overdue`
 * keeps those whose answer is past its due day (issue 13: listed for the agency and the centre).
 */
export async function loadReportList(
  deps: Deps,
  actor: Actor | null,
  q: { state?: string | undefined; overdue?: string | undefined },
): Promise<ReportListView> {
  const agencyId = scopeOf(actor)
  const now = deps.clock.now()
  const today = tehranIsoDay(now)
  const state = REPORT_STATES.find((s) => s === q.state) ?? null
  const overdueOnly = q.overdue === '1'
  // Accepted and fixed are read together: an accepted report whose fix is public reads as fixed.
  const stored: readonly ReportState[] | undefined =
    state === 'accepted' || state === 'fixed' ? ['accepted', 'fixed'] : state ? [state] : undefined
  const [rows, counts] = await Promise.all([
    listReports(deps.db, {
      agencyId,
      ...(stored ? { states: stored } : {}),
      ...(overdueOnly ? { overdueOn: today } : {}),
      limit: LIST_LIMIT,
    }),
    countReports(deps.db, agencyId, today),
  ])
  const names =
    agencyId === null
      ? new Map((await listAgencyBriefs(deps.db)).map((a) => [a.id, a.nameFa]))
      : null
  const items: ReportListItem[] = rows.map((r) => {
    const effective = effectiveState(r, r.publishedVersionNo)
    return {
      id: r.id,
      code: r.code,
      serviceTitle: r.serviceTitle,
      serviceSlug: r.serviceSlug,
      agencyName: names ? (names.get(r.agencyId) ?? '—') : null,
      section: r.section,
      state: effective,
      receivedAt: r.receivedAt,
      ageDays: Math.floor((now.getTime() - r.receivedAt.getTime()) / 86_400_000),
      dueOn: r.dueOn,
      overdue: isOverdue({ state: effective, dueOn: r.dueOn }, today),
    }
  })
  return {
    central: agencyId === null,
    state,
    overdueOnly,
    items: items.filter((i) => !state || i.state === state),
    counts: counts.byState,
    overdue: counts.overdue,
  }
}

export interface ReportDetailView {
  id: string
  report: PublicReport
  agencyId: string
  /** Shown to the agency's own staff only, and only while the report is open. */
  contact: string | null
  currentVersionNo: number
  canAnswer: boolean
  overdue: boolean
}

/** One report for staff, with the answer form when it still waits for one. */
export async function loadReportDetail(
  deps: Deps,
  actor: Actor | null,
  id: string,
): Promise<ReportDetailView> {
  const agencyId = scopeOf(actor)
  const report = /^[0-9a-f-]{36}$/.test(id) ? await findReportById(deps.db, id) : undefined
  if (!report || (agencyId !== null && report.agencyId !== agencyId))
    throw new NotFoundError('report.not-found', msg.notFound)
  const pub = await toPublic(deps, report)
  const own = canEditServicesOf(actor, report.agencyId)
  return {
    id: report.id,
    report: pub,
    agencyId: report.agencyId,
    contact: own && pub.state !== 'fixed' ? (report.contactMobile ?? report.contactEmail) : null,
    currentVersionNo: (await publishedVersionNo(deps.db, report.serviceId)) ?? 0,
    canAnswer: own && report.state === 'received',
    overdue: isOverdue(report, tehranIsoDay(deps.clock.now())),
  }
}
