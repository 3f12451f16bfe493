import type { Kysely, Selectable } from 'kysely'
import type { AccuracyReportsTable, Database } from '../../db/schema.ts'
import {
  type AccuracyReport,
  REPORT_SECTIONS,
  REPORT_STATES,
  type ReportSection,
  type ReportState,
} from './report.model.ts'

type Executor = Kysely<Database>

function toReport(row: Selectable<AccuracyReportsTable>): AccuracyReport {
  const section = REPORT_SECTIONS.find((s) => s === row.section)
  if (!section) throw new Error(`accuracy report ${row.id}: unknown section ${row.section}`)
  return { ...row, section }
}

/** A public service as a report needs it: its agency, title and current version. */
export interface ReportedService {
  id: string
  slug: string
  agencyId: string
  title: string
  versionNo: number
}

export async function findPublishedServiceBySlug(
  db: Executor,
  slug: string,
): Promise<ReportedService | undefined> {
  return db
    .selectFrom('services as s')
    .innerJoin('serviceVersions as v', 'v.serviceId', 's.id')
    .select(['s.id', 's.slug', 's.agencyId', 'v.title', 'v.versionNo'])
    .where('s.slug', '=', slug)
    .where('s.withdrawnAt', 'is', null)
    .where('v.status', '=', 'published')
    .executeTakeFirst()
}

/** A reported service's slug and, while it is public, its title and version number. */
export async function serviceOfReport(
  db: Executor,
  serviceId: string,
): Promise<{ slug: string; title: string | null; versionNo: number | null }> {
  return db
    .selectFrom('services as s')
    .leftJoin('serviceVersions as v', (j) =>
      j.onRef('v.serviceId', '=', 's.id').on('v.status', '=', 'published'),
    )
    .select(['s.slug', 'v.title', 'v.versionNo'])
    .where('s.id', '=', serviceId)
    .executeTakeFirstOrThrow()
}

/** The number of the version now public, or null when none is. */
export async function publishedVersionNo(db: Executor, serviceId: string): Promise<number | null> {
  const row = await db
    .selectFrom('serviceVersions')
    .select('versionNo')
    .where('serviceId', '=', serviceId)
    .where('status', '=', 'published')
    .executeTakeFirst()
  return row?.versionNo ?? null
}

export async function insertReport(
  db: Executor,
  r: {
    code: string
    serviceId: string
    agencyId: string
    section: ReportSection
    versionNo: number
    whatWrong: string
    whatRight: string | null
    contactMobile: string | null
    contactEmail: string | null
    receivedAt: Date
    dueOn: string
  },
): Promise<AccuracyReport> {
  return toReport(
    await db.insertInto('accuracyReports').values(r).returningAll().executeTakeFirstOrThrow(),
  )
}

export async function findReportByCode(
  db: Executor,
  code: string,
): Promise<AccuracyReport | undefined> {
  const row = await db
    .selectFrom('accuracyReports')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst()
  return row && toReport(row)
}

export async function findReportById(
  db: Executor,
  id: string,
): Promise<AccuracyReport | undefined> {
  const row = await db
    .selectFrom('accuracyReports')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toReport(row)
}

/** Codes of reports by id (to name the report a duplicate points to). */
export async function codesOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('accuracyReports')
    .select(['id', 'code'])
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.id, r.code]))
}

/** The agency's answer, written only while the report still waits for one. */
export async function answerReport(
  db: Executor,
  id: string,
  a: {
    state: Exclude<ReportState, 'received' | 'fixed'>
    fixVersionNo: number | null
    reason: string | null
    duplicateOf: string | null
    userId: string
    now: Date
  },
): Promise<boolean> {
  const closes = a.state !== 'accepted'
  const result = await db
    .updateTable('accuracyReports')
    .set({
      state: a.state,
      fixVersionNo: a.fixVersionNo,
      reason: a.reason,
      duplicateOf: a.duplicateOf,
      answeredAt: a.now,
      answeredBy: a.userId,
      ...(closes ? { closedAt: a.now, contactMobile: null, contactEmail: null } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', 'received')
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/**
 * Closes every accepted report whose fix is public (a version numbered N or later is
 * published), deleting its contact; `serviceId` narrows it to one service. Returns those closed.
 */
export async function closeFixedReports(
  db: Executor,
  now: Date,
  serviceId?: string,
): Promise<{ id: string; agencyId: string }[]> {
  let q = db
    .updateTable('accuracyReports as r')
    .from('serviceVersions as v')
    .set({ state: 'fixed', closedAt: now, contactMobile: null, contactEmail: null })
    .whereRef('v.serviceId', '=', 'r.serviceId')
    .where('v.status', '=', 'published')
    .where('r.state', '=', 'accepted')
    .whereRef('v.versionNo', '>=', 'r.fixVersionNo')
  if (serviceId) q = q.where('r.serviceId', '=', serviceId)
  return q.returning(['r.id', 'r.agencyId']).execute()
}

/** A report in a staff list, with its service. */
export interface ReportRow extends AccuracyReport {
  serviceTitle: string
  serviceSlug: string
  publishedVersionNo: number | null
}

/**
 * Reports of one agency (null: every agency), newest first; `overdueOn` keeps only those still
 * unanswered whose due day is before that Tehran day.
 */
export async function listReports(
  db: Executor,
  f: {
    agencyId: string | null
    states?: readonly ReportState[]
    overdueOn?: string
    limit: number
  },
): Promise<ReportRow[]> {
  let q = db
    .selectFrom('accuracyReports as r')
    .innerJoin('services as s', 's.id', 'r.serviceId')
    .leftJoin('serviceVersions as v', (j) =>
      j.onRef('v.serviceId', '=', 's.id').on('v.status', '=', 'published'),
    )
    .selectAll('r')
    .select(['s.slug as serviceSlug', 'v.title as vTitle', 'v.versionNo as publishedVersionNo'])
  if (f.agencyId) q = q.where('r.agencyId', '=', f.agencyId)
  if (f.states) q = q.where('r.state', 'in', [...f.states])
  if (f.overdueOn) q = q.where('r.state', '=', 'received').where('r.dueOn', '<', f.overdueOn)
  const rows = await q.orderBy('r.receivedAt', 'desc').orderBy('r.id').limit(f.limit).execute()
  return rows.map(({ serviceSlug, vTitle, publishedVersionNo, ...r }) => ({
    ...toReport(r),
    serviceSlug,
    serviceTitle: vTitle ?? serviceSlug,
    publishedVersionNo,
  }))
}

/**
 * Reports by state (an accepted report whose fix is public counted as fixed) and how many are
 * unanswered past their due day, for one agency (null: every agency).
 */
export async function countReports(
  db: Executor,
  agencyId: string | null,
  todayIso: string,
): Promise<{ byState: Record<ReportState, number>; overdue: number }> {
  let q = db
    .selectFrom('accuracyReports as r')
    .leftJoin('serviceVersions as v', (j) =>
      j.onRef('v.serviceId', '=', 'r.serviceId').on('v.status', '=', 'published'),
    )
    .select((eb) => [
      'r.state',
      eb
        .case()
        .when(
          eb.and([
            eb('r.state', '=', 'accepted'),
            eb('v.versionNo', '>=', eb.ref('r.fixVersionNo')),
          ]),
        )
        .then(true)
        .else(false)
        .end()
        .as('fixedNow'),
      eb
        .case()
        .when(eb.and([eb('r.state', '=', 'received'), eb('r.dueOn', '<', todayIso)]))
        .then(true)
        .else(false)
        .end()
        .as('late'),
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['r.state', 'fixedNow', 'late'])
  if (agencyId) q = q.where('r.agencyId', '=', agencyId)
  const rows = await q.execute()
  const byState = Object.fromEntries(REPORT_STATES.map((s) => [s, 0])) as Record<
    ReportState,
    number
  >
  let overdue = 0
  for (const r of rows) {
    const state = REPORT_STATES.find((s) => s === r.state)
    if (!state) continue
    const n = Number(r.n)
    byState[r.fixedNow ? 'fixed' : state] += n
    if (r.late) overdue += n
  }
  return { byState, overdue }
}

/** An open report of a service, as the review page lists it. */
export interface OpenServiceReport {
  code: string
  section: ReportSection
  state: 'received' | 'accepted'
  fixVersionNo: number | null
}

/**
 * The open reports of a service (unanswered, or accepted with the fix not public yet): the
 * review page's section facts, and the review lock on the accepted ones (issue 13 item 2).
 */
export async function openReportsOfService(
  db: Executor,
  serviceId: string,
): Promise<OpenServiceReport[]> {
  const current = await publishedVersionNo(db, serviceId)
  const rows = await db
    .selectFrom('accuracyReports')
    .select(['code', 'section', 'state', 'fixVersionNo'])
    .where('serviceId', '=', serviceId)
    .where('state', 'in', ['received', 'accepted'])
    .orderBy('receivedAt')
    .execute()
  return rows.flatMap((r): OpenServiceReport[] => {
    const section = REPORT_SECTIONS.find((s) => s === r.section)
    if (!section || (r.state !== 'received' && r.state !== 'accepted')) return []
    const n = r.fixVersionNo
    if (r.state === 'accepted' && (n === null || (current !== null && current >= n))) return []
    return [{ code: r.code, section, state: r.state, fixVersionNo: n }]
  })
}
