import { z } from 'zod'
import type { AgencyLevel } from '../agencies/index.ts'
import { LAW_KINDS } from '../laws/index.ts'
import type { ServiceTotal } from '../processes/index.ts'
import type { ServiceContent } from '../services/index.ts'
import { serviceContentSchema, slugSchema } from '../services/index.ts'

/**
 * The catalogue file (JSON export, and what `mardom import` reads), format `mardom-catalogue`
 * version 1:
 *
 * ```
 * { format: 'mardom-catalogue', version: 1, exportedAt, publisher: { name, url },
 *   licence: { name, url },
 *   reviewPolicy: { cycleMonths, dueSoonDays, dueDays, escalateAfterDays },
 *   services: [CatalogueService…],
 *   files?: { <sha256>: <base64> }      // the form files, when embedded (CLI default)
 *   agencies: [ … ]                     // every agency, parents first, with its parent's code
 *                                       // (an import creates those it does not have)
 *   offices: [ … ] }                    // every office (cards refer to them by id), each with
 *                                       // its agency's id and code (`agencyCode`)
 * ```
 *
 * Each service is its stable id and slug, its agency (id, code and Persian name: an import
 * matches agencies by code), the published version's number, date and change note, the full
 * card (`ServiceContent`, as `services/service.schema.ts` parses it, so new card fields come
 * along by themselves), the laws the card cites (id, title, kind, number, approval date,
 * official link: an import matches laws by id, then by title and number, else creates them),
 * a download URL for each form file, and its three-year review clock (`review`: when its last
 * review was completed, when the next one is due; directive item 4).
 *
 * Version 1 only ever gains optional fields: a reader must accept a file without them and ignore
 * fields it does not know. Added since the first release: `review` on each service and
 * `reviewPolicy` in the header (issue 12); `totalTime` on each service (issue 17).
 *
 * The review *state* (current, due soon, due, overdue, escalated) is not in the file: it changes
 * with the passage of time alone, while a file is built once per catalogue state and may be
 * served unchanged for months. It follows from `review.nextReviewDue` and the header's
 * `reviewPolicy` on whatever day the reader likes: due soon from `dueSoonDays` before it, due
 * from `dueDays` before it, overdue from it, escalated `escalateAfterDays` after it (the API's
 * `GET /api/v1/services/{id}` gives today's state). An import ignores `review`: the clock is the
 * installation's own (a review is a record made there), so an imported service counts from its
 * first publication there.
 */
export const CATALOGUE_FORMAT = 'mardom-catalogue'
export const CATALOGUE_VERSION = 1

export const LICENCE = {
  name: 'CC BY 4.0',
  nameFa: 'کریتیو کامنز اِسناد ۴٫۰ بین‌المللی (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.fa',
} as const

export interface CatalogueLaw {
  id: string
  title: string
  kind: (typeof LAW_KINDS)[number]
  number: string | null
  /** ISO calendar day (Gregorian). */
  approvedOn: string | null
  /** The official text, when the registry has a link. */
  url: string | null
}

export interface CatalogueService {
  id: string
  slug: string
  /** The service's public page. */
  url: string
  agency: { id: string; code: string; nameFa: string }
  versionNo: number
  publishedAt: string
  changeNote: string | null
  /** When the public state last changed (publish, withdraw, restore, a completed review). */
  publicChangedAt: string | null
  /** Its review clock; null only for a service that has no first publication on record. */
  review: CatalogueReview | null
  content: ServiceContent
  /**
   * The service's one total time, in the service page's words (issue 17): from its process,
   * rounded, else its declared time; null when it has neither. Not read by an import (it follows
   * from `content`).
   */
  totalTime?: ServiceTotal | null
  laws: CatalogueLaw[]
  /** Where each form file in `content.forms` downloads from. */
  formFiles: { sha256: string; url: string }[]
}

/** A service's review clock as the file carries it (the API's `review`, without the state). */
export interface CatalogueReview {
  /** When its last review was completed (ISO 8601, UTC); null while never reviewed. */
  lastReviewedAt: string | null
  /**
   * The first instant (Tehran time) of the day its next review is due, ISO 8601 in UTC: a cycle
   * after the last review (or the first publication), or at once after a rejected audit.
   */
  nextReviewDue: string
}

/** The central review policy the due dates were computed with (settings, services/review-clock). */
export interface CatalogueReviewPolicy {
  cycleMonths: number
  dueSoonDays: number
  dueDays: number
  escalateAfterDays: number
}

/** An agency as the file carries it: its public facts, its parent by code. */
export interface CatalogueAgency {
  id: string
  code: string
  parentCode: string | null
  level: AgencyLevel
  nameFa: string
  nameEn: string | null
  shortNameFa: string | null
  website: string | null
  phone: string | null
  email: string | null
  address: string | null
  provinceCode: string | null
}

export interface CatalogueHeader {
  format: typeof CATALOGUE_FORMAT
  version: typeof CATALOGUE_VERSION
  exportedAt: string
  publisher: { name: string; url: string }
  licence: { name: string; url: string }
  reviewPolicy: CatalogueReviewPolicy
}

// ------------------------------------------------------------------------------------------
// Reading a file back (import): the envelope first, then each service on its own, so one bad
// record is reported without rejecting the others.

export const catalogueLawSchema = z.object({
  id: z.uuid(),
  title: z.string().trim().min(2).max(500),
  kind: z.enum(LAW_KINDS),
  number: z.string().trim().max(100).nullable(),
  approvedOn: z.iso.date().nullable(),
  url: z.url().max(2000).nullable(),
})

export const catalogueServiceSchema = z.object({
  id: z.uuid(),
  // Persian or Latin (issue 17 item 13): the same rule as the API and the staff forms.
  slug: slugSchema,
  url: z.string().optional(),
  agency: z.object({ id: z.string().optional(), code: z.string().min(1).max(20) }).loose(),
  versionNo: z.number().int().min(1),
  publishedAt: z.string().optional(),
  changeNote: z.string().max(2000).nullable().optional(),
  publicChangedAt: z.string().nullable().optional(),
  content: serviceContentSchema,
  laws: z.array(catalogueLawSchema).max(200).default([]),
  formFiles: z.array(z.object({ sha256: z.string(), url: z.string() })).optional(),
})
export type ImportedService = z.output<typeof catalogueServiceSchema>

const nullableText = (max: number) => z.string().trim().max(max).nullable().default(null)

/** An agency of the file; the database's own checks (name length, province) apply on insert. */
export const catalogueAgencySchema = z.object({
  id: z.uuid(),
  code: z.string().trim().min(1).max(20),
  parentCode: z.string().trim().min(1).max(20).nullable(),
  level: z.enum(['ministry', 'organisation', 'provincial_office', 'city_office']),
  nameFa: z.string().trim().min(2).max(200),
  nameEn: nullableText(200),
  shortNameFa: nullableText(100),
  website: z.url().max(2000).nullable().default(null),
  phone: nullableText(50),
  email: z.email().max(254).nullable().default(null),
  address: nullableText(500),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullable()
    .default(null),
})
export type ImportedAgency = z.output<typeof catalogueAgencySchema>

export const catalogueEnvelopeSchema = z.object({
  format: z.literal(CATALOGUE_FORMAT),
  version: z.literal(CATALOGUE_VERSION),
  exportedAt: z.string().optional(),
  publisher: z.object({ name: z.string(), url: z.string() }).loose().optional(),
  services: z.array(z.unknown()),
  files: z
    .record(z.string().regex(/^[0-9a-f]{64}$/), z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/))
    .optional(),
  offices: z.array(z.unknown()).optional(),
  agencies: z.array(z.unknown()).optional(),
})
export type CatalogueEnvelope = z.output<typeof catalogueEnvelopeSchema>
