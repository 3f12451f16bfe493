import { z } from 'zod'
import type { Deps } from '../../deps.ts'
import { tehranDateOf } from '../../lib/fa/index.ts'
import type {
  Category,
  Direction,
  IndicatorKind,
  Source,
  Unit,
  YearTarget,
} from './indicator.model.ts'
import { approvedIndicatorRows, publicValueRows } from './open-data.queries.ts'
import { type Frequency, isoDayOf } from './period.ts'
import { csvFile } from './value-csv.ts'

/**
 * The open-data file of indicators (issue 14 item 6): every approved indicator with its
 * version in force (the rule: what is counted above and below the line), and every value the
 * public may see — periods the centre accepted and the portal's computed values — each with
 * its numerator, denominator and n, the method version it was recorded under, and whether it
 * came late. A value withheld for too little data keeps its counts, with a null value and the
 * note saying so («هنوز دادهٔ کافی نیست»). No time of generation: the file is the same bytes (and
 * ETag) until something in it changes, so clients revalidate cheaply.
 */

export const FORMAT = 'mardom-indicators'
export const FORMAT_VERSION = 1

export interface IndicatorsOpenFile {
  format: typeof FORMAT
  version: typeof FORMAT_VERSION
  indicators: {
    code: string
    kind: IndicatorKind
    agencyCode: string | null
    agencyName: string | null
    versionNo: number
    name: string
    definition: string
    rationale: string
    category: Category
    unit: Unit
    direction: Direction
    numerator: string
    denominator: string | null
    frequency: Frequency
    source: Source
    maxAgeDays: number
    limitations: string
    targets: YearTarget[]
    approvedAt: string | null
  }[]
  values: {
    code: string
    versionNo: number
    agencyCode: string
    agencyName: string
    period: string
    numerator: number | null
    denominator: number | null
    n: number | null
    value: number | null
    note: string | null
    source: 'computed' | 'api' | 'manual' | 'csv'
    /** `accepted` by the centre, or `computed` by the portal. */
    status: 'accepted' | 'computed'
    /** The instants a computed value counted over, [from, to). */
    queryFrom: string | null
    queryTo: string | null
    recordedAt: string
    dueOn: string
    /** Recorded after its due day (Tehran); null for the portal's computed values. */
    late: boolean | null
  }[]
}

const storedTargets = z.array(
  z.object({ year: z.number().int(), baseline: z.number().nullable(), target: z.number() }),
)

/** What a value was counted by: its own version's rule (the CSV line carries it). */
export interface ValueRule {
  kind: IndicatorKind
  name: string
  unit: Unit
  direction: Direction
  frequency: Frequency
  numerator: string
  denominator: string | null
}

export async function indicatorsOpenFile(deps: Deps): Promise<IndicatorsOpenFile> {
  return (await indicatorsOpenData(deps)).file
}

/** The file, and beside each of its values the rule of the version it was recorded under. */
export async function indicatorsOpenData(
  deps: Deps,
): Promise<{ file: IndicatorsOpenFile; rules: ValueRule[] }> {
  const [indicators, values] = await Promise.all([
    approvedIndicatorRows(deps.db),
    publicValueRows(deps.db),
  ])
  const file: IndicatorsOpenFile = {
    format: FORMAT,
    version: FORMAT_VERSION,
    indicators: indicators.map((i) => ({
      code: i.code,
      kind: i.kind,
      agencyCode: i.agencyCode,
      agencyName: i.agencyName,
      versionNo: i.versionNo,
      name: i.nameFa,
      definition: i.definition,
      rationale: i.rationale,
      category: i.category,
      unit: i.unit,
      direction: i.direction,
      numerator: i.numeratorFa,
      denominator: i.denominatorFa,
      frequency: i.frequency,
      source: i.source,
      maxAgeDays: i.maxAgeDays,
      limitations: i.limitations,
      targets: storedTargets.parse(i.targets),
      approvedAt: i.decidedAt?.toISOString() ?? null,
    })),
    values: values.map((v) => {
      const computed = v.source === 'computed'
      return {
        code: v.code,
        versionNo: v.versionNo,
        agencyCode: v.agencyCode,
        agencyName: v.agencyName,
        period: v.period,
        numerator: v.numerator,
        denominator: v.denominator,
        n: v.n,
        value: v.value,
        note: v.note,
        source: v.source,
        status: computed ? 'computed' : 'accepted',
        queryFrom: v.queryFrom?.toISOString() ?? null,
        queryTo: v.queryTo?.toISOString() ?? null,
        recordedAt: v.recordedAt.toISOString(),
        dueOn: v.dueOn,
        late: computed ? null : isoDayOf(tehranDateOf(v.recordedAt)) > v.dueOn,
      }
    }),
  }
  const rules = values.map((v) => ({
    kind: v.kind,
    name: v.nameFa,
    unit: v.unit,
    direction: v.direction,
    frequency: v.frequency,
    numerator: v.numeratorFa,
    denominator: v.denominatorFa,
  }))
  return { file, rules }
}

export const INDICATORS_CSV_HEADER = [
  'code',
  'version_no',
  'kind',
  'indicator_name',
  'unit',
  'direction',
  'frequency',
  'numerator_definition',
  'denominator_definition',
  'agency_code',
  'agency_name',
  'period',
  'numerator',
  'denominator',
  'n',
  'value',
  'note',
  'source',
  'status',
  'recorded_at',
  'due_on',
  'late',
] as const

/**
 * One line per published value with the rule it was counted by (its own version's name, unit,
 * numerator and denominator definitions), UTF-8 with a BOM, CRLF, formulas defused.
 */
export function indicatorsOpenCsv(file: IndicatorsOpenFile, rules: readonly ValueRule[]): string {
  const lines = file.values.map((v, k) => {
    const r = rules[k]
    return [
      v.code,
      v.versionNo,
      r?.kind ?? null,
      r?.name ?? null,
      r?.unit ?? null,
      r?.direction ?? null,
      r?.frequency ?? null,
      r?.numerator ?? null,
      r?.denominator ?? null,
      v.agencyCode,
      v.agencyName,
      v.period,
      v.numerator,
      v.denominator,
      v.n,
      v.value,
      v.note,
      v.source,
      v.status,
      v.recordedAt,
      v.dueOn,
      v.late,
    ]
  })
  return csvFile([INDICATORS_CSV_HEADER, ...lines])
}
