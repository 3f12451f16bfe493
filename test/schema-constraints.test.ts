/**
 * Issue 11 item 4: the input schemas carry every database constraint. The CHECK constraints and
 * NOT NULL text columns are read from the migrated database (pg_constraint,
 * information_schema), and every one must be either mapped here to the input schemas whose
 * output is stored in it, or exempted with the reason no person's input reaches it. For each
 * mapped column, boundary values derived from the constraint itself (lengths and numbers around
 * its literals, and hostile samples) are run through each schema: whatever a schema accepts,
 * the database must accept too (evaluated by PostgreSQL with the constraint's own expression).
 * A constraint added without a rule here fails this test; so does a rule looser than its column.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { z } from 'zod'
import {
  newAgencyUserInput,
  newCentralUserInput,
  newTokenInput,
} from '../src/features/accounts/account.input.ts'
import { agencyInput } from '../src/features/agencies/agency.input.ts'
import { holidayInput } from '../src/features/calendar/calendar.input.ts'
import { newServiceBody } from '../src/features/catalogue/services.api.schemas.ts'
import { methodBody } from '../src/features/evaluation/method.input.ts'
import { answerBody, objectionBody } from '../src/features/evaluation/objection.input.ts'
import { helpfulFollowUpInput } from '../src/features/feedback/helpful.input.ts'
import { ratingForm } from '../src/features/feedback/rating.input.ts'
import { reportInput, reportReason } from '../src/features/feedback/report.input.ts'
import { transactionBody } from '../src/features/feedback/transaction.input.ts'
import { decisionInput, definitionInput } from '../src/features/indicators/indicator.input.ts'
import { periodDecisionForm, valueBody, valueForm } from '../src/features/indicators/value.input.ts'
import { lawInput } from '../src/features/laws/law.input.ts'
import { frequencyForm } from '../src/features/notifications/notification.input.ts'
import { officeInput } from '../src/features/offices/office.input.ts'
import { auditDecisionInput } from '../src/features/reviews/review.input.ts'
import { zeroResultKey } from '../src/features/search/search.actions.ts'
import { newServiceForm } from '../src/features/services/editor.input.ts'
import { serviceContentSchema } from '../src/features/services/service.schema.ts'
import { searchTokens } from '../src/lib/fa/normalize.ts'
import { optionalUrl } from '../src/web/fields.ts'
import { createTestDb, type TestDb } from './support/test-db.ts'

/** One input schema whose output reaches a column: a valid input, the field varied, the stored value. */
interface Probe {
  name: string
  schema: z.ZodType
  base: Record<string, unknown>
  field: string
  /** The value stored; undefined when the system supplies it instead (a generated slug). */
  stored?: (output: Record<string, unknown>) => unknown
}

const field = (output: Record<string, unknown>, key: string) => output[key]
// A service created without a slug gets one made from its title (service.actions).
const generatedIfEmpty = (o: Record<string, unknown>) => (o.slug === null ? undefined : o.slug)

const OFFICE = {
  name: 'ادارهٔ نمونه',
  address: 'میدان انقلاب',
  provinceCode: '08',
  city: 'تهران',
  postalCode: '1314567890',
  lat: 35.7,
  lng: 51.39,
  hours: {},
}
const office = (f: string): Probe => ({
  name: 'officeInput',
  schema: officeInput,
  base: OFFICE,
  field: f,
})
const HOLIDAY = {
  'date-day': '1',
  'date-month': '1',
  'date-year': '1405',
  title: 'جشن',
  kind: 'solar',
}
const AGENCY = { nameFa: 'سازمان نمونه', level: 'ministry' }
const LAW = { title: 'قانون نمونه', kind: 'law' }
const CENTRAL_USER = { username: 'staff.one', displayName: 'کاربر', role: 'central_admin' }
const AGENCY_USER = { usernamePart: 'reza', displayName: 'کاربر', role: 'agency_editor' }
// Agency usernames are stored as a<agency code>-<the part typed>.
const agencyUsername = (o: Record<string, unknown>) => `a10042-${String(o.usernamePart)}`

const TRANSACTION = {
  serviceId: '3f1c2a9e-8b7d-4c6e-9f10-a1b2c3d4e5f6',
  trackingCode: 'TRK-0001',
  channel: 'online',
  startedAt: '2026-11-22T08:00:00Z',
  completedAt: '2026-11-23T08:00:00Z',
}
const REPORT = { section: 'fees', whatWrong: 'هزینه نادرست است' }
const report = (f: string, stored?: Probe['stored']): Probe => ({
  name: 'reportInput',
  schema: reportInput,
  base: REPORT,
  field: f,
  ...(stored ? { stored } : {}),
})
// The report form's one contact field is stored as a mobile or as an e-mail.
const contactOf = (o: Record<string, unknown>) =>
  z.object({ mobile: z.string().nullable(), email: z.string().nullable() }).parse(o.contact)
const DEFINITION = {
  nameFa: 'درصد پروانه‌های به‌موقع',
  definition: 'سهم پروانه‌های صادرشده در مهلت',
  rationale: 'به‌هنگامی مهم‌ترین شکایت است',
  category: 'time',
  unit: 'percent',
  direction: 'higher',
  numeratorFa: 'پروانه‌های به‌موقع',
  denominatorFa: 'همهٔ پروانه‌ها',
  frequency: 'quarterly',
  source: 'manual',
  maxAgeDays: '120',
  limitations: '',
  targets: '1405: 60, 80',
}
const indicator = (f: string): Probe => ({
  name: 'definitionInput',
  schema: definitionInput,
  base: DEFINITION,
  field: f,
})
const VALUE = { period: '1405-Q2', numerator: '45', denominator: '60' }
const valueField = (f: string): Probe => ({
  name: 'valueForm',
  schema: valueForm,
  base: VALUE,
  field: f,
})
const valueJson = (f: string): Probe => ({
  name: 'valueBody',
  schema: valueBody,
  base: { period: '1405-Q2', numerator: 45, denominator: 60 },
  field: f,
})
const METHOD = {
  nameFa: 'روش ارزیابی',
  components: [{ key: 'publication', weight: 90, target: 100, minN: 1 }],
  growthWeight: 10,
  minComparableShare: 0.5,
}
const objection = (f: string): Probe => ({
  name: 'objectionBody',
  schema: objectionBody,
  base: { component: 'eService', reasonFa: 'مرحلهٔ درخواست الکترونیکی بوده است.' },
  field: f,
})
const answer = (f: string): Probe => ({
  name: 'answerBody',
  schema: answerBody,
  base: { decision: 'accept', answerFa: 'بررسی شد و درست است.', correctedValue: 75, correctedN: 4 },
  field: f,
})
const method = (f: string): Probe => ({
  name: 'methodBody',
  schema: methodBody,
  base: METHOD,
  field: f,
})
/** Columns a person's input reaches, and the schemas it passes on the way. */
const MAPPED: Record<string, Probe[]> = {
  'evaluation_methods.name_fa': [method('nameFa')],
  'evaluation_objections.reason_fa': [objection('reasonFa')],
  'evaluation_objections.corrected_n': [answer('correctedN')],
  'evaluation_methods.growth_weight': [method('growthWeight')],
  'evaluation_methods.min_comparable_share': [method('minComparableShare')],
  'indicator_versions.name_fa': [indicator('nameFa')],
  'indicator_versions.definition': [indicator('definition')],
  'indicator_versions.rationale': [indicator('rationale')],
  'indicator_versions.category': [indicator('category')],
  'indicator_versions.unit': [indicator('unit')],
  'indicator_versions.direction': [indicator('direction')],
  'indicator_versions.numerator_fa': [indicator('numeratorFa')],
  'indicator_versions.denominator_fa': [indicator('denominatorFa')],
  'indicator_versions.frequency': [indicator('frequency')],
  'indicator_versions.source': [indicator('source')],
  'indicator_versions.max_age_days': [indicator('maxAgeDays')],
  'indicator_versions.limitations': [indicator('limitations')],
  'indicator_values.period': [valueField('period'), valueJson('period')],
  'indicator_values.denominator': [valueField('denominator'), valueJson('denominator')],
  'indicator_values.note': [valueField('note'), valueJson('note')],
  'indicator_values.evidence_note': [valueField('evidenceNote'), valueJson('evidenceNote')],
  'indicator_period_submissions.period': [valueField('period')],
  'indicator_period_submissions.comment': [
    {
      name: 'periodDecisionForm',
      schema: periodDecisionForm,
      base: { decision: 'return', comment: 'دلیل' },
      field: 'comment',
    },
  ],
  'indicator_decisions.comment': [
    {
      name: 'decisionInput',
      schema: decisionInput,
      base: { decision: 'reject', expectedRevision: '1', comment: 'دلیل' },
      field: 'comment',
    },
  ],
  'agencies.name_fa': [{ name: 'agencyInput', schema: agencyInput, base: AGENCY, field: 'nameFa' }],
  'agencies.level': [{ name: 'agencyInput', schema: agencyInput, base: AGENCY, field: 'level' }],
  'holidays.title': [{ name: 'holidayInput', schema: holidayInput, base: HOLIDAY, field: 'title' }],
  'holidays.kind': [{ name: 'holidayInput', schema: holidayInput, base: HOLIDAY, field: 'kind' }],
  'laws.title': [{ name: 'lawInput', schema: lawInput, base: LAW, field: 'title' }],
  'laws.kind': [{ name: 'lawInput', schema: lawInput, base: LAW, field: 'kind' }],
  'offices.name': [office('name')],
  'offices.address': [office('address')],
  'offices.city': [office('city')],
  'offices.province_code': [office('provinceCode')],
  'offices.postal_code': [office('postalCode')],
  'offices.lat': [office('lat')],
  'offices.lng': [office('lng')],
  'services.slug': [
    {
      name: 'newServiceForm',
      schema: newServiceForm,
      base: { title: 'خدمت' },
      field: 'slug',
      stored: generatedIfEmpty,
    },
    {
      name: 'newServiceBody',
      schema: newServiceBody,
      base: { title: 'خدمت' },
      field: 'slug',
      stored: generatedIfEmpty,
    },
  ],
  'service_versions.title': [
    {
      name: 'serviceContentSchema.title',
      schema: z.object({ title: serviceContentSchema.shape.title }),
      base: {},
      field: 'title',
    },
    { name: 'newServiceBody', schema: newServiceBody, base: {}, field: 'title' },
    { name: 'newServiceForm', schema: newServiceForm, base: { slug: '' }, field: 'title' },
  ],
  'users.username': [
    {
      name: 'newCentralUserInput',
      schema: newCentralUserInput,
      base: CENTRAL_USER,
      field: 'username',
    },
    {
      name: 'newAgencyUserInput',
      schema: newAgencyUserInput,
      base: AGENCY_USER,
      field: 'usernamePart',
      stored: agencyUsername,
    },
  ],
  'users.display_name': [
    {
      name: 'newCentralUserInput',
      schema: newCentralUserInput,
      base: CENTRAL_USER,
      field: 'displayName',
    },
    {
      name: 'newAgencyUserInput',
      schema: newAgencyUserInput,
      base: AGENCY_USER,
      field: 'displayName',
    },
  ],
  'users.role': [
    { name: 'newCentralUserInput', schema: newCentralUserInput, base: CENTRAL_USER, field: 'role' },
    { name: 'newAgencyUserInput', schema: newAgencyUserInput, base: AGENCY_USER, field: 'role' },
  ],
  'api_tokens.name': [
    { name: 'newTokenInput', schema: newTokenInput, base: { access: 'read' }, field: 'name' },
  ],
  'api_tokens.access': [
    { name: 'newTokenInput', schema: newTokenInput, base: { name: 'کلید' }, field: 'access' },
  ],
  'notification_preferences.frequency': [
    { name: 'frequencyForm', schema: frequencyForm, base: {}, field: 'frequency' },
  ],
  'service_reviews.audit_reason': [
    {
      name: 'auditDecisionInput',
      schema: auditDecisionInput,
      base: { decision: 'reject' },
      field: 'reason',
    },
  ],
  // Issue 13 (F3): the rating form's radios and the transaction feed's enums.
  'ratings.overall': [{ name: 'ratingForm', schema: ratingForm, base: {}, field: 'overall' }],
  ...Object.fromEntries(
    ['clarity', 'promised_time', 'visits', 'staff_conduct', 'cost', 'online_ease'].map((c) => [
      `ratings.${c}`,
      [
        {
          name: 'ratingForm',
          schema: ratingForm,
          base: { overall: '3' },
          field: c.replace(/_(\w)/g, (_, l: string) => l.toUpperCase()),
        },
      ],
    ]),
  ),
  'transactions.channel': [
    { name: 'transactionBody', schema: transactionBody, base: TRANSACTION, field: 'channel' },
  ],
  'transactions.outcome': [
    { name: 'transactionBody', schema: transactionBody, base: TRANSACTION, field: 'outcome' },
  ],
  // Issue 13 (F2): reports of wrong information and the agency's reason for rejecting one.
  'accuracy_reports.section': [report('section')],
  'accuracy_reports.what_wrong': [report('whatWrong')],
  'accuracy_reports.what_right': [report('whatRight')],
  'accuracy_reports.contact_mobile': [report('contact', (o) => contactOf(o).mobile)],
  'accuracy_reports.contact_email': [report('contact', (o) => contactOf(o).email)],
  'accuracy_reports.reason': [
    { name: 'reportReason', schema: z.object({ reason: reportReason }), base: {}, field: 'reason' },
  ],
  // Issue 13 (F1): the follow-up to a «خیر» (empty text is stored as null, so 1–2000).
  'helpful_votes.missing': [
    {
      name: 'helpfulFollowUpInput',
      schema: helpfulFollowUpInput,
      base: { section: 'fees' },
      field: 'missing',
    },
  ],
  'helpful_votes.section': [
    {
      name: 'helpfulFollowUpInput',
      schema: helpfulFollowUpInput,
      base: { missing: 'نادرست' },
      field: 'section',
    },
  ],
  // A law's title and kind are copied into the versions that cite it when they are published.
  'version_laws.title': [{ name: 'lawInput', schema: lawInput, base: LAW, field: 'title' }],
  'version_laws.kind': [{ name: 'lawInput', schema: lawInput, base: LAW, field: 'kind' }],
  // The link checker stores the URLs people saved; every URL field is an optionalUrl.
  'link_checks.target': [
    {
      name: 'optionalUrl',
      schema: z.object({ url: optionalUrl('نشانی') }),
      base: {},
      field: 'url',
      // No URL, nothing to check.
      stored: (o) => (o.url === null ? undefined : o.url),
    },
  ],
  // A search that finds nothing logs its words, cut short (search.actions.ts zeroResultKey).
  'search_zero_results.query': [
    {
      name: 'zeroResultKey',
      schema: z.object({
        q: z
          .string()
          .transform((s) => zeroResultKey(searchTokens(s)))
          .refine((s) => s !== ''),
      }),
      base: {},
      field: 'q',
    },
  ],
}

/** Columns no person types into: set by the system, derived, or checked against each other. */
const SYSTEM_COLUMNS: Record<string, string> = {
  'agencies.code': 'generated from the hierarchy by agency.actions',
  'api_tokens.prefix': 'generated with the secret',
  'api_tokens.token_hash': 'a hash of the generated secret',
  'form_files.sha256': 'computed from the uploaded bytes',
  'form_files.kind': 'sniffed from the bytes (forms/sniff.ts)',
  'form_files.media_type': 'follows from the sniffed kind',
  'form_files.size_bytes': 'the byte count, capped by the upload limit',
  'laws.sort_key': 'derived from the title',
  'link_checks.status': 'the checker’s verdict',
  'link_checks.target_kind': 'set by the checker',
  'search_words.df': 'counted by the indexer',
  'search_zero_results.count': 'counted',
  'service_versions.status': 'set by the draft lifecycle',
  'service_versions.version_no': 'numbered by the draft lifecycle',
  'service_versions.sort_key': 'derived from the title',
  'users.password_hash': 'a hash',
  'api_tokens.revoked_reason': 'set by the revoking action from a constant',
  'link_check_offline.reason': 'a constant written by the demo loader',
  'mail_outbox.attempts': 'counted by the sender',
  'mail_outbox.kind': 'copied from notify(), whose kinds are constants in code (notify.input.ts)',
  'mail_outbox.link': 'copied from notify(), checked there to be a path inside the portal',
  'mail_outbox.status': 'set by the sender',
  'mail_outbox.subject': 'composed by the notifying feature, checked by notify.input.ts',
  'mail_outbox.to_address': 'the user’s e-mail, checked where it is typed (account forms)',
  'mail_outbox.body': 'composed by the notifying feature',
  'notification_sends.dedupe_key': 'built by the notifying feature, checked by notify.input.ts',
  'notification_sends.kind': 'a constant in code',
  'notifications.body': 'composed by the notifying feature, checked by notify.input.ts',
  'notifications.kind': 'a constant in code, checked by notify.input.ts',
  'notifications.link': 'a path built by the notifying feature, checked by notify.input.ts',
  'notifications.subject': 'composed by the notifying feature, checked by notify.input.ts',
  'review_audit_samples.population': 'counted by the draw',
  'review_audit_samples.quarter': 'parsed by parseQuarterKey before the draw',
  'review_audit_samples.seed': 'random bytes from the draw',
  'review_audit_samples.size': 'computed by sampleSize',
  'review_reminders.step': 'a step of the reminder ladder (reminders.model.ts)',
  'service_reviews.audit_status': 'set by the audit actions',
  'service_reviews.outcome': 'set by the sign-off actions',
  'service_reviews.status': 'set by the review actions',
  'sign_in_failures.failures': 'counted by the throttle',
  'sign_in_failures.username': 'the typed username, bounded by signInInput',
  'sign_in_failures.client': 'the client address from the connection',
  'form_file_uploads.sha256': 'computed from the uploaded bytes',
  'form_once.purpose': 'a constant in code naming the form (web/form-once.ts callers)',
  'form_once.token_hash': 'a hash of the form’s token, shaped by readFormOnceToken',
  'form_once.result_path': 'a path built in code from the claim’s id (inFormOnce)',
  'accuracy_reports.code': 'newTrackingCode (report.model.ts): Crockford base32, 10 characters',
  'accuracy_reports.state': 'set by the report actions',
  'accuracy_reports.version_no': 'the reported service’s published version number',
  'accuracy_reports.fix_version_no':
    'parseAnswer and answerAccuracyReport accept only a number after the published version',
  'ratings.channel': 'copied from the rated transaction',
  'transactions.tracking_hash': 'an HMAC of the tracking code (transaction.actions)',
  'transactions.in_person_visits': 'counted from the attendance steps reported',
  'helpful_votes.version_no': 'the voted service’s published version number',
  'feedback_rollups.helpful_yes': 'running total kept by recordHelpfulVote',
  'feedback_rollups.helpful_no': 'running total kept by recordHelpfulVote',
  'feedback_rollups.shown_total': 'copied from the totals when the page is dropped',
  'evaluation_methods.version': 'numbered by saveMethod',
  'evaluation_objections.status': 'set by answerObjection (open until answered)',
  'evaluation_objections.component':
    'one of COMPONENT_KEYS (objectionBody’s enum), never free text',
  'indicators.code':
    'S-<agency code>-<nn> made by proposeIndicator; a general G-… code is checked there',
  'indicators.kind': 'set by proposeIndicator from the page the proposal comes from',
  'indicator_versions.state': 'set by the approval ladder (indicator.actions)',
  'indicator_versions.version_no': 'numbered by the approval ladder',
  'service_page_views.views': 'counted by the page-view counter, never typed',
  'service_slug_history.slug':
    'a service’s previous slug, copied from services.slug by changeServiceSlug (slugForm checked the new one)',
  'indicator_values.source': 'set by the route that received the value (form, API, CSV, job)',
  'indicator_values.n': 'counted by the general-indicator computation',
  'indicator_period_submissions.state': 'set by submitPeriod and decidePeriod',
  'indicator_evidence_files.sha256': 'computed from the uploaded bytes',
  'indicator_evidence_files.size': 'the byte count of the stored bytes',
  'indicator_evidence_files.name': 'the uploaded file’s name, cut to 255 by recordValue',
  'indicator_evidence_files.media_type': 'follows from the sniffed kind (checkFormFile)',
  'indicator_decisions.action': 'a constant of the approval ladder',
  'indicator_decisions.actor_name': 'the acting user’s display name',
  'transaction_steps.step_id':
    'checked against the published process’s step ids (transaction.actions)',
}
/** Tables no person's text reaches directly (every NOT NULL text column in them is system-set). */
const SYSTEM_TABLES: Record<string, string> = {
  audit_events: 'written by recordAudit from the action, never from raw input',
  kysely_migration: 'the migrator’s',
  kysely_migration_lock: 'the migrator’s',
  rate_limits: 'keys built by the rate limiter',
  search_entries: 'derived from published versions by the indexer',
  search_words: 'derived by the indexer',
  sessions: 'random ids',
  settings: 'keys are constants in settings.model.ts; values are jsonb',
  installation: 'one row with a generated id',
  link_check_offline: 'one row written by the demo loader',
  server_secrets: 'random keys created on first use',
  public_form_key: 'one random key made by its migration',
  public_form_hits: 'HMACs and form names built by guardPublicForm, never raw input',
  rating_rollups: 'running totals kept by the rating action',
  transaction_time_rollups: 'aggregates computed in SQL from the transaction feed',
  evaluation_snapshots:
    'computed by the evaluation actions (period parsed by parseYear, digest and scores computed); the one typed text, note_fa, has no constraint',
}
/** CHECK constraints over several columns, kept by the code that sets those columns together. */
const MULTI_COLUMN: Record<string, string> = {
  evaluation_snapshots_check: 'refreshProvisional writes seq 0; publishing numbers from 1',
  evaluation_snapshots_check1:
    'publishCorrection alone sets corrects_id, with the corrected status',
  evaluation_snapshots_check2: 'publishing sets published_at; the provisional evaluation has none',
  evaluation_objections_check: 'answerObjection sets answered_at with the answer’s status',
  evaluation_objections_check1: 'answerBody requires correctedN to accept',
  agencies_check:
    'parent ≠ self: agency.actions accepts only a parent at a higher level, never the agency itself',
  form_files_check: 'the size is the byte count of the stored bytes (form-file.store)',
  link_checks_check: 'the checker sets first_broken_at with status',
  service_versions_check: 'the publish command sets published_at with the status',
  service_versions_check1: 'the publish command requires a change note (publishForm, publishBody)',
  services_check: 'withdraw sets the reason with the time (withdrawForm requires a reason)',
  users_check: 'central roles have no agency: the two user forms offer only their own roles',
  api_tokens_check: 'the revoking action sets the time and the reason together',
  mail_outbox_check: 'the sender sets the next attempt with the held/pending status',
  mail_outbox_check1: 'the sender sets sent_at with the sent status',
  service_reviews_check:
    'the sign-off actions complete a review with its outcome and time together',
  service_reviews_check1: 'publishRevision records the version it published',
  service_reviews_check2: 'a review joins a sample with the pending status (markSampled)',
  accuracy_reports_check: 'answerReport and closeFixedReports set closed_at with a closed state',
  accuracy_reports_check1: 'answerReport and closeFixedReports delete the contact when closing',
  accuracy_reports_check2: 'an accepted answer carries its version; the fix keeps it',
  accuracy_reports_check3: 'parseAnswer requires the reason of a rejection',
  accuracy_reports_check4: 'answerReport sets answered_at with the answer',
  helpful_votes_check: 'only recordFollowUp sets followed_up_at, and only on a «خیر»',
  helpful_votes_check1: 'helpfulFollowUpInput requires the text or the section',
  indicators_check:
    'proposeIndicator sets the agency of a specific indicator and none for a general one',
  transactions_check: 'transaction.actions refuses an end before the start',
  transactions_check1: 'transaction.actions refuses an outcome without an end and the reverse',
  transaction_steps_check: 'transaction.actions refuses a step finished before it started',
}

interface Check {
  table: string
  name: string
  expr: string
  columns: string[]
}

const SAMPLES = [
  '',
  ' ',
  '\u200c',
  '\u200b\u0640',
  '\u202e',
  'ب',
  'آب',
  'a',
  'ab',
  'a-b',
  'A-B',
  '-a',
  'a-',
  'a--b',
  'a.b_c',
  '08',
  '99',
  '1314567890',
  '0314567890',
  '13145678901',
  '۱۳۱۴۵۶۷۸۹۰',
  '۱۳۱۴۵-۶۷۸۹۰',
  'https://www.example.ir/',
  'central_admin',
  'agency_admin',
  'ministry',
  'law',
  'solar',
  'galaxy',
  '1405',
  '1405-Q2',
  '۱۴۰۵-۰۷',
]

/** Values around every number in the constraint: lengths for text, the numbers for numbers. */
function probesFor(expr: string, numeric: boolean): unknown[] {
  const numbers = [...expr.matchAll(/(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])/g)].map((m) => Number(m[1]))
  if (numeric) {
    const near = numbers.flatMap((n) => [n - 1, n - 0.01, n, n + 0.01, n + 1])
    return [...near, ...near.map(String), 'NaN', '', '۳۵٫۷']
  }
  const lengths = [...new Set(numbers.flatMap((n) => [n - 1, n, n + 1]))].filter(
    (n) => n >= 0 && n <= 5000,
  )
  const url = (n: number) => `https://www.example.ir/${'a'.repeat(Math.max(n - 23, 0))}`
  // The constraint's own string literals (an enum's values) and near misses of them.
  const literals = [...expr.matchAll(/'([^']*)'::text/g)].map((m) => m[1] ?? '')
  return [
    ...SAMPLES,
    ...literals.flatMap((l) => [l, l.toUpperCase(), `${l} `, `${l}x`]),
    ...lengths.flatMap((n) => [
      'ب'.repeat(n),
      'a'.repeat(n),
      '1'.repeat(n),
      url(n),
      ` ${'ب'.repeat(n)} `,
    ]),
  ]
}

describe('input schemas carry the database constraints (issue 11 item 4)', () => {
  let db: TestDb
  let checks: Check[]
  let notNull: { table: string; column: string }[]
  let types: Map<string, string>

  before(async () => {
    db = await createTestDb()
    const rows = await sql<{ table: string; name: string; def: string; columns: string[] }>`
      SELECT c.conrelid::regclass::text AS table, c.conname AS name,
        pg_get_constraintdef(c.oid) AS def,
        ARRAY(SELECT a.attname::text FROM pg_attribute a
              WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) ORDER BY a.attname) AS columns
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'c' AND n.nspname = 'public'
      ORDER BY 1, 2`.execute(db.db)
    checks = rows.rows.map((r) => ({
      table: r.table,
      name: r.name,
      expr: r.def.replace(/^CHECK /, '').replace(/ NOT VALID$/, ''),
      columns: r.columns,
    }))
    const columns = await sql<{ table: string; column: string; type: string; nullable: string }>`
      SELECT table_name AS table, column_name AS column, data_type AS type, is_nullable AS nullable
      FROM information_schema.columns WHERE table_schema = 'public'`.execute(db.db)
    types = new Map(columns.rows.map((c) => [`${c.table}.${c.column}`, c.type]))
    notNull = columns.rows
      .filter((c) => c.nullable === 'NO' && ['text', 'character varying'].includes(c.type))
      .map((c) => ({ table: c.table, column: c.column }))
  })
  after(() => db.cleanup())

  it('maps or exempts every CHECK constraint and every NOT NULL text column', () => {
    assert.ok(checks.length >= 30, `the constraints were read (${checks.length})`)
    const unmapped: string[] = []
    for (const c of checks) {
      if (c.columns.length > 1) {
        if (!MULTI_COLUMN[c.name]) unmapped.push(`${c.name} (${c.columns.join(', ')}): ${c.expr}`)
        continue
      }
      const key = `${c.table}.${c.columns[0]}`
      if (!MAPPED[key] && !SYSTEM_COLUMNS[key] && !SYSTEM_TABLES[c.table])
        unmapped.push(`${key}: ${c.expr}`)
    }
    for (const { table, column } of notNull) {
      const key = `${table}.${column}`
      if (!MAPPED[key] && !SYSTEM_COLUMNS[key] && !SYSTEM_TABLES[table])
        unmapped.push(`${key}: NOT NULL`)
    }
    assert.deepEqual(unmapped, [], 'constraints without an input rule (map them in MAPPED)')
  })

  it('stores only what the database accepts: every value a schema lets through passes the column’s checks', async () => {
    const looser: string[] = []
    for (const [key, probes] of Object.entries(MAPPED)) {
      const [table = '', column = ''] = key.split('.')
      const type = types.get(key)
      assert.ok(type, `${key} exists`)
      const numeric = type === 'double precision' || type === 'integer' || type === 'bigint'
      const own = checks.filter(
        (c) => c.table === table && c.columns.length === 1 && c.columns[0] === column,
      )
      const required = notNull.some((n) => n.table === table && n.column === column)
      const values =
        own.length > 0
          ? own.flatMap((c) => probesFor(c.expr, numeric))
          : probesFor('1 200', numeric)
      for (const probe of probes) {
        let accepted = 0
        for (const value of new Set(values)) {
          const parsed = probe.schema.safeParse({ ...probe.base, [probe.field]: value })
          if (!parsed.success) continue
          accepted++
          const output = z.record(z.string(), z.unknown()).parse(parsed.data)
          const stored = probe.stored ? probe.stored(output) : field(output, probe.field)
          const shown = JSON.stringify(value).slice(0, 60)
          if (stored === undefined && probe.stored) continue
          if (stored === null || stored === undefined) {
            if (required)
              looser.push(`${key} ← ${probe.name}: ${shown} is stored as null (NOT NULL)`)
            continue
          }
          for (const c of own) {
            const cast = sql.raw(numeric ? 'double precision' : 'text')
            const result = await sql<{ ok: boolean | null }>`
              SELECT (${sql.raw(c.expr)}) AS ok FROM (SELECT CAST(${String(stored)} AS ${cast}) AS ${sql.ref(column)}) AS t`.execute(
              db.db,
            )
            if (result.rows[0]?.ok === false)
              looser.push(
                `${key} ← ${probe.name}: ${shown} → ${JSON.stringify(stored).slice(0, 60)} breaks ${c.name}`,
              )
          }
        }
        assert.ok(
          accepted > 0,
          `${key} ← ${probe.name}: some probe is accepted (the base input is valid)`,
        )
      }
    }
    assert.deepEqual(looser, [], 'schemas looser than their columns')
  })
})
