import { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { CSV_BOM, csvRow } from '../opendata/index.ts'
import { PEER_GROUPS } from './compliance.model.ts'
import { listBoardAgencies } from './compliance.queries.ts'
import { evalMsg } from './messages.fa.ts'
import { COMPONENT_KEYS, type ComponentKey } from './method.model.ts'
import { methodByVersion } from './method.queries.ts'
import type { Snapshot, SnapshotSummary } from './snapshot.model.ts'
import { listSnapshots, snapshotById } from './snapshot.queries.ts'

// Evaluations as data (issue 15 item 6): the API's JSON, the CSV file and the stored inputs a
// reader needs to recompute every score. Scores are exactly the published ones.

export const periodParam = z.object({
  period: z
    .string()
    .regex(/^[0-9]{4}$/, 'سال شمسی چهاررقمی، مانند 1404')
    .openapi({ param: { name: 'period', in: 'path' }, example: '1404' }),
})

export const evaluationQuery = z.object({
  seq: z.coerce.number().int().min(0).optional().openapi({
    description:
      'شمارهٔ نسخهٔ ارزیابی در همان سال: ۰ موقت، ۱ نخستین انتشار، ۲ به بعد اصلاح‌شده. بی آن، نسخهٔ معتبر.',
  }),
  format: z.enum(['json', 'csv']).optional().openapi({ description: 'json (پیش‌فرض) یا csv' }),
})

const status = z.enum(['provisional', 'published', 'corrected'])

const summaryJson = z.object({
  period: z.string(),
  status,
  seq: z.number().int(),
  inForce: z.boolean().openapi({ description: 'آیا این نسخه، نسخهٔ معتبر ارزیابی آن سال است' }),
  methodVersion: z.number().int(),
  computedAt: z.string().openapi({ format: 'date-time' }),
  publishedAt: z.string().nullable().openapi({ format: 'date-time' }),
  objectionsUntil: z.string().nullable().openapi({ format: 'date-time' }),
  correctsSeq: z.number().int().nullable(),
  agencies: z.number().int(),
  inputsDigest: z
    .string()
    .openapi({ description: 'SHA-256 ورودی‌ها (آرایهٔ inputs با کلیدهای مرتب و بی فاصله)' }),
})

export const evaluationListJson = z
  .object({ items: z.array(summaryJson) })
  .openapi('EvaluationList')

const KEYS: [ComponentKey | 'growth', ...(ComponentKey | 'growth')[]] = [
  'growth',
  ...COMPONENT_KEYS,
]

const componentJson = z.object({
  key: z.enum(KEYS),
  weight: z.number(),
  value: z.number().nullable().openapi({
    description: 'مقدار سنجیده؛ برای growth، امتیاز پایهٔ سال پیش',
  }),
  n: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  score: z.number().nullable().openapi({
    description:
      'سهم این جزء در امتیاز نهایی (امتیاز agency برابر جمع همین‌هاست)؛ null اگر غیرقابل مقایسه',
  }),
  rawScore: z.number().nullable().openapi({
    description: 'min(مقدار/هدف، ۱) × وزن، پیش از بازمقیاس به وزن جزءهای قابل مقایسه',
  }),
  comparable: z.boolean(),
  reason: z
    .enum(['no-value', 'too-few'])
    .nullable()
    .openapi({ description: 'چرا غیرقابل مقایسه است: بی مقدار، یا کمتر از کمینهٔ داده' }),
})

const agencyJson = z.object({
  agencyCode: z.string(),
  nameFa: z.string(),
  peerGroup: z.enum(PEER_GROUPS),
  provinceCode: z.string().nullable(),
  score: z.number().nullable().openapi({
    description: 'امتیاز نهایی از ۱۰۰ چنان‌که منتشر شد؛ null یعنی غیرقابل مقایسه',
  }),
  rank: z.number().int().nullable().openapi({
    description: 'رتبه در گروه هم‌تراز (ادارات استانی: در استان خود)؛ امتیاز برابر، رتبهٔ برابر',
  }),
  base: z.number().nullable().openapi({ description: 'جمع جزءها از ۱۰۰، پیش از رشد' }),
  comparableWeight: z.number(),
  growth: z.number().nullable(),
  components: z.array(componentJson),
})

export const evaluationJson = summaryJson
  .extend({ agencies: z.array(agencyJson) })
  .openapi('Evaluation')

export const scorecardJson = summaryJson
  .omit({ agencies: true })
  .extend({ agency: agencyJson })
  .openapi('Scorecard')

export const inputsJson = z
  .object({
    period: z.string(),
    seq: z.number().int(),
    inputsDigest: z.string(),
    method: z.object({
      version: z.number().int(),
      components: z.array(
        z.object({ key: z.string(), weight: z.number(), target: z.number(), minN: z.number() }),
      ),
      growthWeight: z.number(),
      minComparableShare: z.number(),
    }),
    inputs: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('EvaluationInputs')

function summaryBody(s: SnapshotSummary, inForce: boolean, all: readonly SnapshotSummary[]) {
  return {
    period: s.period,
    status: s.status,
    seq: s.seq,
    inForce,
    methodVersion: s.methodVersion,
    computedAt: s.computedAt.toISOString(),
    publishedAt: s.publishedAt?.toISOString() ?? null,
    objectionsUntil: s.objectionsUntil?.toISOString() ?? null,
    correctsSeq: all.find((x) => x.id === s.correctsId)?.seq ?? null,
    agencies: s.agencies,
    inputsDigest: s.inputsDigest,
  }
}

/** Every evaluation ever computed, newest first; the latest of each year is the one in force. */
export async function evaluationList(deps: Pick<Deps, 'db'>) {
  const all = await listSnapshots(deps.db)
  return {
    items: all.map((s, i) => summaryBody(s, all[i - 1]?.period !== s.period, all)),
  }
}

async function findSnapshot(deps: Pick<Deps, 'db'>, period: string, seq?: number) {
  const all = await listSnapshots(deps.db)
  const ofPeriod = all.filter((s) => s.period === period)
  const chosen = seq === undefined ? ofPeriod[0] : ofPeriod.find((s) => s.seq === seq)
  const snapshot = chosen && (await snapshotById(deps.db, chosen.id))
  if (!snapshot) throw new NotFoundError('evaluation.not-found', evalMsg.notFound)
  return { snapshot, inForce: ofPeriod[0]?.id === snapshot.id, all }
}

function agencyBody(
  card: Snapshot['scorecards'][number],
  agency: { code: string; nameFa: string },
  growthWeight: number,
  previousTotal: number | null,
) {
  return {
    agencyCode: agency.code,
    nameFa: agency.nameFa,
    peerGroup: card.peerGroup,
    provinceCode: card.provinceCode,
    score: card.score,
    rank: card.rank,
    base: card.base.comparable ? card.base.score : null,
    comparableWeight: card.base.comparableWeight,
    growth: card.growth?.comparable ? card.growth.score : null,
    components: [
      ...card.components.map((c) => ({
        key: c.key,
        weight: c.weight,
        value: c.observed?.value ?? null,
        n: c.observed?.n ?? null,
        numerator: c.observed?.numerator ?? null,
        denominator: c.observed?.denominator ?? null,
        score: c.points,
        rawScore: c.result.comparable ? c.result.score : null,
        comparable: c.result.comparable,
        reason: c.result.comparable ? null : c.result.reason,
      })),
      ...(card.growth
        ? [
            {
              key: 'growth' as const,
              weight: growthWeight,
              value: previousTotal,
              n: null,
              numerator: null,
              denominator: null,
              score: card.growth.comparable ? card.growth.score : null,
              rawScore: card.growth.comparable ? card.growth.score : null,
              comparable: card.growth.comparable,
              reason: card.growth.comparable ? null : card.growth.reason,
            },
          ]
        : []),
    ],
  }
}

async function growthWeightOf(deps: Pick<Deps, 'db'>, version: number): Promise<number> {
  return (await methodByVersion(deps.db, version))?.growthWeight ?? 0
}

async function agenciesById(deps: Pick<Deps, 'db'>) {
  return new Map((await listBoardAgencies(deps.db)).map((a) => [a.id, a]))
}

/** One year's evaluation: every agency's scorecard, ranked within its peer group. */
export async function evaluationBody(deps: Pick<Deps, 'db'>, period: string, seq?: number) {
  const { snapshot, inForce, all } = await findSnapshot(deps, period, seq)
  const names = await agenciesById(deps)
  const growthWeight = await growthWeightOf(deps, snapshot.methodVersion)
  const previous = new Map(snapshot.inputs.map((i) => [i.agencyId, i.previousTotal]))
  const agencies = snapshot.scorecards.map((card) =>
    agencyBody(
      card,
      names.get(card.agencyId) ?? { code: card.agencyId, nameFa: '' },
      growthWeight,
      previous.get(card.agencyId) ?? null,
    ),
  )
  return { ...summaryBody(snapshot, inForce, all), agencies }
}

const COMPONENT_COLUMNS = COMPONENT_KEYS.flatMap((k) => [`${k}_value`, `${k}_n`, `${k}_score`])

/** The same evaluation as CSV: one row per agency, each component's value, n and score. */
export function evaluationCsv(body: Awaited<ReturnType<typeof evaluationBody>>): string {
  const header = [
    'period',
    'status',
    'seq',
    'method_version',
    'agency_code',
    'name_fa',
    'peer_group',
    'province_code',
    'score',
    'rank',
    'base',
    'growth',
    'comparable_weight',
    ...COMPONENT_COLUMNS,
  ]
  const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x))
  const rows = body.agencies.map((a) => {
    const cells = COMPONENT_KEYS.flatMap((k) => {
      const c = a.components.find((x) => x.key === k)
      return [num(c?.value), num(c?.n), c ? (c.comparable ? num(c.score) : 'NC') : '']
    })
    return csvRow([
      body.period,
      body.status,
      String(body.seq),
      String(body.methodVersion),
      a.agencyCode,
      a.nameFa,
      a.peerGroup,
      a.provinceCode ?? '',
      num(a.score),
      num(a.rank),
      num(a.base),
      num(a.growth),
      num(a.comparableWeight),
      ...cells,
    ])
  })
  return CSV_BOM + [csvRow(header), ...rows].join('')
}

/** The stored inputs and the method: everything needed to recompute the published scores. */
export async function evaluationInputs(deps: Pick<Deps, 'db'>, period: string, seq?: number) {
  const { snapshot } = await findSnapshot(deps, period, seq)
  const method = await methodByVersion(deps.db, snapshot.methodVersion)
  if (!method) throw new NotFoundError('evaluation.not-found', evalMsg.notFound)
  return {
    period: snapshot.period,
    seq: snapshot.seq,
    inputsDigest: snapshot.inputsDigest,
    method: {
      version: method.version,
      components: method.components,
      growthWeight: method.growthWeight,
      minComparableShare: method.minComparableShare,
    },
    inputs: snapshot.inputs.map((i) => ({ ...i })),
  }
}

/** An agency's scorecard in the latest evaluation that has one (published before provisional). */
export async function agencyScorecard(deps: Pick<Deps, 'db'>, idOrCode: string) {
  const names = await agenciesById(deps)
  const agency = [...names.values()].find((a) => a.id === idOrCode || a.code === idOrCode)
  if (!agency) throw new NotFoundError('agency.not-found', evalMsg.notFound)
  const all = await listSnapshots(deps.db)
  const inForce = all.filter((s, i) => all[i - 1]?.period !== s.period)
  const ordered = [
    ...inForce.filter((s) => s.status !== 'provisional'),
    ...inForce.filter((s) => s.status === 'provisional'),
  ]
  for (const s of ordered) {
    const full = await snapshotById(deps.db, s.id)
    const card = full?.scorecards.find((c) => c.agencyId === agency.id)
    if (full && card) {
      const { agencies: _count, ...summary } = summaryBody(s, true, all)
      const previous = full.inputs.find((i) => i.agencyId === agency.id)?.previousTotal ?? null
      const growthWeight = await growthWeightOf(deps, full.methodVersion)
      return { ...summary, agency: agencyBody(card, agency, growthWeight, previous) }
    }
  }
  throw new NotFoundError('evaluation.not-found', evalMsg.notFound)
}
