import { jalaliToGregorian, tehranDateOf } from '../../lib/fa/index.ts'
import { lawCitation } from '../laws/index.ts'
import { serviceTotal } from '../processes/index.ts'
import type { CatalogueContext } from './catalogue.build.ts'
import type { CatalogueService } from './catalogue.format.ts'

/**
 * The CSV export: one row per published service, UTF-8 with a byte-order mark and CRLF line
 * ends (so Excel opens Persian text correctly), quoted per RFC 4180 (a field with a comma,
 * quote or line break is wrapped in double quotes, inner quotes doubled). Lists are joined with
 * « | ». Codes (audiences, life events…) are the API's codes; the open-data page explains them.
 *
 * Formula injection: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
 * would be run as a formula by spreadsheet programs, so it gets a leading apostrophe (`'`),
 * which they show as text (OWASP's advice). Telephone numbers written `+98…` therefore read
 * `'+98…` in the file; the JSON export carries the exact value.
 */
export const CSV_BOM = '\uFEFF'
export const CSV_LIST_SEPARATOR = ' | '
const CRLF = '\r\n'

const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + CRLF
}

const list = (xs: readonly string[]) => xs.join(CSV_LIST_SEPARATOR)
const opt = (x: string | number | null | undefined) =>
  x === null || x === undefined ? '' : String(x)
const bool = (b: boolean) => (b ? 'true' : 'false')

/** The Gregorian calendar day (YYYY-MM-DD) an instant falls on in Tehran. */
export function tehranIsoDay(iso: string): string {
  const j = tehranDateOf(new Date(iso))
  const g = jalaliToGregorian(j.jy, j.jm, j.jd)
  const pad = (n: number, w: number) => String(n).padStart(w, '0')
  return `${pad(g.gy, 4)}-${pad(g.gm, 2)}-${pad(g.gd, 2)}`
}

export interface CsvColumn {
  name: string
  /** For the column dictionary on the open-data page. */
  description: string
  value(s: CatalogueService, ctx: CatalogueContext): string
}

export const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', description: 'شناسهٔ پایدار خدمت (UUID)', value: (s) => s.id },
  { name: 'slug', description: 'نامک خدمت در نشانی صفحه', value: (s) => s.slug },
  { name: 'url', description: 'نشانی صفحهٔ خدمت در پرتال', value: (s) => s.url },
  { name: 'agency_code', description: 'کد دستگاه ارائه‌دهنده', value: (s) => s.agency.code },
  { name: 'agency_name', description: 'نام دستگاه ارائه‌دهنده', value: (s) => s.agency.nameFa },
  { name: 'version_no', description: 'شمارهٔ نسخهٔ منتشرشده', value: (s) => String(s.versionNo) },
  {
    name: 'published_at',
    description: 'زمان انتشار این نسخه (ISO 8601، UTC)',
    value: (s) => s.publishedAt,
  },
  { name: 'title', description: 'عنوان خدمت', value: (s) => s.content.title },
  {
    name: 'popular_names',
    description: 'نام‌های رایج، جداشده با « | »',
    value: (s) => list(s.content.popularNames),
  },
  { name: 'summary', description: 'خلاصه', value: (s) => s.content.summary },
  { name: 'description', description: 'شرح خدمت', value: (s) => s.content.description },
  {
    name: 'audiences',
    description: 'گیرندگان: G2C شهروندان، G2B کسب‌وکارها، G2G دستگاه‌ها',
    value: (s) => list(s.content.audiences),
  },
  {
    name: 'nature',
    description: 'ماهیت: sovereign حاکمیتی، enterprise تصدی‌گری',
    value: (s) => opt(s.content.nature),
  },
  {
    name: 'level',
    description: 'سطح: national، regional، provincial، city، rural',
    value: (s) => opt(s.content.level),
  },
  {
    name: 'life_events',
    description: 'رویدادهای زندگی (کدهای API)',
    value: (s) => list(s.content.lifeEvents),
  },
  { name: 'trigger', description: 'نحوهٔ آغاز خدمت (کد)', value: (s) => opt(s.content.trigger) },
  {
    name: 'frequency',
    description: 'تواتر: once، as_needed یا «per_period:تعداد/month|year»',
    value: (s) => {
      const f = s.content.frequency
      if (!f) return ''
      return f.kind === 'per_period' ? `per_period:${f.times}/${f.per}` : f.kind
    },
  },
  {
    name: 'in_person_visits',
    description: 'تعداد مراجعهٔ حضوری',
    value: (s) => opt(s.content.inPersonVisits),
  },
  { name: 'eligibility', description: 'شرایط احراز', value: (s) => opt(s.content.eligibility) },
  {
    name: 'legal_bases',
    description: 'قوانین و مقررات (عنوان، شماره و ماده)، جداشده با « | »',
    value: (s, ctx) =>
      list(
        s.content.legalBases.map((b) => {
          const law = ctx.laws.get(b.lawId)
          const title = law ? lawCitation(law) : b.lawId
          return b.article ? `${title}، ${b.article}` : title
        }),
      ),
  },
  {
    name: 'documents',
    description: 'مدارک لازم (نام، تعداد)، جداشده با « | »',
    value: (s) => list(s.content.documents.map((d) => `${d.name} (${d.form}×${d.count})`)),
  },
  {
    name: 'no_documents_required',
    description: 'true اگر هیچ مدرکی لازم نیست',
    value: (s) => bool(s.content.noDocumentsRequired),
  },
  {
    name: 'fees',
    description: 'هزینه‌ها «مبلغ واحد شرح» (IRR ریال، IRT تومان)، جداشده با « | »',
    value: (s) => list(s.content.fees.map((f) => `${f.amount} ${f.currency} ${f.description}`)),
  },
  {
    name: 'declared_time',
    description: 'زمان اعلام‌شده: «fixed:مقدار» یا «up_to:بیشینه» یا «between:کمینه-بیشینه» و واحد',
    value: (s) => {
      const t = s.content.declaredTime
      if (!t) return ''
      if (t.kind === 'fixed') return `fixed:${t.value} ${t.unit}`
      if (t.kind === 'up_to') return `up_to:${t.max} ${t.unit}`
      return `between:${t.min}-${t.max} ${t.unit}`
    },
  },
  {
    name: 'total_time',
    description:
      'زمان کل انجام کار با همان عبارت صفحهٔ خدمت: از مراحل فرایند (گردشده) یا، اگر فرایندی نیست، زمان اعلام‌شده',
    // Computed once per service when the file is built (`toCatalogueService`).
    value: (s) => (s.totalTime === undefined ? serviceTotal(s.content) : s.totalTime)?.text ?? '',
  },
  { name: 'output', description: 'خروجی خدمت', value: (s) => opt(s.content.output) },
  { name: 'redress', description: 'راه اعتراض', value: (s) => opt(s.content.redress) },
  { name: 'contact_phone', description: 'تلفن', value: (s) => opt(s.content.contact.phone) },
  { name: 'contact_email', description: 'رایانامه', value: (s) => opt(s.content.contact.email) },
  { name: 'contact_url', description: 'نشانی وب', value: (s) => opt(s.content.contact.url) },
  {
    name: 'national_service_code',
    description: 'شناسهٔ ملی خدمت',
    value: (s) => opt(s.content.nationalServiceCode),
  },
  {
    name: 'keywords',
    description: 'کلیدواژه‌ها، جداشده با « | »',
    value: (s) => list(s.content.keywords),
  },
  {
    name: 'process_steps',
    description: 'تعداد گام‌های فرایند',
    value: (s) => String(s.content.process.steps.length),
  },
  {
    name: 'forms',
    description: 'فرم‌ها (عنوان و نشانی دریافت)، جداشده با « | »',
    value: (s) =>
      list(
        s.content.forms.map((f) => {
          const url = s.formFiles.find((x) => x.sha256 === f.sha256)?.url ?? ''
          return `${f.title} ${url}`.trim()
        }),
      ),
  },
  {
    name: 'offices',
    description: 'تعداد دفترهای ارائهٔ خدمت',
    value: (s) => String(s.content.offices.length),
  },
  {
    name: 'channels',
    description: 'درگاه‌ها «نوع: عنوان نشانی/تلفن/کد»، جداشده با « | »',
    value: (s) =>
      list(
        s.content.channels.map((ch) =>
          `${ch.kind}: ${ch.title} ${ch.url ?? ch.phone ?? ch.code ?? ''}`.trim(),
        ),
      ),
  },
  {
    name: 'online_stages',
    description:
      'مرحله‌هایی که الکترونیکی انجام می‌شوند (information، request، processing، delivery)',
    value: (s) =>
      list(
        (['information', 'request', 'processing', 'delivery'] as const).filter(
          (k) => s.content.stages[k].mode === 'electronic',
        ),
      ),
  },
  // The review clock (issue 12), appended so that readers by position keep working.
  {
    name: 'last_reviewed_at',
    description:
      'زمان تکمیل آخرین بازبینی سه‌ساله (ISO 8601، UTC)؛ خالی اگر خدمت هنوز بازبینی نشده است',
    value: (s) => opt(s.review?.lastReviewedAt),
  },
  {
    name: 'next_review_due',
    description:
      'روز سررسید بازبینی بعدی به وقت تهران، به تاریخ میلادی YYYY-MM-DD (از این روز بازبینی عقب افتاده است)',
    value: (s) => (s.review ? tehranIsoDay(s.review.nextReviewDue) : ''),
  },
]
