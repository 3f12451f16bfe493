import { z } from 'zod'
import { toAsciiDigits, toPersianDigits } from '../../../lib/fa/digits.ts'
import { normalizeFaInput } from '../../../lib/fa/normalize.ts'
import type { FieldErrors, FormFields } from '../../../web/form.ts'
import {
  ACTORS,
  CHANNELS,
  type Parsed,
  type ProcessStep,
  parseFields,
  STEP_KINDS,
  STEP_TIME_UNITS,
  type StepDuration,
  TRANSITION_KINDS,
  type TransitionKind,
} from '../../services/index.ts'
import { processEditorMsg as m } from './messages.fa.ts'

/**
 * The process editor's HTML forms as Zod schemas. A form arrives as strings (a list for a
 * checkbox group); numbers may be typed in any digit script. The choices a step may refer to
 * (the card's documents, fees and legal bases, the process's variants and steps) depend on the
 * draft, so each schema is built for the draft it checks against.
 */

/** A step as the form edits it: everything but its id. */
export type StepFields = Omit<ProcessStep, 'id'>

const submitted = z.union([z.string(), z.array(z.string())]).optional()
/** A single field: its (first) value, '' when it was not sent. */
const one = submitted.transform((v) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')))
/** A checkbox group: every ticked value, once. */
const many = submitted.transform((v) => [
  ...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== '')),
])

function requiredChoice<const T extends readonly [string, ...string[]]>(
  values: T,
  message: string,
) {
  return one.transform((s) => s.trim()).pipe(z.enum(values, { error: message }))
}

function optionalChoice<const T extends readonly [string, ...string[]]>(
  values: T,
  message: string,
) {
  return one
    .transform((s) => (s.trim() === '' ? null : s.trim()))
    .pipe(z.enum(values, { error: message }).nullable())
}

/** An optional one-line text: normalised, '' → null. */
function optionalText(max: number, tooLong: string, multiline = false) {
  return one
    .transform((s) => normalizeFaInput(s, { multiline }) || null)
    .pipe(z.string().max(max, tooLong).nullable())
}

/** A value that must be one of `allowed` ('' → null). */
function oneOf(allowed: readonly string[], message: string) {
  return one
    .transform((s) => s.trim() || null)
    .refine((s) => s === null || allowed.includes(s), { message })
}

const MAX_AMOUNT = 100_000

/**
 * A step time typed as «۳», «3», «١٫٥» or «۱/۵»: a number from 0 to 100,000 with at most two
 * decimals. Returns null for an empty field and undefined for anything else.
 */
export function parseAmount(input: string): number | null | undefined {
  const s = toAsciiDigits(input)
    .replace(/[\s\u00a0\u200c\u066c]/g, '')
    .replace(/[\u066b/]/, '.')
  if (s === '') return null
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(s)) return undefined
  const n = Number(s)
  return n <= MAX_AMOUNT ? n : undefined
}

/** A step time for the form: Persian digits, «٫» as the decimal point. */
export function amountText(n: number): string {
  return toPersianDigits(String(n)).replace('.', '\u066b')
}

const amount = one.transform((s, ctx): number | null => {
  const n = parseAmount(s)
  if (n === undefined) {
    ctx.addIssue({ code: 'custom', message: m.numberInvalid })
    return z.NEVER
  }
  return n
})

/** What a step may refer to in this draft. */
export interface StepChoices {
  /** Names of the card's documents (and any the step already names). */
  documents: readonly string[]
  /** Descriptions of the card's fees (and any the step already names). */
  fees: readonly string[]
  /** The card's legal bases (and the step's own), by {@link legalBasisKey}. */
  legalBases: readonly { lawId: string; article: string | null }[]
  /** Variant ids. */
  variants: readonly string[]
  /** Step ids a new step may follow (`after`, add form only). */
  steps: readonly string[]
  /** Those of them that are decisions: a branch from one needs its condition (`afterLabel`). */
  decisions: readonly string[]
}

/** The form value of a legal basis option: the law id, then the article. */
export function legalBasisKey(b: { lawId: string; article: string | null }): string {
  return `${b.lawId}|${b.article ?? ''}`
}

/** The step form (add and edit). The add form also has `after`: the step the new one follows. */
export function stepForm(choices: StepChoices) {
  const bases = new Map(choices.legalBases.map((b) => [legalBasisKey(b), b]))
  return z
    .object({
      title: one
        .transform((s) => normalizeFaInput(s))
        .pipe(z.string().min(1, m.titleRequired).max(200, m.titleTooLong)),
      kind: requiredChoice(STEP_KINDS, m.kindRequired),
      actor: requiredChoice(ACTORS, m.actorRequired),
      unit: optionalText(200, m.unitTooLong),
      description: optionalText(2000, m.descriptionTooLong, true),
      durationMin: amount,
      durationMax: amount,
      durationUnit: optionalChoice(STEP_TIME_UNITS, m.durationUnitRequired),
      channel: optionalChoice(CHANNELS, m.choiceInvalid),
      requiresAttendance: one.transform((s) => s !== ''),
      documents: many.pipe(
        z.array(z.string().refine((s) => choices.documents.includes(s), m.documentUnknown)),
      ),
      fees: many.pipe(z.array(z.string().refine((s) => choices.fees.includes(s), m.feeUnknown))),
      legalBasis: oneOf([...bases.keys()], m.legalBasisUnknown),
      variant: oneOf(choices.variants, m.variantUnknown),
      after: oneOf(choices.steps, m.afterUnknown),
      afterLabel: optionalText(200, m.transitionLabelTooLong),
    })
    .transform((v, ctx) => {
      const problems = {
        ...durationProblems(v.durationMin, v.durationMax, v.durationUnit),
        ...branchProblems(choices, v.after, v.afterLabel),
      }
      for (const [field, message] of Object.entries(problems))
        ctx.addIssue({ code: 'custom', message, path: [field] })
      if (Object.keys(problems).length > 0) return z.NEVER
      const duration = stepDuration(v.durationMin, v.durationMax, v.durationUnit)
      const basis = v.legalBasis === null ? undefined : bases.get(v.legalBasis)
      const step: StepFields = {
        kind: v.kind,
        title: v.title,
        actor: v.actor,
        unit: v.unit,
        description: v.description,
        duration,
        channel: v.channel,
        requiresAttendance: v.requiresAttendance,
        documents: v.documents,
        fees: v.fees,
        legalBasis: basis ? { lawId: basis.lawId, article: basis.article } : null,
        variantId: v.variant,
      }
      return { step, after: v.after, afterLabel: v.after === null ? null : v.afterLabel }
    })
}

/** A new step that follows a decision is one of its branches: it needs its condition. */
function branchProblems(
  choices: StepChoices,
  after: string | null,
  label: string | null,
): FieldErrors {
  return after !== null && label === null && choices.decisions.includes(after)
    ? { afterLabel: m.branchLabelRequired }
    : {}
}

/** The time of a step from the form: one number alone is a fixed time; none is no time. */
function stepDuration(
  min: number | null,
  max: number | null,
  unit: StepDuration['unit'] | null,
): StepDuration | null {
  if ((min === null && max === null) || unit === null) return null
  return { min: min ?? max ?? 0, max: max ?? min ?? 0, unit }
}

/** What is wrong with a step's time as a whole (each number and the unit being valid). */
function durationProblems(
  min: number | null,
  max: number | null,
  unit: string | null,
): FieldErrors {
  const errors: FieldErrors = {}
  if (min === null && max === null) return errors
  if (min !== null && max !== null && min > max) errors.durationMin = m.durationOrder
  if (unit === null) errors.durationUnit = m.durationUnitRequired
  return errors
}

/** The fields of the step form, in the order the page shows them (and the error summary lists them). */
const STEP_FIELD_ORDER = [
  'title',
  'kind',
  'actor',
  'unit',
  'description',
  'durationMin',
  'durationMax',
  'durationUnit',
  'channel',
  'requiresAttendance',
  'documents',
  'fees',
  'legalBasis',
  'variant',
  'after',
  'afterLabel',
]

/**
 * Reads the step form. When some field is invalid, Zod does not look at the fields together;
 * the time's own checks (min ≤ max, a unit) are then added here, so every problem is told at once.
 */
export function parseStepForm(
  choices: StepChoices,
  fields: FormFields,
): Parsed<{ step: StepFields; after: string | null; afterLabel: string | null }> {
  const parsed = parseFields(stepForm(choices), fields)
  if (parsed.ok) return parsed
  const raw = (name: string) => {
    const v = fields[name]
    return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
  }
  const min = parseAmount(raw('durationMin'))
  const max = parseAmount(raw('durationMax'))
  const unit = raw('durationUnit').trim() || null
  const extra = min === undefined || max === undefined ? {} : durationProblems(min, max, unit)
  const after = raw('after').trim()
  const branch =
    choices.steps.includes(after) && normalizeFaInput(raw('afterLabel')) === ''
      ? branchProblems(choices, after, null)
      : {}
  const errors: FieldErrors = { ...extra, ...branch, ...parsed.errors }
  const rank = (k: string) => {
    const i = STEP_FIELD_ORDER.indexOf(k)
    return i === -1 ? STEP_FIELD_ORDER.length : i
  }
  return {
    ok: false,
    errors: Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b))),
  }
}

/** A step's fields as the form shows them. */
export function stepValues(s: StepFields): FormFields {
  return {
    title: s.title,
    kind: s.kind,
    actor: s.actor,
    unit: s.unit ?? '',
    description: s.description ?? '',
    durationMin: s.duration ? amountText(s.duration.min) : '',
    durationMax: s.duration ? amountText(s.duration.max) : '',
    durationUnit: s.duration?.unit ?? '',
    channel: s.channel ?? '',
    requiresAttendance: s.requiresAttendance ? 'yes' : '',
    documents: [...s.documents],
    fees: [...s.fees],
    legalBasis: s.legalBasis ? legalBasisKey(s.legalBasis) : '',
    variant: s.variantId ?? '',
  }
}

/** The add form as it opens: a task of the agency, following the last step. */
export function blankStepValues(lastStepId: string | undefined): FormFields {
  return {
    title: '',
    kind: 'task',
    actor: 'agency',
    unit: '',
    description: '',
    durationMin: '',
    durationMax: '',
    durationUnit: 'working_day',
    channel: '',
    requiresAttendance: '',
    documents: [],
    fees: [],
    legalBasis: '',
    variant: '',
    after: lastStepId ?? '',
    afterLabel: '',
  }
}

export interface TransitionInput {
  to: string
  label: string | null
  kind: TransitionKind
}

/** Adding an outgoing transition to step `from` (a decision's normal branches need a condition). */
export function transitionForm(from: string, steps: readonly string[], fromDecision: boolean) {
  return z
    .object({
      transitionTo: one
        .transform((s) => s.trim())
        .superRefine((s, ctx) => {
          if (s === from) ctx.addIssue({ code: 'custom', message: m.targetSelf })
          else if (!steps.includes(s)) ctx.addIssue({ code: 'custom', message: m.targetRequired })
        }),
      transitionLabel: optionalText(200, m.transitionLabelTooLong),
      transitionKind: requiredChoice(TRANSITION_KINDS, m.transitionKindRequired),
    })
    .superRefine((v, ctx) => {
      if (fromDecision && v.transitionKind === 'normal' && v.transitionLabel === null)
        ctx.addIssue({ code: 'custom', message: m.branchLabelRequired, path: ['transitionLabel'] })
    })
}

/** A transition named in a form or an address: by target and kind. */
export const transitionRefForm = z.object({
  transitionTo: one.transform((s) => s.trim()).pipe(z.string().regex(/^[a-z0-9_-]{1,40}$/)),
  transitionKind: requiredChoice(TRANSITION_KINDS, m.transitionKindRequired),
})

/**
 * Removing a transition, from its confirmation page. A form without `confirm` (one from a page
 * rendered before removals asked first) is sent to the confirmation page instead.
 */
export const removeTransitionForm = transitionRefForm.extend({
  confirm: one.transform((s) => s === 'yes'),
})

/** Changing a transition's condition; a decision's normal branch cannot lose it. */
export function transitionLabelForm(fromDecision: boolean) {
  return transitionRefForm
    .extend({ transitionLabel: optionalText(200, m.transitionLabelTooLong) })
    .superRefine((v, ctx) => {
      if (fromDecision && v.transitionKind === 'normal' && v.transitionLabel === null)
        ctx.addIssue({ code: 'custom', message: m.branchLabelRequired, path: ['transitionLabel'] })
    })
}

/**
 * Removing a step, from its confirmation page: whether its predecessors are joined to its
 * successors (the default), and `confirm`, without which nothing is removed.
 */
export const removeStepForm = z.object({
  confirm: one.transform((s) => s === 'yes'),
  reconnect: one
    .transform((s) => s.trim() || 'yes')
    .pipe(z.enum(['yes', 'no'], { error: m.choiceInvalid }))
    .transform((s) => s === 'yes'),
})

/** Adding a variant case. */
export const variantForm = z.object({
  variantLabel: one
    .transform((s) => normalizeFaInput(s))
    .pipe(z.string().min(1, m.variantLabelRequired).max(200, m.variantLabelTooLong)),
})
