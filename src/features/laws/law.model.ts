/** A law, regulation, bylaw or circular in the shared registry that services cite by article. */
export const LAW_KINDS = ['law', 'regulation', 'bylaw', 'circular'] as const
export type LawKind = (typeof LAW_KINDS)[number]

export interface Law {
  id: string
  title: string
  kind: LawKind
  /** The official number, e.g. «۱۴۱۱۵۲/۲۰۰». */
  number: string | null
  /** The calendar day of approval, ISO `YYYY-MM-DD` (Gregorian); shown in Jalali. */
  approvedOn: string | null
  url: string | null
  /** The agency that registered it; null when the central office did. */
  addedByAgencyId: string | null
  createdAt: Date
  updatedAt: Date
}
