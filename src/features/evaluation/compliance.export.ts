import { z } from '@hono/zod-openapi'
import { type JalaliDate, jalaliToGregorian, tehranDateOf } from '../../lib/fa/index.ts'
import { isProvinceCode } from '../../lib/iran/provinces.ts'
import type { ProposalStanding } from '../indicators/index.ts'
import { CSV_BOM, csvRow } from '../opendata/index.ts'
import { type ComplianceRow, INTEGRATION_DAYS, PEER_GROUPS } from './compliance.model.ts'
import type { ComplianceBoard } from './compliance.read.ts'

// The board as data: the API's JSON and the CSV file, the same rows and the same figures.

const pad = (n: number, w: number) => String(n).padStart(w, '0')

/** A Jalali day as its Gregorian ISO day (YYYY-MM-DD), as the open-data files write days. */
function isoDay(d: JalaliDate): string {
  const g = jalaliToGregorian(d.jy, d.jm, d.jd)
  return `${pad(g.gy, 4)}-${pad(g.gm, 2)}-${pad(g.gd, 2)}`
}

/** The Tehran calendar day an instant falls on, as a Gregorian ISO day. */
function tehranDay(at: Date | null): string | null {
  return at === null ? null : isoDay(tehranDateOf(at))
}

export const complianceQuery = z.object({
  group: z.enum(PEER_GROUPS).optional().openapi({
    description:
      'گروه هم‌تراز: ministry وزارتخانه‌ها، national سازمان‌های ملی، provincial ادارات استانی',
  }),
  province: z
    .string()
    .refine(isProvinceCode, { message: 'کد استان شناخته نیست' })
    .optional()
    .openapi({ description: 'کد دورقمی استان (فقط دستگاه‌های استانی و شهرستانی)', example: '07' }),
  format: z.enum(['json', 'csv']).optional().openapi({ description: 'json (پیش‌فرض) یا csv' }),
})

const shareJson = z.object({ count: z.number().int(), of: z.number().int() })

export const complianceJson = z
  .object({
    asOf: z.string().openapi({ format: 'date-time' }),
    integrationDays: z.number().int(),
    total: z.number().int().openapi({ description: 'همهٔ دستگاه‌ها، پیش از پالایش' }),
    items: z.array(
      z.object({
        agencyCode: z.string(),
        nameFa: z.string(),
        peerGroup: z.enum(PEER_GROUPS),
        provinceCode: z.string().nullable(),
        participating: z.boolean(),
        credentialsIssuedOn: z
          .string()
          .nullable()
          .openapi({ description: 'روز تهران، YYYY-MM-DD' }),
        firstSignInOn: z.string().nullable(),
        servicesPublished: z.number().int(),
        completeCards: shareJson,
        reviews: z.object({
          current: z.number().int(),
          overdue: z.number().int(),
          of: z.number().int(),
        }),
        indicatorProposal: z.object({
          status: z.enum(['no-credentials', 'on-time', 'late', 'waiting', 'overdue']),
          deadline: z.string().nullable(),
          firstSubmittedOn: z.string().nullable(),
        }),
        integration: shareJson,
        electronicStages: shareJson,
      }),
    ),
  })
  .openapi('ComplianceBoard')

type Proposal = z.infer<typeof complianceJson>['items'][number]['indicatorProposal']

function proposalJson(p: ProposalStanding): Proposal {
  switch (p.kind) {
    case 'no-credentials':
      return { status: 'no-credentials', deadline: null, firstSubmittedOn: null }
    case 'proposed':
      return {
        status: p.late ? 'late' : 'on-time',
        deadline: isoDay(p.deadline),
        firstSubmittedOn: tehranDay(p.firstSubmittedAt),
      }
    case 'waiting':
    case 'overdue':
      return { status: p.kind, deadline: isoDay(p.deadline), firstSubmittedOn: null }
  }
}

function itemJson(r: ComplianceRow): z.infer<typeof complianceJson>['items'][number] {
  return {
    agencyCode: r.agencyCode,
    nameFa: r.nameFa,
    peerGroup: r.peerGroup,
    provinceCode: r.provinceCode,
    participating: r.participating,
    credentialsIssuedOn: tehranDay(r.credentialsIssuedAt),
    firstSignInOn: tehranDay(r.firstSignInAt),
    servicesPublished: r.published,
    completeCards: r.completeCards,
    reviews: r.reviews,
    indicatorProposal: proposalJson(r.proposal),
    integration: r.integration,
    electronicStages: r.eService,
  }
}

export function complianceBody(board: ComplianceBoard): z.infer<typeof complianceJson> {
  return {
    asOf: board.asOf.toISOString(),
    integrationDays: INTEGRATION_DAYS,
    total: board.total,
    items: board.rows.map(itemJson),
  }
}

export const COMPLIANCE_CSV_HEADER = [
  'agency_code',
  'agency_name',
  'peer_group',
  'province_code',
  'participating',
  'credentials_issued_on',
  'first_sign_in_on',
  'services_published',
  'complete_cards',
  'reviews_current',
  'reviews_overdue',
  'proposal_status',
  'proposal_deadline',
  'proposal_first_submitted_on',
  'services_with_transactions_90d',
  'electronic_stages',
  'stages',
] as const

/** The board as CSV: UTF-8 with a BOM, CRLF, quoted and formula-guarded as every open-data CSV. */
export function complianceCsv(board: ComplianceBoard): string {
  const opt = (x: string | null) => x ?? ''
  const lines = board.rows.map((r) => {
    const j = itemJson(r)
    return csvRow([
      j.agencyCode,
      j.nameFa,
      j.peerGroup,
      opt(j.provinceCode),
      j.participating ? 'true' : 'false',
      opt(j.credentialsIssuedOn),
      opt(j.firstSignInOn),
      String(j.servicesPublished),
      String(j.completeCards.count),
      String(j.reviews.current),
      String(j.reviews.overdue),
      j.indicatorProposal.status,
      opt(j.indicatorProposal.deadline),
      opt(j.indicatorProposal.firstSubmittedOn),
      String(j.integration.count),
      String(j.electronicStages.count),
      String(j.electronicStages.of),
    ])
  })
  return CSV_BOM + csvRow(COMPLIANCE_CSV_HEADER) + lines.join('')
}
