import type { AgencyLevel } from '../../db/schema.ts'

// Declared once, with the `agencies` table's type; the feature's own name for it.
export type { AgencyLevel }

/** The levels from the top down: ministry, organisation, provincial office, city office. */
export const AGENCY_LEVELS = [
  'ministry',
  'organisation',
  'provincial_office',
  'city_office',
] as const satisfies readonly AgencyLevel[]

export interface Agency {
  id: string
  /** Portal-issued code used to sign in (directive item 3). */
  code: string
  parentId: string | null
  level: AgencyLevel
  nameFa: string
  nameEn: string | null
  shortNameFa: string | null
  website: string | null
  phone: string | null
  email: string | null
  address: string | null
  provinceCode: string | null
  credentialsIssuedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface AgencyBrief {
  id: string
  code: string
  nameFa: string
  level: AgencyLevel
  parentId: string | null
}

const RANK: Record<AgencyLevel, number> = {
  ministry: 0,
  organisation: 1,
  provincial_office: 2,
  city_office: 3,
}

/**
 * Whether `parent` may contain `child`: a parent sits at a strictly higher
 * level (ministry → organisation → provincial office → city office).
 * Ministries have no parent; organisations may stand alone (e.g. under the presidency).
 */
export function isValidParentLevel(child: AgencyLevel, parent: AgencyLevel | null): boolean {
  if (parent === null) return child === 'ministry' || child === 'organisation'
  return RANK[parent] < RANK[child]
}

/** Offices belong to a province; ministries and organisations are national. */
export function needsProvince(level: AgencyLevel): boolean {
  return level === 'provincial_office' || level === 'city_office'
}

/** The snapshot stored in the audit log. */
export function auditSnapshot(a: Agency): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = a
  return rest
}
