import { z } from 'zod'
import { formatNumberFa, toAsciiDigits, toPersianDigits } from '../../lib/fa/digits.ts'
import { normalizeFaInput } from '../../lib/fa/normalize.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import type { FormSection, ItemOf, LIST_KEYS, ListKey, ListSection } from './editor.model.ts'
import { editorMsg as em, msg } from './messages.fa.ts'
import {
  AUDIENCES,
  CURRENCIES,
  type DeclaredTime,
  DOCUMENT_FORMS,
  type Fee,
  type Frequency,
  type LegalBasis,
  LIFE_EVENTS,
  NATURES,
  type RequiredDocument,
  SERVICE_LEVELS,
  type ServiceContent,
  TIME_UNITS,
  TRIGGERS,
} from './service.model.ts'
import {
  declaredTimeSchema,
  documentSchema,
  feeSchema,
  frequencySchema,
  legalBasisSchema,
  serviceContentSchema,
} from './service.schema.ts'
import { isValidSlug } from './slug.ts'

/**
 * The editor's HTML forms as Zod schemas. A form arrives as strings (and
 * string lists for checkbox groups); each field is converted here — digits in
 * any script, empty → null, one entry per line → list — and then validated by
 * the card's own schema parts (service.schema.ts), so a form can never save
 * what the API would refuse.
 */

/** A submitted form: one string per field, several for a checkbox group. */

type Ctx = z.core.$RefinementCtx

const S = serviceContentSchema.shape

const submitted = z.union([z.string(), z.array(z.string())]).optional()
/** A single field: its (first) value, '' when it was not sent. */
const one = submitted.transform((v) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')))
/**
 * A single field handed, as typed, to a card schema part that also accepts
 * null (the part turns '' into null itself).
 */
function orNull<T extends z.ZodType>(part: T) {
  return z.preprocess((v) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')), part)
}
/** A checkbox group: every ticked value, once. */
const many = submitted.transform((v) => [
  ...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== '')),
])
/** A textarea with one entry per line; blank lines are dropped. */
const lines = one.transform((s) =>
  s
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== ''),
)
/** A single checkbox: ticked or not. */
const checkbox = one.transform((s) => s !== '')

function choiceOrNull<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return one
    .transform((s) => (s.trim() === '' ? null : s.trim()))
    .pipe(z.enum(values, { error: message }).nullable())
}

function requiredChoice<const T extends readonly [string, ...string[]]>(
  values: T,
  message: string,
) {
  return one.transform((s) => s.trim()).pipe(z.enum(values, { error: message }))
}

function choices<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return many.pipe(z.array(z.enum(values, { error: message })))
}

// Thousands separators people type: ASCII comma, Arabic thousands separator ٬, Arabic comma ،,
// apostrophe and the various spaces (incl. ZWNJ and NBSP from copy-paste).
const SEPARATORS = /[,\u066c\u060c'\u2019\s\u00a0\u200c\u202f\u2009]/g

/**
 * A whole number typed in Persian, Arabic-Indic or ASCII digits, with
 * optional thousands separators: «۱۲٬۰۰۰», «12,000», «١٢٠٠٠». Returns null
 * for an empty field and undefined for anything that is not a whole number.
 */
export function parseWholeNumber(input: string): number | null | undefined {
  const s = toAsciiDigits(input).replace(SEPARATORS, '')
  if (s === '') return null
  if (!/^\d{1,16}$/.test(s)) return undefined
  const n = Number(s)
  return Number.isSafeInteger(n) ? n : undefined
}

/** An optional whole number; `message` when it is not one. */
function wholeNumber(message: string) {
  return one.transform((s, ctx): number | null => {
    const n = parseWholeNumber(s)
    if (n === undefined) {
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    return n
  })
}

/** A required whole number; `message` when it is missing or not one. */
function requiredWholeNumber(message: string) {
  return wholeNumber(message).transform((n, ctx): number => {
    if (n === null) {
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    return n
  })
}

/**
 * Validates a value built from several form fields with a part of the card's
 * schema, reporting each issue on the form field it came from (`fields` maps
 * the part's keys to form field names; `fallback` takes the rest).
 */
function checkPart<T>(
  schema: z.ZodType<T>,
  value: unknown,
  ctx: Ctx,
  fields: Record<string, string>,
  fallback: string,
): T | undefined {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '')
    ctx.addIssue({ code: 'custom', message: issue.message, path: [fields[key] ?? fallback] })
  }
  return undefined
}

// ——— Form sections ———

export const basicsForm = z.object({
  title: one.pipe(S.title),
  popularNames: lines.pipe(S.popularNames),
  summary: one.pipe(S.summary),
  description: one.pipe(S.description),
  keywords: lines.pipe(S.keywords),
})

export const classificationForm = z.object({
  audiences: choices(AUDIENCES, em.choiceInvalid).pipe(S.audiences),
  nature: choiceOrNull(NATURES, em.choiceInvalid).pipe(S.nature),
  level: choiceOrNull(SERVICE_LEVELS, em.choiceInvalid).pipe(S.level),
  lifeEvents: choices(LIFE_EVENTS, em.choiceInvalid).pipe(S.lifeEvents),
  trigger: choiceOrNull(TRIGGERS, em.choiceInvalid).pipe(S.trigger),
})

const FREQUENCY_KINDS = ['once', 'per_period', 'as_needed'] as const
const PERIODS = ['month', 'year'] as const

export const detailsForm = z
  .object({
    frequencyKind: choiceOrNull(FREQUENCY_KINDS, em.choiceInvalid),
    frequencyTimes: wholeNumber(msg.timesInvalid),
    frequencyPer: choiceOrNull(PERIODS, em.frequencyPerRequired),
    inPersonVisits: wholeNumber(msg.visitsInvalid).pipe(S.inPersonVisits),
    eligibility: orNull(S.eligibility),
    output: orNull(S.output),
    redress: orNull(S.redress),
    contactPhone: orNull(S.contact.shape.phone),
    contactEmail: orNull(S.contact.shape.email),
    contactUrl: orNull(S.contact.shape.url),
    nationalServiceCode: orNull(S.nationalServiceCode),
  })
  .transform((v, ctx) => {
    let frequency: Frequency | null = null
    if (v.frequencyKind === 'per_period') {
      if (v.frequencyTimes === null)
        ctx.addIssue({ code: 'custom', message: msg.timesInvalid, path: ['frequencyTimes'] })
      if (v.frequencyPer === null)
        ctx.addIssue({ code: 'custom', message: em.frequencyPerRequired, path: ['frequencyPer'] })
      if (v.frequencyTimes === null || v.frequencyPer === null) return z.NEVER
      const f = checkPart(
        frequencySchema,
        { kind: 'per_period', times: v.frequencyTimes, per: v.frequencyPer },
        ctx,
        { times: 'frequencyTimes', per: 'frequencyPer' },
        'frequencyKind',
      )
      if (!f) return z.NEVER
      frequency = f
    } else if (v.frequencyKind !== null) {
      frequency = { kind: v.frequencyKind }
    }
    return {
      frequency,
      inPersonVisits: v.inPersonVisits,
      eligibility: v.eligibility,
      output: v.output,
      redress: v.redress,
      contact: { phone: v.contactPhone, email: v.contactEmail, url: v.contactUrl },
      nationalServiceCode: v.nationalServiceCode,
    } satisfies Partial<ServiceContent>
  })

const TIME_KINDS = ['fixed', 'up_to', 'between'] as const

export const timeForm = z
  .object({
    timeKind: choiceOrNull(TIME_KINDS, em.choiceInvalid),
    timeValue: wholeNumber(msg.numberInvalid),
    timeMin: wholeNumber(msg.numberInvalid),
    timeMax: wholeNumber(msg.numberInvalid),
    timeUnit: choiceOrNull(TIME_UNITS, em.timeUnitRequired),
  })
  .transform((v, ctx) => {
    if (v.timeKind === null) return { declaredTime: null }
    const need: [string, number | null][] =
      v.timeKind === 'fixed'
        ? [['timeValue', v.timeValue]]
        : v.timeKind === 'up_to'
          ? [['timeMax', v.timeMax]]
          : [
              ['timeMin', v.timeMin],
              ['timeMax', v.timeMax],
            ]
    let missing = false
    for (const [field, value] of need) {
      if (value === null) {
        ctx.addIssue({ code: 'custom', message: msg.numberInvalid, path: [field] })
        missing = true
      }
    }
    if (v.timeUnit === null) {
      ctx.addIssue({ code: 'custom', message: em.timeUnitRequired, path: ['timeUnit'] })
      missing = true
    }
    if (missing) return z.NEVER
    const candidate =
      v.timeKind === 'fixed'
        ? { kind: 'fixed', value: v.timeValue, unit: v.timeUnit }
        : v.timeKind === 'up_to'
          ? { kind: 'up_to', max: v.timeMax, unit: v.timeUnit }
          : { kind: 'between', min: v.timeMin, max: v.timeMax, unit: v.timeUnit }
    const declaredTime = checkPart(
      declaredTimeSchema,
      candidate,
      ctx,
      {
        value: 'timeValue',
        min: 'timeMin',
        max: v.timeKind === 'fixed' ? 'timeValue' : 'timeMax',
        unit: 'timeUnit',
      },
      'timeKind',
    )
    return declaredTime ? { declaredTime } : z.NEVER
  })

/** What each section form changes in the card. */
export const SECTION_FORMS = {
  basics: basicsForm,
  classification: classificationForm,
  details: detailsForm,
  time: timeForm,
} satisfies Record<FormSection, z.ZodType<Partial<ServiceContent>>>

/** The form's fields filled in from a draft. */
export function sectionValues(section: FormSection, c: ServiceContent): FormFields {
  const num = (n: number | null | undefined) =>
    n === null || n === undefined ? '' : toPersianDigits(n)
  switch (section) {
    case 'basics':
      return {
        title: c.title,
        popularNames: c.popularNames.join('\n'),
        summary: c.summary,
        description: c.description,
        keywords: c.keywords.join('\n'),
      }
    case 'classification':
      return {
        audiences: [...c.audiences],
        nature: c.nature ?? '',
        level: c.level ?? '',
        lifeEvents: [...c.lifeEvents],
        trigger: c.trigger ?? '',
      }
    case 'details': {
      const f = c.frequency
      return {
        frequencyKind: f?.kind ?? '',
        frequencyTimes: f?.kind === 'per_period' ? num(f.times) : '',
        frequencyPer: f?.kind === 'per_period' ? f.per : '',
        inPersonVisits: num(c.inPersonVisits),
        eligibility: c.eligibility ?? '',
        output: c.output ?? '',
        redress: c.redress ?? '',
        contactPhone: c.contact.phone ?? '',
        contactEmail: c.contact.email ?? '',
        contactUrl: c.contact.url ?? '',
        nationalServiceCode: c.nationalServiceCode ?? '',
      }
    }
    case 'time':
      return declaredTimeValues(c.declaredTime)
  }
}

function declaredTimeValues(t: DeclaredTime | null): FormFields {
  if (!t) return { timeKind: '', timeValue: '', timeMin: '', timeMax: '', timeUnit: '' }
  return {
    timeKind: t.kind,
    timeValue: t.kind === 'fixed' ? toPersianDigits(t.value) : '',
    timeMin: t.kind === 'between' ? toPersianDigits(t.min) : '',
    timeMax: t.kind === 'fixed' ? '' : toPersianDigits(t.max),
    timeUnit: t.unit,
  }
}

// ——— List items ———

export const legalItemForm = z.object({
  lawId: one.transform((s) => s.trim()).pipe(legalBasisSchema.shape.lawId),
  article: orNull(legalBasisSchema.shape.article),
  note: orNull(legalBasisSchema.shape.note),
}) satisfies z.ZodType<LegalBasis>

export const documentItemForm = z.object({
  name: one.pipe(documentSchema.shape.name),
  form: requiredChoice(DOCUMENT_FORMS, em.documentFormRequired),
  count: requiredWholeNumber(msg.countInvalid).pipe(documentSchema.shape.count),
  issuer: orNull(documentSchema.shape.issuer),
  obtainableByInquiry: checkbox,
  note: orNull(documentSchema.shape.note),
}) satisfies z.ZodType<RequiredDocument>

export const feeItemForm = z.object({
  amount: requiredWholeNumber(msg.amountInvalid).pipe(feeSchema.shape.amount),
  currency: requiredChoice(CURRENCIES, em.currencyRequired),
  description: one.pipe(feeSchema.shape.description),
}) satisfies z.ZodType<Fee>

export const noDocumentsForm = z.object({ noDocumentsRequired: checkbox })

/** Each list section: its content field, item form, and how an item fills the form. */
export interface ListDef<K extends ListKey> {
  key: K
  form: z.ZodType<ItemOf<K>>
  values(item: ItemOf<K>): FormFields
  blank: FormFields
}

export const LIST_DEFS: { [L in ListSection]: ListDef<(typeof LIST_KEYS)[L]> } = {
  legal: {
    key: 'legalBases',
    form: legalItemForm,
    values: (b) => ({ lawId: b.lawId, article: b.article ?? '', note: b.note ?? '' }),
    blank: { lawId: '', article: '', note: '' },
  },
  documents: {
    key: 'documents',
    form: documentItemForm,
    values: (d) => ({
      name: d.name,
      form: d.form,
      count: toPersianDigits(d.count),
      issuer: d.issuer ?? '',
      obtainableByInquiry: d.obtainableByInquiry ? 'yes' : '',
      note: d.note ?? '',
    }),
    blank: { name: '', form: '', count: toPersianDigits(1), issuer: '', note: '' },
  },
  fees: {
    key: 'fees',
    form: feeItemForm,
    values: (f) => ({
      amount: formatNumberFa(f.amount),
      currency: f.currency,
      description: f.description,
    }),
    blank: { amount: '', currency: 'IRR', description: '' },
  },
}

// ——— Staff actions on the whole service ———

export const newServiceForm = z.object({
  title: one.pipe(S.title),
  // Persian or Latin, in the form slugify makes (issue 17 item 13); empty: made from the title.
  slug: one
    .transform((s) => s.trim())
    .refine((s) => s === '' || isValidSlug(s), msg.slugInvalid)
    .transform((s) => (s === '' ? null : s)),
})

/** The agency admin's change of a service's address (service-slug.actions.ts). */
export const slugForm = z.object({
  slug: one.transform((s) => s.trim()).refine(isValidSlug, msg.slugInvalid),
})

export const publishForm = z.object({
  changeNote: one
    .transform((s) => normalizeFaInput(s, { multiline: true }))
    .pipe(z.string().min(1, msg.changeNoteRequired).max(1000, em.changeNoteTooLong)),
})

export const withdrawForm = z.object({
  reason: one
    .transform((s) => normalizeFaInput(s, { multiline: true }))
    .pipe(z.string().min(1, msg.withdrawReasonRequired).max(500, em.reasonTooLong)),
})

/** Zod issues → one Persian message per form field (the first), keyed by the field's name. */
export function formErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form'
    errors[key] ??= issue.message
  }
  return errors
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

export function parseFields<T>(schema: z.ZodType<T>, fields: FormFields): Parsed<T> {
  const parsed = schema.safeParse(fields)
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, errors: formErrorsOf(parsed.error) }
}

/** A whole card, checked before it is saved: the last guard against a change that breaks it. */
export function checkContent(content: ServiceContent): Parsed<ServiceContent> {
  const parsed = serviceContentSchema.safeParse(content)
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, errors: formErrorsOf(parsed.error) }
}
