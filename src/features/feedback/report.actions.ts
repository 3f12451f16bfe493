import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, NotFoundError, RateLimitedError } from '../../lib/errors.ts'
import { addCalendarDays, addWorkingDays, tehranIsoDay } from '../../lib/working-calendar.ts'
import { recordAudit } from '../audit/index.ts'
import { holidayDateFa, loadWorkingCalendar } from '../calendar/index.ts'
import { findRecipients, notify } from '../notifications/index.ts'
import { assertCanEditServicesOf } from '../services/index.ts'
import { guardPublicForm, type PublicFormSubmission } from './abuse.actions.ts'
import { isSilentRefusal } from './abuse.model.ts'
import type { ReportAnswer, ReportInput } from './report.input.ts'
import { reportMsg as msg, REPORT_SECTION_LABELS } from './report.messages.fa.ts'
import {
  type AccuracyReport,
  ANSWER_WORKING_DAYS,
  newTrackingCode,
  parseTrackingCode,
} from './report.model.ts'
import {
  answerReport,
  closeFixedReports,
  findPublishedServiceBySlug,
  findReportByCode,
  findReportById,
  insertReport,
  publishedVersionNo,
} from './report.queries.ts'

type Db = Deps['db']

/**
 * The Tehran day an answer is due: 15 working days after the day the report came in, on the
 * portal's working calendar (Fridays, Thursdays by the setting, official holidays). The
 * calendar is loaded for 120 days ahead, far more than 15 working days can reach.
 */
export async function answerDueOn(deps: Pick<Deps, 'db'>, receivedAt: Date): Promise<string> {
  const today = tehranIsoDay(receivedAt)
  const cal = await loadWorkingCalendar(deps, today, addCalendarDays(today, 120))
  return addWorkingDays(today, ANSWER_WORKING_DAYS, cal)
}

/**
 * Records what closes without anyone acting: accepted reports whose fix is now public become
 * fixed, and their contact is deleted. Runs inside every report write (the publish command must
 * not know feedback) and when a review publishes its revision; pages read the same fact at
 * once through `effectiveState`.
 */
export async function closeFixed(deps: Pick<Deps, 'clock'>, db: Db, serviceId?: string) {
  const closed = await closeFixedReports(db, deps.clock.now(), serviceId)
  for (const r of closed)
    await recordAudit(db, deps.clock, {
      actor: null,
      entityType: 'accuracy-report',
      entityId: r.id,
      action: 'fixed',
      agencyId: r.agencyId,
      before: null,
      after: { state: 'fixed' },
    })
  return closed.length
}

/** What came of a report: stored, or dropped by the abuse controls without telling the sender. */
export type SubmitResult = { stored: true; report: AccuracyReport } | { stored: false }

/**
 * A citizen's report on one section of a public service (no sign-in): the public-form abuse
 * controls first (honeypot, fill time, duplicates, rate limits), then stored with its due day
 * and a new tracking code, and the agency's editors and admin are told through their inbox.
 */
export async function submitReport(
  deps: Deps,
  slug: string,
  input: ReportInput,
  sender: Pick<PublicFormSubmission, 'visitor' | 'fields'>,
): Promise<SubmitResult> {
  return deps.db.transaction().execute(async (trx): Promise<SubmitResult> => {
    const service = await findPublishedServiceBySlug(trx, slug)
    if (!service) throw new NotFoundError('service.not-found', msg.serviceNotFound)
    const verdict = await guardPublicForm(deps, trx, {
      form: 'report',
      ...sender,
      content: [service.id, input.section, input.whatWrong, input.whatRight ?? ''].join('\u0000'),
    })
    if (!verdict.ok) {
      if (isSilentRefusal(verdict.reason)) return { stored: false }
      throw new RateLimitedError(msg.rateLimited, 3600)
    }
    const now = deps.clock.now()
    const dueOn = await answerDueOn({ db: trx }, now)
    let code = newTrackingCode()
    // 50 random bits: a clash is next to impossible, but never silently reuse a code.
    while (await findReportByCode(trx, code)) code = newTrackingCode()
    const report = await insertReport(trx, {
      code,
      serviceId: service.id,
      agencyId: service.agencyId,
      section: input.section,
      versionNo: service.versionNo,
      whatWrong: input.whatWrong,
      whatRight: input.whatRight,
      contactMobile: input.contact.mobile,
      contactEmail: input.contact.email,
      receivedAt: now,
      dueOn,
    })
    // The contact is personal data: the audit names the report, never who sent it.
    await recordAudit(trx, deps.clock, {
      actor: null,
      entityType: 'accuracy-report',
      entityId: report.id,
      action: 'submit',
      agencyId: service.agencyId,
      before: null,
      after: { serviceId: service.id, section: input.section, dueOn },
    })
    const section = REPORT_SECTION_LABELS[input.section]
    await notify(
      trx,
      {
        userIds: await findRecipients(trx, {
          agencyId: service.agencyId,
          roles: ['agency_editor', 'agency_admin'],
        }),
        kind: 'feedback.report',
        subject: msg.notifySubject(service.title),
        text: msg.notifyText(service.title, section, holidayDateFa(dueOn)),
        link: `/admin/reports/${report.id}`,
        dedupeKey: `feedback.report:${report.id}`,
      },
      deps.clock,
    )
    await closeFixed(deps, trx)
    return { stored: true, report }
  })
}

export type AnswerResult = { ok: true } | { ok: false; errors: Record<string, string> }

/** The agency answers a report once: accepted (fixed in version N), rejected, duplicate, spam. */
export async function answerAccuracyReport(
  deps: Deps,
  actor: Actor | null,
  reportId: string,
  answer: ReportAnswer,
): Promise<AnswerResult> {
  return deps.db.transaction().execute(async (trx): Promise<AnswerResult> => {
    const report = await findReportById(trx, reportId)
    if (!report) throw new NotFoundError('report.not-found', msg.notFound)
    assertCanEditServicesOf(actor, report.agencyId)
    if (report.state !== 'received') throw new ConflictError('report.answered', msg.alreadyAnswered)
    let duplicateOf: string | null = null
    if (answer.decision === 'duplicate') {
      const code = parseTrackingCode(answer.duplicateOfCode)
      const original = code ? await findReportByCode(trx, code) : undefined
      if (!original || original.serviceId !== report.serviceId)
        return { ok: false, errors: { duplicateOf: msg.duplicateRequired } }
      if (original.id === report.id)
        return { ok: false, errors: { duplicateOf: msg.duplicateSelf } }
      duplicateOf = original.id
    }
    if (answer.decision === 'accept') {
      const current = (await publishedVersionNo(trx, report.serviceId)) ?? 0
      if (answer.fixVersionNo <= current)
        return { ok: false, errors: { fixVersionNo: msg.fixVersionRequired(current) } }
    }
    const state = (
      { accept: 'accepted', reject: 'rejected', duplicate: 'duplicate', spam: 'spam' } as const
    )[answer.decision]
    const fields = {
      state,
      fixVersionNo: answer.decision === 'accept' ? answer.fixVersionNo : null,
      reason: answer.decision === 'reject' ? answer.reason : null,
      duplicateOf,
    }
    const written = await answerReport(trx, report.id, {
      ...fields,
      userId: actor.userId,
      now: deps.clock.now(),
    })
    if (!written) throw new ConflictError('report.answered', msg.alreadyAnswered)
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'accuracy-report',
      entityId: report.id,
      action: 'answer',
      agencyId: report.agencyId,
      before: { state: report.state },
      after: fields,
    })
    await closeFixed(deps, trx)
    return { ok: true }
  })
}
