/**
 * The general indicators (issue 14 item 3): set by the centre for every agency and computed by
 * the portal from what it already records, with nothing uploaded by hand. Each value keeps the
 * numerator, denominator and number of observations it came from, so anyone can check it.
 */

/** A Jalali period as half-open instants [from, to) in Tehran time. */
export interface QueryPeriod {
  from: Date
  to: Date
}

export interface ComputedValue {
  agencyId: string
  numerator: number
  /** Null for a plain count or a median. */
  denominator: number | null
  /**
   * Null when the denominator is 0, when there is nothing to measure, or when n is below the
   * rule's minimum; `note` then says why.
   */
  value: number | null
  /** The number of observations behind it (services, stages, documents, reviews, ratings…). */
  n: number
  /** Persian, e.g. «هیچ خدمتی منتشر نشده است». */
  note?: string
}

export type IndicatorCategory =
  | 'time'
  | 'cost'
  | 'accuracy'
  | 'satisfaction'
  | 'e_service'
  | 'transparency'
  | 'other'

export type IndicatorUnit =
  | 'percent'
  | 'count'
  | 'days'
  | 'hours'
  | 'score_1_5'
  | 'per_1000'
  | 'level_1_5'

export interface GeneralIndicator {
  /** Stable code, e.g. 'G-CARD-COMPLETE' (uppercase ASCII, digits, '-'). */
  key: string
  nameFa: string
  /** Plain Persian for the public method page. */
  definition: string
  rationale: string
  category: IndicatorCategory
  unit: IndicatorUnit
  direction: 'higher' | 'lower'
  numeratorFa: string
  denominatorFa: string | null
  frequency: 'monthly' | 'quarterly' | 'yearly'
  limitations: string
}

/** The codes, one per general indicator, in the order of the public method page. */
export const GENERAL_KEYS = {
  cardComplete: 'G-CARD-COMPLETE',
  reviewsOnTime: 'G-REVIEW-ON-TIME',
  maturity: 'G-E-MATURITY',
  electronicStages: 'G-E-STAGES',
  visitsRemoved: 'G-VISITS-REMOVED',
  documentsByInquiry: 'G-DOCS-INQUIRY',
  satisfaction: 'G-SATISFACTION',
  reportsPer1000: 'G-REPORTS-PER-1000',
  fixDays: 'G-FIX-DAYS',
  promiseOnTime: 'G-PROMISE-ON-TIME',
} as const

export type GeneralKey = (typeof GENERAL_KEYS)[keyof typeof GENERAL_KEYS]

/**
 * Below this many page views a period's reports per 1,000 views are not given: one view is a
 * thousandth of the unit the figure is stated in, so a handful of views would swing it wildly.
 */
export const MIN_VIEWS_FOR_RATE = 1_000

/** Rounds a value for storage; the numerator and denominator stay exact. */
export function roundValue(x: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
