import type { ValidationError } from '../../lib/errors.ts'
import { type JalaliDate, parseJalaliDateInput, toPersianDigits } from '../../lib/fa/index.ts'
import { type FieldErrors, type FormFields, fieldErrorsOf } from '../../web/form.ts'
import { decisionInput, definitionInput } from './indicator.input.ts'
import type { Decision, IndicatorDefinition, YearTarget } from './indicator.model.ts'
import { pagesMsg as msg } from './pages.messages.fa.ts'
import { isoDayOf } from './period.ts'

/**
 * Reading the indicator forms: what was typed goes through the lead's Zod schemas
 * (`indicator.input.ts`); a refused form comes back with its fields, so the page shows exactly
 * what the person typed beside the errors.
 */

/** The definition fields, in the order of the form (and of the error summary). */
export const DEFINITION_FIELDS = [
  'nameFa',
  'definition',
  'rationale',
  'category',
  'unit',
  'direction',
  'numeratorFa',
  'denominatorFa',
  'frequency',
  'source',
  'maxAgeDays',
  'limitations',
  'scopeServiceIds',
  'targets',
] as const

export type DefinitionForm =
  | { ok: true; definition: IndicatorDefinition }
  | { ok: false; errors: FieldErrors }

function first(fields: FormFields, name: string): string | undefined {
  const v = fields[name]
  return Array.isArray(v) ? v[0] : v
}

/** The definition a form sent, or its errors in form order. */
export function readDefinition(fields: FormFields): DefinitionForm {
  const input: Record<string, string | string[] | undefined> = {}
  for (const name of DEFINITION_FIELDS)
    input[name] = name === 'scopeServiceIds' ? fields[name] : first(fields, name)
  const parsed = definitionInput.safeParse(input)
  if (parsed.success) return { ok: true, definition: parsed.data }
  return { ok: false, errors: ordered(fieldErrorsOf(parsed.error)) }
}

/** Errors in the order of the form, so the summary reads top to bottom. */
export function ordered(errors: FieldErrors): FieldErrors {
  const keys = [...DEFINITION_FIELDS, ...Object.keys(errors)] as string[]
  const out: FieldErrors = {}
  for (const k of keys) if (errors[k] !== undefined && out[k] === undefined) out[k] = errors[k]
  return out
}

/** The errors an action refused a definition with (a scope of another agency's services…). */
export function actionErrors(e: ValidationError): FieldErrors {
  return Object.keys(e.fieldErrors).length ? ordered(e.fieldErrors) : { _form: e.message }
}

/** A number as a person types it: Persian digits, «٫» as the decimal point, no grouping. */
const typed = (n: number) => toPersianDigits(String(n)).replace('.', '٫')

/** «۱۴۰۵: ۶۰، ۸۰» per line: the targets box as a person would type it. */
export function targetsText(targets: readonly YearTarget[]): string {
  return targets
    .map(
      (t) =>
        `${toPersianDigits(t.year)}: ${t.baseline === null ? '' : `${typed(t.baseline)}، `}${typed(t.target)}`,
    )
    .join('\n')
}

/** A saved definition as the form's fields (an edit form starts from these). */
export function definitionFields(d: IndicatorDefinition): FormFields {
  return {
    nameFa: d.nameFa,
    definition: d.definition,
    rationale: d.rationale,
    category: d.category,
    unit: d.unit,
    direction: d.direction,
    numeratorFa: d.numeratorFa,
    denominatorFa: d.denominatorFa ?? '',
    frequency: d.frequency,
    source: d.source,
    maxAgeDays: toPersianDigits(d.maxAgeDays),
    limitations: d.limitations,
    scopeServiceIds: d.scopeServiceIds,
    targets: targetsText(d.targets),
  }
}

/** The revision the person saw (optimistic concurrency); 0 when the field is missing or bad. */
export function revisionOf(fields: FormFields): number {
  const raw = first(fields, 'revision') ?? ''
  return /^\d{1,9}$/.test(raw) ? Number(raw) : 0
}

export type DecisionForm =
  | {
      ok: true
      decision: Decision
      comment: string | null
      expectedRevision: number
      untilDay: string | null
    }
  | { ok: false; errors: FieldErrors }

function dayNumber(d: JalaliDate): number {
  return Date.parse(`${isoDayOf(d)}T00:00:00Z`) / 86_400_000
}

/**
 * The centre's decision form: the decision, its comment (needed unless approving) and, for a
 * return, an optional «تا تاریخ» Jalali day that is not in the past.
 */
export function readDecision(fields: FormFields, today: JalaliDate): DecisionForm {
  const parsed = decisionInput.safeParse({
    decision: first(fields, 'decision'),
    comment: first(fields, 'comment'),
    expectedRevision: String(revisionOf(fields)),
  })
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error)
  // A form without the revision it was loaded at was not sent by our page: no field to point at.
  if (errors.expectedRevision !== undefined) {
    delete errors.expectedRevision
    errors._form = msg.formIncomplete
  }
  const parts = ['year', 'month', 'day'].map((p) => (first(fields, `untilDay-${p}`) ?? '').trim())
  let untilDay: string | null = null
  if (parts.some((p) => p !== '')) {
    const [y = '', m = '', d = ''] = parts
    const day = parseJalaliDateInput(y, m, d)
    if (!day.ok) errors.untilDay = msg.untilDayInvalid
    else if (dayNumber(day.value) < dayNumber(today)) errors.untilDay = msg.untilDayPast
    else if (parsed.success && parsed.data.decision !== 'request_changes')
      errors.untilDay = msg.untilDayOnlyReturn
    else untilDay = isoDayOf(day.value)
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    const order = ['_form', 'decision', 'comment', 'untilDay']
    const out: FieldErrors = {}
    for (const k of [...order, ...Object.keys(errors)])
      if (errors[k] !== undefined && out[k] === undefined) out[k] = errors[k]
    return { ok: false, errors: out }
  }
  return { ok: true, ...parsed.data, untilDay }
}
