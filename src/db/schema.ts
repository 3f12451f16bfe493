import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { Role } from '../lib/actor.ts'

/**
 * Table types, in camelCase (Kysely's CamelCasePlugin maps them to the
 * snake_case columns). Edited in the same commit as the migration that changes them.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Json = ColumnType<unknown, string, string>

/** An agency's place in the hierarchy (the `agencies.level` check); `AGENCY_LEVELS` lists them. */
export type AgencyLevel = 'ministry' | 'organisation' | 'provincial_office' | 'city_office'

export interface AgenciesTable {
  id: Generated<string>
  /** Portal-issued login code (directive item 3), e.g. '10042'. */
  code: string
  parentId: string | null
  level: AgencyLevel
  nameFa: string
  nameEn: string | null
  shortNameFa: string | null
  website: string | null
  phone: string | null
  email: string | null
  address: string | null
  provinceCode: string | null
  /** Set when the central admin issues the agency's first admin account. */
  credentialsIssuedAt: Timestamp | null
  createdAt: CreatedAt
  updatedAt: Timestamp
}

export interface UsersTable {
  id: Generated<string>
  agencyId: string | null
  username: string
  displayName: string
  email: string | null
  role: Role
  passwordHash: string
  mustChangePassword: boolean
  /** Consecutive failed sign-ins from anywhere (reset by a successful one); no longer locks. */
  failedSignIns: Generated<number>
  disabledAt: Timestamp | null
  lastSignInAt: Timestamp | null
  createdAt: CreatedAt
  updatedAt: Timestamp
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token; the token itself is never stored. */
  id: string
  userId: string
  createdAt: CreatedAt
  lastSeenAt: Timestamp
  expiresAt: Timestamp
}

export interface ApiTokensTable {
  id: Generated<string>
  userId: string
  name: string
  /** SHA-256 of the secret part. */
  tokenHash: string
  /** The first characters, shown in lists so people can tell tokens apart. */
  prefix: string
  createdAt: CreatedAt
  lastUsedAt: Timestamp | null
  revokedAt: Timestamp | null
  /** Refused after this; the owner may renew it before. */
  expiresAt: Timestamp
  access: ApiTokenAccess
  /** The one agency it acts for: the owner's (null for central staff). */
  agencyId: string | null
  revokedReason: ApiTokenRevokedReason | null
}

export type ApiTokenAccess = 'read' | 'read-write'
export type ApiTokenRevokedReason = 'owner' | 'admin' | 'password-reset' | 'account-disabled'

/** Failed sign-ins for one typed username from one client address (growing delays). */
export interface SignInFailuresTable {
  username: string
  client: string
  failures: number
  lastFailedAt: Timestamp
}

export interface AuditEventsTable {
  id: Generated<string>
  at: Timestamp
  actorUserId: string | null
  actorLabel: string
  agencyId: string | null
  entityType: string
  entityId: string
  action: string
  before: Json | null
  after: Json | null
}

export interface SettingsTable {
  key: string
  value: Json
  updatedAt: Timestamp
}

export interface RateLimitsTable {
  key: string
  windowStart: Timestamp
  count: number
}

export interface LawsTable {
  id: Generated<string>
  title: string
  kind: 'law' | 'regulation' | 'bylaw' | 'circular'
  number: string | null
  /** ISO calendar day; pg returns DATE columns as strings (see create-db.ts). */
  approvedOn: string | null
  url: string | null
  addedByAgencyId: string | null
  sortKey: string
  createdAt: CreatedAt
  updatedAt: Timestamp
}

/** The laws a published version cites, as they read when it was published. */
export interface VersionLawsTable {
  versionId: string
  lawId: string
  title: string
  kind: 'law' | 'regulation' | 'bylaw' | 'circular'
  number: string | null
  approvedOn: string | null
  url: string | null
}

export interface ServicesTable {
  id: Generated<string>
  agencyId: string
  slug: string
  createdAt: CreatedAt
  withdrawnAt: Timestamp | null
  withdrawnReason: string | null
  /** When the public state last changed (published, withdrawn, restored): incremental sync. */
  publicChangedAt: Timestamp | null
  /** The first publication: the review clock of a service never reviewed starts here. */
  firstPublishedAt: Timestamp | null
  /** Set only by a completed review (features/reviews), never by an edit or a publish. */
  lastReviewedAt: Timestamp | null
  /** Set when the central audit rejects a review: the service is due again from then. */
  reviewReopenedAt: Timestamp | null
}

export type ReviewSectionAnswer = 'unchanged' | 'change_needed'

export interface ServiceReviewsTable {
  id: Generated<string>
  serviceId: string
  agencyId: string
  status: 'open' | 'completed'
  /** Per review section: the answer and an optional note (features/reviews parses it). */
  sections: unknown
  revision: Generated<number>
  openedAt: Timestamp
  openedBy: string | null
  outcome: 'unchanged' | 'revised' | null
  completedAt: Timestamp | null
  completedBy: string | null
  versionId: string | null
  auditSampleId: string | null
  auditStatus: 'pending' | 'accepted' | 'rejected' | null
  auditedAt: Timestamp | null
  auditedBy: string | null
  auditReason: string | null
}

export interface ReviewAuditSamplesTable {
  id: Generated<string>
  /** Jalali quarter, e.g. `1405-Q3`. */
  quarter: string
  seed: string
  size: number
  population: number
  drawnAt: Timestamp
  drawnBy: string | null
}

export type ReviewReminderStep = 'due_soon' | 'due' | 'due_date' | 'overdue' | 'escalated'

export interface AccuracyReportsTable {
  id: Generated<string>
  /** The public tracking code: 10 characters of Crockford base32 (features/feedback). */
  code: string
  serviceId: string
  agencyId: string
  /** The review section the report is about (the same keys as features/reviews). */
  section: string
  versionNo: number
  whatWrong: string
  whatRight: string | null
  /** The contact is never public and is deleted when the report closes. */
  contactMobile: string | null
  contactEmail: string | null
  state: Generated<'received' | 'accepted' | 'rejected' | 'duplicate' | 'spam' | 'fixed'>
  fixVersionNo: number | null
  reason: string | null
  duplicateOf: string | null
  receivedAt: Timestamp
  /** The Tehran day the answer is due, ISO `yyyy-mm-dd` (DATE, returned as a string). */
  dueOn: string
  answeredAt: Timestamp | null
  answeredBy: string | null
  closedAt: Timestamp | null
}

export interface ReviewRemindersTable {
  serviceId: string
  dueAt: Timestamp
  step: ReviewReminderStep
  sentAt: Timestamp
  skipped: Generated<boolean>
}

export interface ServiceVersionsTable {
  id: Generated<string>
  serviceId: string
  versionNo: number
  status: 'draft' | 'published' | 'superseded'
  content: Json
  title: string
  sortKey: string
  audiences: string[]
  lifeEvents: string[]
  revision: Generated<number>
  changeNote: string | null
  createdAt: Timestamp
  createdBy: string | null
  updatedAt: Timestamp
  updatedBy: string | null
  publishedAt: Timestamp | null
  publishedBy: string | null
}

/** A published service's earlier slug, whose address redirects (301) to the current one. */
export interface ServiceSlugHistoryTable {
  slug: string
  serviceId: string
  retiredAt: Timestamp
  retiredBy: string | null
}

/** An editor's request that the agency admin publish a draft (issue 17 item 12). */
export interface PublishRequestsTable {
  versionId: string
  serviceId: string
  /** The draft's revision when the request was sent. */
  revision: number
  requestedBy: string | null
  requestedAt: Timestamp
}

export interface HolidaysTable {
  /** The Tehran calendar day, ISO `yyyy-mm-dd` (DATE, returned as a string). */
  day: string
  title: string
  kind: 'solar' | 'lunar' | 'adhoc'
  /** A lunar date not yet confirmed (moon sighting may move it by a day). */
  tentative: Generated<boolean>
  createdAt: CreatedAt
  updatedAt: Timestamp
}

/** A form file, stored once per distinct content (features/forms). */
/** Which agency uploaded which form file (features/forms): a draft may attach only these or public files. */
export interface FormFileUploadsTable {
  sha256: string
  agencyId: string
  uploadedAt: CreatedAt
  uploadedBy: string | null
}

export interface FormFilesTable {
  /** Hex SHA-256 of `bytes`. */
  sha256: string
  kind: 'pdf' | 'docx' | 'xlsx' | 'odt'
  mediaType: string
  sizeBytes: number
  bytes: Uint8Array
  createdAt: CreatedAt
  createdBy: string | null
}

export interface OfficesTable {
  id: Generated<string>
  agencyId: string
  name: string
  address: string
  provinceCode: string
  city: string
  /** Ten ASCII digits. */
  postalCode: string
  lat: number
  lng: number
  /** JSON: string[]. */
  phones: Json
  email: string | null
  /** JSON: { features: string[], notes: string | null }. */
  accessibility: Json
  /** JSON: weekday → [{ start, end }] in minutes after Tehran midnight. */
  hours: Json
  /** JSON: [{ day, intervals, note }]. */
  exceptions: Json
  /** JSON: [{ from, to, reason }]. */
  closures: Json
  createdAt: CreatedAt
  updatedAt: Timestamp
}

/** One published, not withdrawn service in the search index (see the search migration). */
export interface SearchEntriesTable {
  serviceId: string
  agencyId: string
  versionNo: number
  slug: string
  title: string
  summary: string
  sortKey: string
  titleKey: string
  namesKey: string
  bodyKey: string
  titleCompact: string
  namesCompact: string
  allCompact: string
  headKey: string
  words: string[]
  audiences: string[]
  lifeEvents: string[]
  audienceBits: number
  lifeEventBits: number
  provinceCode: string | null
  online: boolean
  publishedAt: Timestamp
}

/** The search vocabulary: each word of the index with the number of services that have it. */
export interface SearchWordsTable {
  word: string
  df: number
}

/** Queries that found nothing, counted per Tehran day; no personal data. */
export interface SearchZeroResultsTable {
  /** ISO calendar day (DATE, returned as a string). */
  day: string
  query: string
  count: number
}

/** The last check of a link or form file (features/channels link health). */
export interface LinkChecksTable {
  targetKind: 'url' | 'form_file'
  /** The URL, or the form file's SHA-256. */
  target: string
  status: 'ok' | 'broken' | 'unchecked'
  httpStatus: number | null
  error: string | null
  checkedAt: Timestamp
  firstBrokenAt: Timestamp | null
}

/** At most one row: present when this installation checks links offline (the demo). */
export interface LinkCheckOfflineTable {
  singleton: Generated<boolean>
  reason: string
  since: Timestamp
}

/** An in-portal inbox entry for one staff user (features/notifications). */
export interface NotificationsTable {
  id: Generated<number>
  userId: string
  kind: string
  subject: string
  body: string
  /** A path inside the portal (`/admin/...`), or null. */
  link: string | null
  createdAt: Timestamp
  readAt: Timestamp | null
}

/** The record of a de-duplicated send: its key makes the send happen once. */
export interface NotificationSendsTable {
  dedupeKey: string
  kind: string
  recipients: number
  createdAt: Timestamp
}

export type NotificationFrequency = 'immediately' | 'daily' | 'weekly' | 'off'

export interface NotificationPreferencesTable {
  userId: string
  frequency: NotificationFrequency
  updatedAt: Timestamp
}

export type MailStatus = 'held' | 'pending' | 'sent' | 'failed' | 'digested'

/** One message to one address (features/notifications); without SMTP, mail is kept here. */
export interface MailOutboxTable {
  id: Generated<number>
  userId: string | null
  notificationId: number | null
  toAddress: string
  kind: string
  subject: string
  body: string
  htmlBody: string | null
  link: string | null
  status: MailStatus
  attempts: Generated<number>
  lastError: string | null
  nextAttemptAt: Timestamp | null
  digestId: number | null
  messageId: string | null
  createdAt: Timestamp
  sentAt: Timestamp | null
}

/** The one row naming this database (open-data export files are filed under its id). */
export interface InstallationTable {
  singleton: Generated<boolean>
  id: Generated<string>
  createdAt: CreatedAt
}

// Issue 13 (F3): transactions, ratings and their rollups.
export type TransactionChannel = 'online' | 'counter_office' | 'in_person'
export type TransactionOutcome = 'approved' | 'rejected' | 'withdrawn'

export interface ServerSecretsTable {
  name: string
  secret: Buffer
  createdAt: CreatedAt
}

export interface TransactionsTable {
  id: Generated<string>
  agencyId: string
  serviceId: string
  versionId: string
  trackingHash: string
  channel: TransactionChannel
  startedAt: Timestamp
  completedAt: Timestamp | null
  outcome: TransactionOutcome | null
  promisedBy: Timestamp | null
  inPersonVisits: Generated<number>
  ratingExpiresAt: Timestamp | null
  createdAt: CreatedAt
  updatedAt: Timestamp
}

export interface TransactionStepsTable {
  transactionId: string
  stepId: string
  startedAt: Timestamp
  finishedAt: Timestamp | null
  promisedBy: Timestamp | null
}

export interface RatingsTable {
  id: Generated<string>
  transactionId: string
  serviceId: string
  channel: TransactionChannel
  overall: number
  clarity: number | null
  promisedTime: number | null
  visits: number | null
  staffConduct: number | null
  cost: number | null
  onlineEase: number | null
  comment: string | null
  createdAt: Timestamp
}

export interface RatingRollupsTable {
  serviceId: string
  n: number
  total: number
  totalSquares: number
  updatedAt: Timestamp
}

export interface TransactionTimeRollupsTable {
  serviceId: string
  stepId: string
  n: number
  medianSeconds: number | null
  p90Seconds: number | null
  withPromise: number
  onTime: number
  visitsTotal: number
  computedAt: Timestamp
}

export interface TransactionRollupStateTable {
  serviceId: string
  changedAt: Timestamp
  computedAt: Timestamp | null
}

// Issue 13 (F1): helpful votes, the public forms' abuse controls, the per-service rollup.
export interface PublicFormKeyTable {
  id: Generated<number>
  key: Buffer
}

export interface PublicFormHitsTable {
  id: Generated<number>
  form: string
  /** HMAC of the client's address (public_form_key); the raw address is never stored. */
  addressHash: string
  browserHash: string | null
  contentHash: string
  at: Timestamp
}

export interface HelpfulVotesTable {
  id: Generated<string>
  serviceId: string
  versionNo: number
  helpful: boolean
  createdAt: Timestamp
  missing: string | null
  section: string | null
  followedUpAt: Timestamp | null
}

export interface FeedbackRollupsTable {
  serviceId: string
  helpfulYes: Generated<number>
  helpfulNo: Generated<number>
  /** Votes counted when the cached service page was last dropped for new figures. */
  shownTotal: Generated<number>
  shownAt: Timestamp
  updatedAt: Timestamp
}

export type IndicatorKind = 'general' | 'specific'
export type IndicatorState =
  | 'draft'
  | 'submitted'
  | 'changes_requested'
  | 'approved'
  | 'rejected'
  | 'superseded'
  | 'withdrawn'
export type IndicatorDecisionAction =
  | 'submitted'
  | 'approved'
  | 'rejected'
  | 'changes_requested'
  | 'withdrawn'
  | 'superseded'

/** Performance indicators (issue 14): the stable code; its definition lives in versions. */
export interface IndicatorsTable {
  id: Generated<string>
  code: string
  kind: IndicatorKind
  /** The proposing agency of a specific indicator; null for a general one. */
  agencyId: string | null
  createdAt: Timestamp
}

export interface IndicatorVersionsTable {
  id: Generated<string>
  indicatorId: string
  /** The method version: a change to an approved indicator is the next number. */
  versionNo: number
  state: IndicatorState
  revision: Generated<number>
  nameFa: string
  definition: string
  rationale: string
  category: 'time' | 'cost' | 'accuracy' | 'satisfaction' | 'e_service' | 'transparency' | 'other'
  unit: 'percent' | 'count' | 'days' | 'hours' | 'score_1_5' | 'level_1_5' | 'per_1000' | 'rial'
  direction: 'higher' | 'lower'
  numeratorFa: string
  denominatorFa: string | null
  frequency: 'monthly' | 'quarterly' | 'yearly'
  source: 'computed' | 'api' | 'manual'
  maxAgeDays: number
  limitations: Generated<string>
  /** The agency's services it covers (JSON array of ids); empty: the whole agency. */
  scopeServiceIds: unknown
  /** Baselines and targets per Jalali year (JSON, parsed with Zod in features/indicators). */
  targets: unknown
  createdAt: Timestamp
  createdBy: string | null
  updatedAt: Timestamp
  submittedAt: Timestamp | null
  decidedAt: Timestamp | null
}

export interface IndicatorDecisionsTable {
  id: Generated<string>
  versionId: string
  action: IndicatorDecisionAction
  actorId: string | null
  /** Kept as written at the time, so the record survives the account. */
  actorName: string
  at: Timestamp
  comment: string | null
  /** ISO day: for «نیاز به اصلاح», the day the amended proposal is expected by. */
  untilDay: string | null
}

export interface IndicatorEvidenceFilesTable {
  id: Generated<string>
  sha256: string
  name: string
  mediaType: string
  bytes: Uint8Array
  size: number
  uploadedAt: Timestamp
  uploadedBy: string | null
}

export interface IndicatorValuesTable {
  id: Generated<string>
  indicatorId: string
  /** The approved version in force when the value was recorded. */
  versionId: string
  agencyId: string
  /** A Jalali period: `1405`, `1405-Q2` or `1405-07`. */
  period: string
  numerator: number | null
  denominator: number | null
  value: number | null
  n: number | null
  note: string | null
  evidenceNote: string | null
  evidenceFileId: string | null
  source: 'computed' | 'api' | 'manual' | 'csv'
  /** The instants a computed value was queried over, [from, to). */
  queryFrom: Timestamp | null
  queryTo: Timestamp | null
  recordedAt: Timestamp
  recordedBy: string | null
  /** ISO day the value was due (DATE, returned as a string). */
  dueOn: string
}

export interface IndicatorPeriodSubmissionsTable {
  agencyId: string
  period: string
  state: 'submitted' | 'accepted' | 'returned'
  submittedAt: Timestamp
  submittedBy: string | null
  decidedAt: Timestamp | null
  decidedBy: string | null
  comment: string | null
}

/** Views of a service's public page per Tehran day (issue 14; counted in memory, flushed in batches). */
export interface ServicePageViewsTable {
  serviceId: string
  /** The Tehran day, ISO `yyyy-mm-dd` (DATE, returned as a string). */
  day: string
  views: number
}

/** A creating form's one-time token once submitted, and the secret its result shows once (issue 17). */
export interface FormOnceTable {
  /** Generated by the claiming code, so the result's path can name it before the work is done. */
  id: string
  userId: string
  purpose: string
  /** SHA-256 of the token in the form's hidden field. */
  tokenHash: string
  /** Where the first submission sent the browser; a resubmission goes there too. */
  resultPath: string
  /** AES-GCM under a key from the submitter's session cookie; cleared when shown. */
  sealedResult: string | null
  createdAt: Timestamp
}

/** The evaluation method's versions (issue 15): components as JSON, frozen once used. */
export interface EvaluationMethodsTable {
  id: Generated<string>
  version: number
  nameFa: string
  components: unknown
  growthWeight: number
  minComparableShare: number
  createdAt: Timestamp
  createdBy: string | null
  updatedAt: Timestamp
  frozenAt: Timestamp | null
}

export type EvaluationStatus = 'provisional' | 'published' | 'corrected'

export interface EvaluationSnapshotsTable {
  id: Generated<string>
  period: string
  status: EvaluationStatus
  seq: number
  correctsId: string | null
  methodId: string
  methodVersion: number
  inputs: unknown
  inputsDigest: string
  scorecards: unknown
  agencies: number
  computedAt: Timestamp
  publishedAt: Timestamp | null
  publishedBy: string | null
  objectionsUntil: Timestamp | null
  noteFa: string | null
}

export type ObjectionStatus = 'open' | 'accepted' | 'rejected'

export interface EvaluationObjectionsTable {
  id: Generated<string>
  snapshotId: string
  agencyId: string
  component: string
  reasonFa: string
  lodgedAt: Timestamp
  lodgedBy: string | null
  status: Generated<ObjectionStatus>
  answerFa: string | null
  correctedValue: number | null
  correctedN: number | null
  answeredAt: Timestamp | null
  answeredBy: string | null
  appliedIn: string | null
}

export interface Database {
  notifications: NotificationsTable
  notificationSends: NotificationSendsTable
  notificationPreferences: NotificationPreferencesTable
  mailOutbox: MailOutboxTable
  laws: LawsTable
  versionLaws: VersionLawsTable
  serviceReviews: ServiceReviewsTable
  reviewAuditSamples: ReviewAuditSamplesTable
  reviewReminders: ReviewRemindersTable
  accuracyReports: AccuracyReportsTable
  services: ServicesTable
  serviceVersions: ServiceVersionsTable
  publishRequests: PublishRequestsTable
  serviceSlugHistory: ServiceSlugHistoryTable
  agencies: AgenciesTable
  users: UsersTable
  sessions: SessionsTable
  formOnce: FormOnceTable
  apiTokens: ApiTokensTable
  auditEvents: AuditEventsTable
  settings: SettingsTable
  rateLimits: RateLimitsTable
  signInFailures: SignInFailuresTable
  holidays: HolidaysTable
  searchEntries: SearchEntriesTable
  searchWords: SearchWordsTable
  searchZeroResults: SearchZeroResultsTable
  offices: OfficesTable
  formFiles: FormFilesTable
  formFileUploads: FormFileUploadsTable
  linkChecks: LinkChecksTable
  linkCheckOffline: LinkCheckOfflineTable
  installation: InstallationTable
  publicFormKey: PublicFormKeyTable
  publicFormHits: PublicFormHitsTable
  helpfulVotes: HelpfulVotesTable
  feedbackRollups: FeedbackRollupsTable
  serverSecrets: ServerSecretsTable
  transactions: TransactionsTable
  transactionSteps: TransactionStepsTable
  ratings: RatingsTable
  ratingRollups: RatingRollupsTable
  transactionTimeRollups: TransactionTimeRollupsTable
  transactionRollupState: TransactionRollupStateTable
  servicePageViews: ServicePageViewsTable
  indicators: IndicatorsTable
  indicatorVersions: IndicatorVersionsTable
  indicatorDecisions: IndicatorDecisionsTable
  indicatorEvidenceFiles: IndicatorEvidenceFilesTable
  indicatorValues: IndicatorValuesTable
  indicatorPeriodSubmissions: IndicatorPeriodSubmissionsTable
  evaluationMethods: EvaluationMethodsTable
  evaluationSnapshots: EvaluationSnapshotsTable
  evaluationObjections: EvaluationObjectionsTable
}

export type AgencyRow = Selectable<AgenciesTable>
export type NewAgencyRow = Insertable<AgenciesTable>
export type AgencyUpdate = Updateable<AgenciesTable>
export type UserRow = Selectable<UsersTable>
