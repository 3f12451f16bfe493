import { formatNumberFa, toPersianDigits } from '../../lib/fa/digits.ts'
import { stepDurationText } from '../processes/process.text.ts'
import {
  AUDIENCE_LABELS,
  CHANNEL_KIND_LABELS,
  CURRENCY_LABELS,
  DOCUMENT_FORM_LABELS,
  FORM_LANGUAGE_LABELS,
  LEVEL_LABELS,
  LIFE_EVENT_LABELS,
  NATURE_LABELS,
  SIGN_IN_LABELS,
  STAGE_LABELS,
  STAGE_MODE_LABELS,
  TIME_UNIT_LABELS,
  TRIGGER_LABELS,
} from './messages.fa.ts'
import {
  type DeclaredTime,
  type Fee,
  type Frequency,
  type RequiredDocument,
  SERVICE_STAGES,
  type ServiceChannel,
  type ServiceContent,
  type ServiceForm,
} from './service.model.ts'

/** Plain Persian renderings of card values, shared by pages, diffs and the conflict view. */

export function declaredTimeText(t: DeclaredTime | null): string {
  if (!t) return ''
  const unit = TIME_UNIT_LABELS[t.unit]
  if (t.kind === 'fixed') return `${toPersianDigits(t.value)} ${unit}`
  if (t.kind === 'up_to') return `حداکثر ${toPersianDigits(t.max)} ${unit}`
  return `${toPersianDigits(t.min)} تا ${toPersianDigits(t.max)} ${unit}`
}

export function frequencyText(f: Frequency | null): string {
  if (!f) return ''
  if (f.kind === 'once') return 'یک بار برای همیشه'
  if (f.kind === 'as_needed') return 'هر بار که لازم باشد'
  return `${toPersianDigits(f.times)} بار در ${f.per === 'month' ? 'ماه' : 'سال'}`
}

export function feeAmountText(fee: Fee): string {
  return fee.amount === 0
    ? 'رایگان'
    : `${formatNumberFa(fee.amount)} ${CURRENCY_LABELS[fee.currency]}`
}

export function feeText(fee: Fee): string {
  return `${fee.description}: ${feeAmountText(fee)}`
}

export function documentText(d: RequiredDocument): string {
  const bits = [DOCUMENT_FORM_LABELS[d.form]]
  if (d.count > 1) bits.push(`${toPersianDigits(d.count)} نسخه`)
  if (d.issuer) bits.push(`صادرکننده: ${d.issuer}`)
  if (d.obtainableByInquiry) bits.push('قابل استعلام')
  return `${d.name} (${bits.join('، ')})${d.note ? ` — ${d.note}` : ''}`
}

export function visitsText(n: number | null): string {
  if (n === null) return ''
  return n === 0 ? 'بدون مراجعهٔ حضوری' : `${toPersianDigits(n)} بار`
}

/** A form as one line; the short hash makes a replaced file show as a change. */
export function formText(f: ServiceForm): string {
  const code = f.code ? ` (${f.code})` : ''
  return `${f.title}${code}، ${FORM_LANGUAGE_LABELS[f.language]} — ${f.fileName} [${f.sha256.slice(0, 8)}]`
}

export function channelText(ch: ServiceChannel): string {
  const where = ch.url ?? ch.phone ?? ch.code ?? ''
  const bits = [CHANNEL_KIND_LABELS[ch.kind]]
  if (ch.kind === 'e_service') bits.push(SIGN_IN_LABELS[ch.signIn])
  if (ch.signatureRequired) bits.push('نیاز به امضای الکترونیکی')
  return `${ch.title}${where ? ` — ${where}` : ''} (${bits.join('، ')})`
}

function stageLines(c: ServiceContent): string[] {
  const title = new Map(c.channels.map((ch) => [ch.id, ch.title]))
  return SERVICE_STAGES.flatMap((stage) => {
    const d = c.stages[stage]
    if (!d.mode) return []
    const via = d.channelIds.map((id) => title.get(id)).filter((t): t is string => !!t)
    return [
      `${STAGE_LABELS[stage]}: ${STAGE_MODE_LABELS[d.mode]}${via.length ? ` (${via.join('، ')})` : ''}`,
    ]
  })
}

/** Labels of the card's fields, in the order pages and diffs show them. */
export const FIELD_LABELS: Record<keyof ServiceContent, string> = {
  title: 'عنوان خدمت',
  popularNames: 'نام‌های رایج',
  summary: 'خلاصه',
  description: 'شرح خدمت',
  audiences: 'مخاطبان',
  nature: 'ماهیت خدمت',
  level: 'سطح خدمت',
  lifeEvents: 'رویدادهای زندگی',
  trigger: 'نحوهٔ آغاز خدمت',
  frequency: 'تواتر',
  inPersonVisits: 'تعداد مراجعهٔ حضوری',
  eligibility: 'شرایط بهره‌مندی',
  legalBases: 'قوانین و مقررات',
  documents: 'مدارک لازم',
  noDocumentsRequired: 'بدون نیاز به مدرک',
  fees: 'هزینه‌ها',
  declaredTime: 'زمان کل اعلام‌شده',
  output: 'خروجی خدمت',
  redress: 'اعتراض و پیگیری',
  contact: 'راه‌های تماس',
  nationalServiceCode: 'شناسهٔ ملی خدمت',
  keywords: 'کلیدواژه‌ها',
  process: 'مراحل انجام کار',
  forms: 'فرم‌ها',
  offices: 'محل‌های مراجعه',
  channels: 'راه‌های دسترسی',
  stages: 'مراحل الکترونیکی و حضوری',
}

/**
 * Every field as lines of plain text. Laws are named through `lawTitle`
 * (the registry may rename a law; the citation stays by id).
 */
export function fieldTexts(
  c: ServiceContent,
  lawTitle: (id: string) => string,
  officeName: (id: string) => string = () => 'دفتر',
): Record<keyof ServiceContent, string[]> {
  const one = (s: string | null) => (s ? [s] : [])
  return {
    title: [c.title],
    popularNames: c.popularNames,
    summary: one(c.summary),
    description: one(c.description),
    audiences: c.audiences.map((a) => AUDIENCE_LABELS[a]),
    nature: c.nature ? [NATURE_LABELS[c.nature]] : [],
    level: c.level ? [LEVEL_LABELS[c.level]] : [],
    lifeEvents: c.lifeEvents.map((e) => LIFE_EVENT_LABELS[e]),
    trigger: c.trigger ? [TRIGGER_LABELS[c.trigger]] : [],
    frequency: one(frequencyText(c.frequency)),
    inPersonVisits: one(visitsText(c.inPersonVisits)),
    eligibility: one(c.eligibility),
    legalBases: c.legalBases.map(
      (b) =>
        `${lawTitle(b.lawId)}${b.article ? `، ${b.article}` : ''}${b.note ? ` — ${b.note}` : ''}`,
    ),
    documents: c.documents.map(documentText),
    noDocumentsRequired: c.noDocumentsRequired ? ['بله'] : [],
    fees: c.fees.map(feeText),
    declaredTime: one(declaredTimeText(c.declaredTime)),
    output: one(c.output),
    redress: one(c.redress),
    contact: [c.contact.phone, c.contact.email, c.contact.url].filter(
      (x): x is string => x !== null,
    ),
    nationalServiceCode: c.nationalServiceCode ? [toPersianDigits(c.nationalServiceCode)] : [],
    keywords: c.keywords,
    process: c.process.steps.map(
      (s, i) =>
        `${toPersianDigits(i + 1)}. ${s.title}${s.duration ? ` (${stepDurationText(s.duration)})` : ''}`,
    ),
    forms: c.forms.map(formText),
    offices: c.offices.map((o) => `${officeName(o.officeId)}${o.note ? ` — ${o.note}` : ''}`),
    channels: c.channels.map(channelText),
    stages: stageLines(c),
  }
}

export interface FieldChange {
  field: keyof ServiceContent
  label: string
  before: string[]
  after: string[]
  /** For lists: the lines only in `before` and only in `after`. */
  removed: string[]
  added: string[]
}

/** One field's change, from its lines before and after; null when they are the same. */
export function linesChange(
  field: keyof ServiceContent,
  label: string,
  before: string[],
  after: string[],
): FieldChange | null {
  if (before.join('\n') === after.join('\n')) return null
  return {
    field,
    label,
    before,
    after,
    removed: before.filter((line) => !after.includes(line)),
    added: after.filter((line) => !before.includes(line)),
  }
}

/** The fields that differ between two cards (R8: previous vs revised, field by field). */
export function diffContent(
  before: ServiceContent | null,
  after: ServiceContent,
  lawTitle: (id: string) => string,
  officeName?: (id: string) => string,
): FieldChange[] {
  const a = before ? fieldTexts(before, lawTitle, officeName) : null
  const b = fieldTexts(after, lawTitle, officeName)
  const changes: FieldChange[] = []
  for (const field of Object.keys(FIELD_LABELS) as (keyof ServiceContent)[]) {
    const change = linesChange(field, FIELD_LABELS[field], a?.[field] ?? [], b[field])
    if (change) changes.push(change)
  }
  return changes
}
