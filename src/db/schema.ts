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
  failedSignIns: Generated<number>
  lockedUntil: Timestamp | null
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

export interface ServicesTable {
  id: Generated<string>
  agencyId: string
  slug: string
  createdAt: CreatedAt
  withdrawnAt: Timestamp | null
  withdrawnReason: string | null
  /** When the public state last changed (published, withdrawn, restored): incremental sync. */
  publicChangedAt: Timestamp | null
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
  status: 'ok' | 'broken'
  httpStatus: number | null
  error: string | null
  checkedAt: Timestamp
  firstBrokenAt: Timestamp | null
}

export interface Database {
  laws: LawsTable
  services: ServicesTable
  serviceVersions: ServiceVersionsTable
  agencies: AgenciesTable
  users: UsersTable
  sessions: SessionsTable
  apiTokens: ApiTokensTable
  auditEvents: AuditEventsTable
  settings: SettingsTable
  rateLimits: RateLimitsTable
  holidays: HolidaysTable
  searchEntries: SearchEntriesTable
  searchWords: SearchWordsTable
  searchZeroResults: SearchZeroResultsTable
  offices: OfficesTable
  formFiles: FormFilesTable
  linkChecks: LinkChecksTable
}

export type AgencyRow = Selectable<AgenciesTable>
export type NewAgencyRow = Insertable<AgenciesTable>
export type AgencyUpdate = Updateable<AgenciesTable>
export type UserRow = Selectable<UsersTable>
