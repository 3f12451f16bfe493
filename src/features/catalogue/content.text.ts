import { toPersianDigits } from '../../lib/fa/digits.ts'
import { channelText, stageLines } from '../channels/index.ts'
import { formText } from '../forms/index.ts'
import { stepDurationText } from '../processes/index.ts'
import {
  AUDIENCE_LABELS,
  declaredTimeText,
  documentText,
  type FieldChange,
  feeText,
  frequencyText,
  LEVEL_LABELS,
  LIFE_EVENT_LABELS,
  linesChange,
  NATURE_LABELS,
  type ServiceContent,
  TRIGGER_LABELS,
  visitsText,
} from '../services/index.ts'

/**
 * The whole card as text, field by field: the card core's fields and each section's, composed
 * here for the history page (R8), the staff overview and the card editor's conflict page.
 */

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
