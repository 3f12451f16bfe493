import { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { tehranDateOf } from '../../lib/fa/index.ts'
import { findAgencyByCode, findAgencyById } from '../agencies/index.ts'
import {
  CATEGORIES,
  FREQUENCIES,
  type IndicatorVersion,
  SOURCES,
  UNITS,
} from './indicator.model.ts'
import { canSeeAll } from './indicator.policy.ts'
import {
  decisionsOf,
  findIndicatorByCode,
  listIndicators,
  versionsOf,
} from './indicator.queries.ts'
import { isoDayOf } from './period.ts'
import { type ValueWithState, valuesWithState } from './value.queries.ts'

const STATES = [
  'draft',
  'submitted',
  'changes_requested',
  'approved',
  'rejected',
  'superseded',
  'withdrawn',
] as const

export const codeParam = z.object({
  code: z
    .string()
    .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/)
    .max(40)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'S-10042-01' }),
})

export const listQuery = z.object({
  agency: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional()
    .openapi({ description: 'کد دستگاه: شاخص‌های اختصاصی آن دستگاه (و شاخص‌های عمومی)' }),
  state: z.enum(STATES).optional().openapi({ description: 'وضعیت نسخهٔ تازه‌تر' }),
})

const itemJson = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['general', 'specific']),
  state: z.enum(STATES),
  agencyCode: z.string().optional(),
  unit: z.enum(UNITS),
  direction: z.enum(['higher', 'lower']),
  frequency: z.enum(FREQUENCIES),
  category: z.enum(CATEGORIES),
  /** The method version in force, if any. */
  approvedVersion: z.number().int().nullable(),
})

export const listJson = z.object({ items: z.array(itemJson) }).openapi('IndicatorList')

const versionJson = z.object({
  versionNo: z.number().int(),
  state: z.enum(STATES),
  name: z.string(),
  definition: z.string(),
  rationale: z.string(),
  category: z.enum(CATEGORIES),
  unit: z.enum(UNITS),
  direction: z.enum(['higher', 'lower']),
  numerator: z.string(),
  denominator: z.string().nullable(),
  frequency: z.enum(FREQUENCIES),
  source: z.enum(SOURCES),
  maxAgeDays: z.number().int(),
  limitations: z.string(),
  scopeServiceIds: z.array(z.string()),
  targets: z.array(
    z.object({ year: z.number().int(), baseline: z.number().nullable(), target: z.number() }),
  ),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
})

export const detailJson = z
  .object({
    code: z.string(),
    kind: z.enum(['general', 'specific']),
    agencyCode: z.string().optional(),
    versions: z.array(versionJson),
    decisions: z.array(
      z.object({
        versionNo: z.number().int(),
        action: z.enum([
          'submitted',
          'approved',
          'rejected',
          'changes_requested',
          'withdrawn',
          'superseded',
        ]),
        at: z.string(),
        by: z
          .string()
          .openapi({ description: 'نام کارمند برای کارکنان؛ «ستاد مرکزی» یا «دستگاه» برای عموم' }),
        comment: z.string().nullable(),
        until: z.string().nullable(),
      }),
    ),
  })
  .openapi('Indicator')

export const valuesQuery = z.object({
  agency: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
})

const valueJson = z.object({
  agencyCode: z.string(),
  period: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  n: z.number().int().nullable(),
  note: z.string().nullable(),
  source: z.enum(['computed', 'api', 'manual', 'csv']),
  recordedAt: z.string(),
  dueOn: z.string(),
  late: z.boolean(),
  periodState: z.enum(['open', 'submitted', 'accepted', 'returned']),
})

export const valuesJson = z.object({ items: z.array(valueJson) }).openapi('IndicatorValues')
export const valueOutJson = valueJson.openapi('IndicatorValue')

function versionOut(v: IndicatorVersion): z.output<typeof versionJson> {
  return {
    versionNo: v.versionNo,
    state: v.state,
    name: v.nameFa,
    definition: v.definition,
    rationale: v.rationale,
    category: v.category,
    unit: v.unit,
    direction: v.direction,
    numerator: v.numeratorFa,
    denominator: v.denominatorFa,
    frequency: v.frequency,
    source: v.source,
    maxAgeDays: v.maxAgeDays,
    limitations: v.limitations,
    scopeServiceIds: v.scopeServiceIds,
    targets: v.targets,
    submittedAt: v.submittedAt?.toISOString() ?? null,
    decidedAt: v.decidedAt?.toISOString() ?? null,
  }
}

/**
 * GET /indicators. Without a token: approved indicators only, as approved. With a staff token:
 * the general ones and the agency's own in every state. Central staff: every indicator.
 */
export async function listBody(
  deps: Deps,
  actor: Actor | null,
  q: z.output<typeof listQuery>,
): Promise<z.output<typeof listJson>> {
  let agencyId: string | undefined
  if (q.agency) {
    const agency = await findAgencyByCode(deps.db, q.agency)
    if (!agency) throw new NotFoundError('agency.not-found', 'دستگاهی با این کد نیست.')
    agencyId = agency.id
  }
  const rows = await listIndicators(deps.db, {
    ...(agencyId ? { agencyId, withGeneral: true } : {}),
  })
  const items = rows.flatMap((r) => {
    const full = canSeeAll(actor, r.indicator)
    const shown = full ? (r.open ?? r.approved ?? r.latest) : r.approved
    if (!shown) return []
    if (q.state && shown.state !== q.state) return []
    return [
      {
        code: r.indicator.code,
        name: shown.nameFa,
        kind: r.indicator.kind,
        state: shown.state,
        ...(r.agencyCode ? { agencyCode: r.agencyCode } : {}),
        unit: shown.unit,
        direction: shown.direction,
        frequency: shown.frequency,
        category: shown.category,
        approvedVersion: r.approved?.versionNo ?? null,
      },
    ]
  })
  return { items }
}

async function visibleIndicator(deps: Deps, actor: Actor | null, code: string) {
  const indicator = await findIndicatorByCode(deps.db, code)
  if (!indicator) throw new NotFoundError('indicator.not-found', 'این شاخص پیدا نشد.')
  const full = canSeeAll(actor, indicator)
  const versions = await versionsOf(deps.db, indicator.id)
  // The public see an indicator only once it is approved, and only its approved versions.
  const shown = full
    ? versions
    : versions.filter((v) => v.state === 'approved' || v.state === 'superseded')
  if (shown.length === 0) throw new NotFoundError('indicator.not-found', 'این شاخص پیدا نشد.')
  return { indicator, full, versions: shown }
}

/** GET /indicators/{code}: its versions and dated decisions (staff names for staff only). */
export async function detailBody(
  deps: Deps,
  actor: Actor | null,
  code: string,
): Promise<z.output<typeof detailJson>> {
  const { indicator, full, versions } = await visibleIndicator(deps, actor, code)
  const shownNos = new Set(versions.map((v) => v.versionNo))
  const decisions = (await decisionsOf(deps.db, indicator.id)).filter((d) =>
    shownNos.has(d.versionNo),
  )
  const agencyCode = indicator.agencyId
    ? (await findAgencyById(deps.db, indicator.agencyId))?.code
    : undefined
  return {
    code: indicator.code,
    kind: indicator.kind,
    ...(agencyCode ? { agencyCode } : {}),
    versions: versions.map(versionOut),
    decisions: decisions.map((d) => ({
      versionNo: d.versionNo,
      action: d.action,
      at: d.at.toISOString(),
      by: full
        ? d.actorName
        : d.action === 'submitted'
          ? indicator.kind === 'general'
            ? 'ستاد مرکزی'
            : 'دستگاه'
          : 'ستاد مرکزی',
      comment: full ? d.comment : null,
      until: full ? d.untilDay : null,
    })),
  }
}

export function valueOut(v: ValueWithState): z.output<typeof valueJson> {
  return {
    agencyCode: v.agencyCode,
    period: v.period,
    numerator: v.numerator,
    denominator: v.denominator,
    value: v.value,
    n: v.n,
    note: v.note,
    source: v.source,
    recordedAt: v.recordedAt.toISOString(),
    dueOn: v.dueOn,
    late: isoDayOf(tehranDateOf(v.recordedAt)) > v.dueOn,
    periodState: v.submission ?? 'open',
  }
}

/**
 * GET /indicators/{code}/values. The public see values the centre accepted (and the portal's
 * own computed values); agency staff every value of their own agency; central staff all.
 */
export async function valuesBody(
  deps: Deps,
  actor: Actor | null,
  code: string,
  q: z.output<typeof valuesQuery>,
): Promise<z.output<typeof valuesJson>> {
  const { indicator } = await visibleIndicator(deps, actor, code)
  let agencyId: string | undefined
  if (q.agency) {
    const agency = await findAgencyByCode(deps.db, q.agency)
    if (!agency) throw new NotFoundError('agency.not-found', 'دستگاهی با این کد نیست.')
    agencyId = agency.id
  }
  const rows = await valuesWithState(deps.db, indicator.id, agencyId)
  const items = rows.filter((v) => {
    if (isCentral(actor)) return true
    if (actor?.agencyId && v.agencyId === actor.agencyId) return true
    return v.source === 'computed' || v.submission === 'accepted'
  })
  return { items: items.map(valueOut) }
}
