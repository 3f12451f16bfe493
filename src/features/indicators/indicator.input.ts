import { z } from 'zod'
import { normalizeFaInput, toAsciiDigits } from '../../lib/fa/index.ts'
import {
  CATEGORIES,
  type Decision,
  FREQUENCIES,
  type IndicatorDefinition,
  inRange,
  SOURCES,
  UNITS,
  type Unit,
  type YearTarget,
} from './indicator.model.ts'
import { indicatorsMsg as msg, UNIT_LABELS } from './messages.fa.ts'

/** Long text keeps its line breaks (definitions and rationales are paragraphs). */
const text = (min: number, max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((s) => normalizeFaInput(s ?? '', { multiline: true }).trim())
    .pipe(z.string().min(min, message).max(max, message))

/** A one-line field: line breaks become spaces. */
const line = (min: number, max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((s) => normalizeFaInput(s ?? '').trim())
    .pipe(z.string().min(min, message).max(max, message))

const optional = (max: number, message: string) =>
  text(0, max, message).transform((s) => (s === '' ? null : s))

const choice = <T extends string>(values: readonly T[]) =>
  z.enum(values as [T, ...T[]], { error: msg.choose })

const NUMBER = /^-?\d+(\.\d+)?$/

/** A number typed by a person: Persian or Arabic digits, «٫» or «.» as the decimal point. */
export function parseNumberFa(raw: string): number | null {
  const s = toAsciiDigits(normalizeFaInput(raw)).trim().replace(/[٫/]/g, '.').replace(/[٬,]/g, '')
  if (!NUMBER.test(s)) return null
  const n = Number(s)
  return Number.isFinite(n) ? n : null
}

/**
 * The targets box: one line per year, «۱۴۰۵: ۶۰، ۸۰» (year: baseline, target) or «۱۴۰۵: ۸۰»
 * (no baseline). Null when a line cannot be read; every year at most once.
 */
export function parseTargets(raw: string): YearTarget[] | null {
  const out: YearTarget[] = []
  for (const line of toAsciiDigits(normalizeFaInput(raw, { multiline: true })).split(/\r?\n/)) {
    const s = line.trim()
    if (s === '') continue
    const m = /^(\d{4})\s*[:：]\s*([^،,]+?)\s*(?:[،,]\s*(.+))?$/.exec(s)
    if (!m?.[1] || !m[2]) return null
    const year = Number(m[1])
    const first = parseNumberFa(m[2])
    const second = m[3] === undefined ? undefined : parseNumberFa(m[3])
    if (first === null || second === null || year < 1390 || year > 1450) return null
    if (out.some((t) => t.year === year)) return null
    out.push(
      second === undefined
        ? { year, baseline: null, target: first }
        : { year, baseline: first, target: second },
    )
  }
  return out.sort((a, b) => a.year - b.year)
}

const UUID = z.string().regex(/^[0-9a-f-]{36}$/i)

/** What a proposal's form (or the API) sends: every field of the definition. */
export const definitionInput = z
  .object({
    nameFa: line(3, 200, msg.nameFa),
    definition: text(10, 4000, msg.definition),
    rationale: text(10, 4000, msg.rationale),
    category: choice(CATEGORIES),
    unit: choice(UNITS),
    direction: choice(['higher', 'lower'] as const),
    numeratorFa: text(3, 2000, msg.numeratorFa),
    denominatorFa: optional(2000, msg.numeratorFa),
    frequency: choice(FREQUENCIES),
    source: choice(SOURCES),
    maxAgeDays: z
      .string()
      .optional()
      .transform((s) => parseNumberFa(s ?? ''))
      .pipe(
        z
          .number({ error: msg.maxAgeDays })
          .int(msg.maxAgeDays)
          .min(1, msg.maxAgeDays)
          .max(1100, msg.maxAgeDays),
      ),
    limitations: text(0, 4000, msg.definition),
    scopeServiceIds: z
      .union([UUID, z.array(UUID)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v])),
    targets: z
      .string()
      .optional()
      .transform((s, ctx) => {
        const parsed = parseTargets(s ?? '')
        if (parsed === null) {
          ctx.addIssue({ code: 'custom', message: msg.targets })
          return z.NEVER
        }
        return parsed
      }),
  })
  .superRefine((d, ctx) => {
    const unit: Unit = d.unit
    const bad = d.targets.some(
      (t) => !inRange(unit, t.target) || (t.baseline !== null && !inRange(unit, t.baseline)),
    )
    if (bad)
      ctx.addIssue({
        code: 'custom',
        path: ['targets'],
        message: msg.targetRange(UNIT_LABELS[unit]),
      })
  }) satisfies z.ZodType<IndicatorDefinition>

export type DefinitionInput = z.infer<typeof definitionInput>

/** The centre's answer to a proposal. */
export const decisionInput = z
  .object({
    decision: z.enum(['approve', 'reject', 'request_changes'] satisfies Decision[], {
      error: msg.decision,
    }),
    comment: optional(4000, msg.commentNeeded),
    expectedRevision: z.coerce.number().int().positive(),
  })
  .superRefine((d, ctx) => {
    if (d.decision !== 'approve' && d.comment === null)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: msg.commentNeeded })
  })
