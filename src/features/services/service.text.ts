import { formatNumberFa, toPersianDigits } from '../../lib/fa/digits.ts'
import { CURRENCY_LABELS, DOCUMENT_FORM_LABELS, TIME_UNIT_LABELS } from './messages.fa.ts'
import type {
  DeclaredTime,
  Fee,
  Frequency,
  RequiredDocument,
  ServiceContent,
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

/** A fee as one line: «description: amount» (the amount alone if there is no description). */
export function feeText(fee: Fee): string {
  const what = fee.description.trim()
  return what ? `${what}: ${feeAmountText(fee)}` : feeAmountText(fee)
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
