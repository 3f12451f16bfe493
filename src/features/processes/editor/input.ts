import { z } from 'zod'
import { toAsciiDigits, toPersianDigits } from '../../../lib/fa/digits.ts'
import { normalizeFaInput } from '../../../lib/fa/normalize.ts'
import type { FormFields } from '../../services/editor.input.ts'
import {
  ACTORS,
  CHANNELS,
  type ProcessStep,
  STEP_KINDS,
  STEP_TIME_UNITS,
  type StepDuration,
  TRANSITION_KINDS,
  type TransitionKind,
} from '../process.model.ts'
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
    })
    .transform((v, ctx) => {
      let duration: StepDuration | null = null
      if (v.durationMin !== null || v.durationMax !== null) {
        // One of the two alone is a fixed time.
        const min = v.durationMin ?? v.durationMax ?? 0
        const max = v.durationMax ?? v.durationMin ?? 0
        if (min > max)
          ctx.addIssue({ code: 'custom', message: m.durationOrder, path: ['durationMin'] })
        if (v.durationUnit === null)
          ctx.addIssue({ code: 'custom', message: m.durationUnitRequired, path: ['durationUnit'] })
        if (min > max || v.durationUnit === null) return z.NEVER
        duration = { min, max, unit: v.durationUnit }
      }
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
      return { step, after: v.after }
    })
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
  }
}

export interface TransitionInput {
  to: string
  label: string | null
  kind: TransitionKind
}

/** Adding an outgoing transition to step `from`. */
export function transitionForm(from: string, steps: readonly string[]) {
  return z.object({
    transitionTo: one
      .transform((s) => s.trim())
      .superRefine((s, ctx) => {
        if (s === from) ctx.addIssue({ code: 'custom', message: m.targetSelf })
        else if (!steps.includes(s)) ctx.addIssue({ code: 'custom', message: m.targetRequired })
      }),
    transitionLabel: optionalText(200, m.transitionLabelTooLong),
    transitionKind: requiredChoice(TRANSITION_KINDS, m.transitionKindRequired),
  })
}

/** Removing a transition: which one, by target and kind. */
export const removeTransitionForm = z.object({
  transitionTo: one.transform((s) => s.trim()).pipe(z.string().min(1)),
  transitionKind: requiredChoice(TRANSITION_KINDS, m.transitionKindRequired),
})

/** Adding a variant case. */
export const variantForm = z.object({
  variantLabel: one
    .transform((s) => normalizeFaInput(s))
    .pipe(z.string().min(1, m.variantLabelRequired).max(200, m.variantLabelTooLong)),
})
