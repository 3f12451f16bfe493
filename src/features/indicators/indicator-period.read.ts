import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { tehranDateOf } from '../../lib/fa/index.ts'
import { findAgencyByCode } from '../agencies/index.ts'
import type { Unit } from './indicator.model.ts'
import { isoDayOf, parsePeriod, periodLabel } from './period.ts'
import type { SubmissionState } from './value.model.ts'
import { findSubmission, valuesOfAgencyPeriod } from './value.queries.ts'

export interface PeriodReviewView {
  title: string
  agencyCode: string
  agencyNameFa: string
  period: string
  state: SubmissionState | null
  submittedAt: Date | null
  comment: string | null
  /** The centre may decide: the period is waiting for it. */
  canDecide: boolean
  rows: {
    code: string
    nameFa: string
    unit: Unit
    numerator: number | null
    denominator: number | null
    value: number | null
    source: string
    evidenceNote: string | null
    hasFile: boolean
    late: boolean
  }[]
}

/** `/admin/indicators/periods/<agency>/<period>`: what an agency sent for one period. */
export async function loadPeriodReview(
  deps: Deps,
  actor: Actor,
  agencyCode: string,
  period: string,
): Promise<Omit<PeriodReviewView, never>> {
  const agency = await findAgencyByCode(deps.db, agencyCode)
  const p = parsePeriod(period)
  if (!agency || !p) throw new NotFoundError('indicator.period', 'این دوره پیدا نشد.')
  if (!isCentral(actor) && actor.agencyId !== agency.id)
    throw new ForbiddenError('indicators.values', 'مقدارهای دستگاه دیگر را نمی‌توان دید.')
  const [submission, values] = await Promise.all([
    findSubmission(deps.db, agency.id, p.key),
    valuesOfAgencyPeriod(deps.db, agency.id, p.key),
  ])
  return {
    title: `مقدار شاخص‌های ${agency.nameFa}، ${periodLabel(p)}`,
    agencyCode: agency.code,
    agencyNameFa: agency.nameFa,
    period: p.key,
    state: submission?.state ?? null,
    submittedAt: submission?.submittedAt ?? null,
    comment: submission?.comment ?? null,
    canDecide: isCentral(actor) && submission?.state === 'submitted',
    rows: values.map((v) => ({
      code: v.code,
      nameFa: v.nameFa,
      unit: v.unit,
      numerator: v.numerator,
      denominator: v.denominator,
      value: v.value,
      source: v.source,
      evidenceNote: v.evidenceNote,
      hasFile: v.evidenceFileId !== null,
      late: isoDayOf(tehranDateOf(v.recordedAt)) > v.dueOn,
    })),
  }
}
