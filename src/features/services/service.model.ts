import { EMPTY_STAGE_MATRIX, type ServiceChannel, type StageMatrix } from './card/channel.model.ts'
import type { ServiceForm } from './card/form.model.ts'
import type { ServiceOfficeLink } from './card/office-link.model.ts'
import { EMPTY_PROCESS, type ServiceProcess } from './card/process.model.ts'

/**
 * A government service: a stable root (agency, slug) and immutable versions
 * (draft → published → superseded) whose content is the service card below.
 * Field names follow the Iranian service identity card (شناسنامه خدمت).
 */

export const AUDIENCES = ['G2C', 'G2B', 'G2G'] as const
export type Audience = (typeof AUDIENCES)[number]

/** ماهیت خدمت: حاکمیتی (sovereign) or تصدی‌گری (enterprise). */
export const NATURES = ['sovereign', 'enterprise'] as const
export type Nature = (typeof NATURES)[number]

/** سطح خدمت. */
export const SERVICE_LEVELS = ['national', 'regional', 'provincial', 'city', 'rural'] as const
export type ServiceLevel = (typeof SERVICE_LEVELS)[number]

/** رویداد مرتبط: the life events of the Iranian card's list. */
export const LIFE_EVENTS = [
  'birth',
  'education',
  'health',
  'tax',
  'business',
  'social_security',
  'property',
  'urban_utilities',
  'insurance',
  'marriage',
  'retirement',
  'documents',
  'death',
  'other',
] as const
export type LifeEvent = (typeof LIFE_EVENTS)[number]

/** نحوه آغاز خدمت. */
export const TRIGGERS = [
  'applicant_request',
  'scheduled_date',
  'event',
  'agency_decision',
  'other',
] as const
export type Trigger = (typeof TRIGGERS)[number]

export const TIME_UNITS = [
  'minute',
  'hour',
  'working_day',
  'calendar_day',
  'week',
  'month',
] as const
export type TimeUnit = (typeof TIME_UNITS)[number]

/** Declared total time: fixed («۱۵ روز کاری»), up to («حداکثر ۱۵ روز») or between («۷ تا ۱۵ روز»). */
export type DeclaredTime =
  | { kind: 'fixed'; value: number; unit: TimeUnit }
  | { kind: 'up_to'; max: number; unit: TimeUnit }
  | { kind: 'between'; min: number; max: number; unit: TimeUnit }

/** تواتر: once for ever, a number of times per month or year, or whenever needed. */
export type Frequency =
  | { kind: 'once' }
  | { kind: 'per_period'; times: number; per: 'month' | 'year' }
  | { kind: 'as_needed' }

/** A citation of a law in the shared registry, by article. */
export interface LegalBasis {
  lawId: string
  article: string | null
  note: string | null
}

export const DOCUMENT_FORMS = ['original', 'copy', 'original_and_copy'] as const
export type DocumentForm = (typeof DOCUMENT_FORMS)[number]

export interface RequiredDocument {
  name: string
  form: DocumentForm
  count: number
  /** Who issues it (free text: an agency, a bank, a notary…). */
  issuer: string | null
  /** The agency can obtain it itself by inquiry (استعلام), so the citizen need not bring it. */
  obtainableByInquiry: boolean
  note: string | null
}

export const CURRENCIES = ['IRR', 'IRT'] as const
/** ریال or تومان: the unit is always explicit, never implied. */
export type Currency = (typeof CURRENCIES)[number]

export interface Fee {
  /** A whole number in `currency`; 0 means free of charge. */
  amount: number
  currency: Currency
  description: string
}

export interface ServiceContact {
  phone: string | null
  email: string | null
  url: string | null
}

/** The service card: everything a version holds. */
export interface ServiceContent {
  title: string
  popularNames: string[]
  summary: string
  description: string
  audiences: Audience[]
  nature: Nature | null
  level: ServiceLevel | null
  lifeEvents: LifeEvent[]
  trigger: Trigger | null
  frequency: Frequency | null
  inPersonVisits: number | null
  eligibility: string | null
  legalBases: LegalBasis[]
  documents: RequiredDocument[]
  /** Says explicitly that nothing has to be brought (so an empty list is not an omission). */
  noDocumentsRequired: boolean
  fees: Fee[]
  declaredTime: DeclaredTime | null
  output: string | null
  redress: string | null
  contact: ServiceContact
  /** شناسه خدمت: the national service code, when the central registry has issued one. */
  nationalServiceCode: string | null
  keywords: string[]
  /** The workflow with the time of every step (R6); empty until documented. */
  process: ServiceProcess
  /** Downloadable forms (R5). */
  forms: ServiceForm[]
  /** Offices that deliver the service (R7). */
  offices: ServiceOfficeLink[]
  /** Channels (R12). */
  channels: ServiceChannel[]
  /** Electronic or in person, per stage (R12). */
  stages: StageMatrix
}

export type VersionStatus = 'draft' | 'published' | 'superseded'

export interface ServiceVersion {
  id: string
  serviceId: string
  /** 1, 2, 3… in publishing order; drafts carry the number they will get. */
  versionNo: number
  status: VersionStatus
  content: ServiceContent
  /** Bumped on every draft save; a save based on an older revision is a conflict. */
  revision: number
  changeNote: string | null
  createdAt: Date
  updatedAt: Date
  updatedBy: string | null
  publishedAt: Date | null
  publishedBy: string | null
}

export interface Service {
  id: string
  agencyId: string
  slug: string
  createdAt: Date
  withdrawnAt: Date | null
  withdrawnReason: string | null
  /** The review clock's facts (see review-clock.ts); set by publishing and by features/reviews. */
  firstPublishedAt: Date | null
  lastReviewedAt: Date | null
  reviewReopenedAt: Date | null
}

/** An empty card for a new service. */
export function emptyContent(title: string): ServiceContent {
  return {
    title,
    popularNames: [],
    summary: '',
    description: '',
    audiences: [],
    nature: null,
    level: null,
    lifeEvents: [],
    trigger: null,
    frequency: null,
    inPersonVisits: null,
    eligibility: null,
    legalBases: [],
    documents: [],
    noDocumentsRequired: false,
    fees: [],
    declaredTime: null,
    output: null,
    redress: null,
    contact: { phone: null, email: null, url: null },
    nationalServiceCode: null,
    keywords: [],
    process: EMPTY_PROCESS,
    forms: [],
    offices: [],
    channels: [],
    stages: EMPTY_STAGE_MATRIX,
  }
}
