/**
 * Realistic sample inputs for the interop exports (tests and the bench share them): a national
 * organisation's service and a provincial office's service with its ancestry. Persian content,
 * several documents, a free fee and paid ones (rial and toman), two laws, every kind of declared time.
 */

import type { Agency } from '../../agencies/index.ts'
import type { Law } from '../../laws/index.ts'
import { emptyContent, type ServiceContent } from '../../services/index.ts'
import type { CpsvInput } from './cpsv-ap.ts'

export const SAMPLE_BASE_URL = 'https://mardom.example.ir'

const T0 = new Date('2025-03-01T08:00:00Z')

function agency(
  partial: Partial<Agency> & Pick<Agency, 'id' | 'code' | 'level' | 'nameFa'>,
): Agency {
  return {
    parentId: null,
    nameEn: null,
    shortNameFa: null,
    website: null,
    phone: null,
    email: null,
    address: null,
    provinceCode: null,
    credentialsIssuedAt: null,
    createdAt: T0,
    updatedAt: T0,
    ...partial,
  }
}

export const MINISTRY_OF_INTERIOR = agency({
  id: 'a-moi',
  code: 'MOI',
  level: 'ministry',
  nameFa: 'وزارت کشور',
  nameEn: 'Ministry of Interior',
  website: 'https://www.moi.ir',
})

export const CIVIL_REGISTRATION = agency({
  id: 'a-sabt',
  code: 'NOCR',
  parentId: MINISTRY_OF_INTERIOR.id,
  level: 'organisation',
  nameFa: 'سازمان ثبت احوال کشور',
  nameEn: 'National Organization for Civil Registration',
  shortNameFa: 'ثبت احوال',
  website: 'https://www.sabteahval.ir',
  phone: '021-66705000',
  email: 'info@sabteahval.ir',
})

export const ISFAHAN_CIVIL_REGISTRATION = agency({
  id: 'a-sabt-isf',
  code: 'NOCR-04',
  parentId: CIVIL_REGISTRATION.id,
  level: 'provincial_office',
  nameFa: 'اداره کل ثبت احوال استان اصفهان',
  shortNameFa: 'ثبت احوال اصفهان',
  phone: '031-32222222',
  provinceCode: '04',
})

export const LAW_CIVIL_REGISTRATION: Law = {
  id: 'law-sabt-ahval',
  title: 'قانون ثبت احوال',
  kind: 'law',
  number: null,
  approvedOn: '1976-07-06',
  url: 'https://rc.majlis.ir/fa/law/show/97072',
  addedByAgencyId: null,
  createdAt: T0,
  updatedAt: T0,
}

export const LAW_NATIONAL_ID: Law = {
  id: 'law-national-id',
  title: 'قانون الزام اخذ شماره ملی و کد پستی برای کلیه اتباع ایرانی',
  kind: 'law',
  number: '۱۴۱۱۵۲/۲۰۰',
  approvedOn: '1997-06-24',
  url: null,
  addedByAgencyId: null,
  createdAt: T0,
  updatedAt: T0,
}

export const REGULATION_SMART_CARD: Law = {
  id: 'reg-smart-card',
  title: 'آیین‌نامه اجرایی صدور کارت هوشمند ملی',
  kind: 'regulation',
  number: '۴۵۲۳۶/ت۴۱۸۳۰هـ',
  approvedOn: '2009-03-15',
  url: null,
  addedByAgencyId: 'a-sabt',
  createdAt: T0,
  updatedAt: T0,
}

function smartCardContent(): ServiceContent {
  return {
    ...emptyContent('صدور کارت هوشمند ملی'),
    popularNames: ['کارت ملی هوشمند', 'کارت ملی جدید'],
    summary: 'صدور کارت هوشمند ملی برای ایرانیان ۱۵ سال به بالا.',
    description:
      'متقاضی پس از ثبت‌نام اینترنتی و پرداخت هزینه، با در دست داشتن مدارک به دفتر پیشخوان یا اداره ثبت احوال مراجعه می‌کند؛ پس از اخذ عکس و اثر انگشت، کارت صادر و از طریق پست یا همان دفتر تحویل داده می‌شود.',
    audiences: ['G2C'],
    nature: 'sovereign',
    level: 'national',
    lifeEvents: ['documents', 'birth'],
    trigger: 'applicant_request',
    frequency: { kind: 'as_needed' },
    inPersonVisits: 1,
    eligibility: 'داشتن تابعیت ایران و دست‌کم ۱۵ سال سن.',
    legalBases: [
      { lawId: LAW_NATIONAL_ID.id, article: '1', note: null },
      {
        lawId: REGULATION_SMART_CARD.id,
        article: 'ماده 4',
        note: 'مراحل صدور و تحویل کارت هوشمند ملی',
      },
    ],
    documents: [
      {
        name: 'شناسنامه عکس‌دار',
        form: 'original',
        count: 1,
        issuer: 'سازمان ثبت احوال کشور',
        obtainableByInquiry: false,
        note: null,
      },
      {
        name: 'کارت ملی قبلی',
        form: 'original',
        count: 1,
        issuer: null,
        obtainableByInquiry: false,
        note: 'در صورت وجود',
      },
      {
        name: 'رسید پرداخت هزینه',
        form: 'copy',
        count: 2,
        issuer: 'بانک',
        obtainableByInquiry: true,
        note: null,
      },
    ],
    fees: [
      { amount: 0, currency: 'IRR', description: 'ثبت‌نام اینترنتی' },
      { amount: 3_000_000, currency: 'IRR', description: 'هزینه صدور کارت' },
      { amount: 150_000, currency: 'IRT', description: 'کارمزد دفتر پیشخوان' },
    ],
    declaredTime: { kind: 'up_to', max: 15, unit: 'working_day' },
    output: 'کارت هوشمند ملی',
    redress: 'شکایت از طریق سامانه ۱۱۱ یا اداره ثبت احوال محل',
    contact: {
      phone: '1524',
      email: 'smartcard@sabteahval.ir',
      url: 'https://smart.sabteahval.ir',
    },
    nationalServiceCode: '12041000000',
    keywords: ['کارت ملی', 'هوشمند', 'شماره ملی'],
  }
}

function birthCertificateContent(): ServiceContent {
  return {
    ...emptyContent('صدور شناسنامه نوزاد'),
    summary: 'ثبت ولادت و صدور شناسنامه برای نوزادان متولد استان اصفهان.',
    description:
      'والدین با گواهی ولادت بیمارستان به اداره ثبت احوال یا دفتر پیشخوان مراجعه می‌کنند و شناسنامه نوزاد صادر می‌شود.',
    audiences: ['G2C'],
    nature: 'sovereign',
    level: 'provincial',
    lifeEvents: ['birth'],
    trigger: 'event',
    frequency: { kind: 'once' },
    inPersonVisits: 1,
    legalBases: [
      { lawId: LAW_CIVIL_REGISTRATION.id, article: '۱۶', note: null },
      { lawId: LAW_CIVIL_REGISTRATION.id, article: 'تبصره ماده ۱۷', note: 'مهلت اعلام ولادت' },
      { lawId: LAW_NATIONAL_ID.id, article: null, note: null },
    ],
    documents: [
      {
        name: 'گواهی ولادت (فرم بیمارستان)',
        form: 'original',
        count: 1,
        issuer: 'بیمارستان محل تولد',
        obtainableByInquiry: true,
        note: null,
      },
      {
        name: 'شناسنامه و کارت ملی پدر و مادر',
        form: 'original_and_copy',
        count: 2,
        issuer: null,
        obtainableByInquiry: false,
        note: null,
      },
    ],
    fees: [{ amount: 0, currency: 'IRR', description: 'صدور نخستین شناسنامه' }],
    declaredTime: { kind: 'between', min: 1, max: 2, unit: 'hour' },
    output: 'شناسنامه نوزاد',
    contact: { phone: null, email: null, url: null },
    keywords: ['شناسنامه', 'ولادت', 'نوزاد'],
  }
}

/** A national organisation's service (the ministry above it). */
export function nationalSample(): CpsvInput {
  return {
    baseUrl: `${SAMPLE_BASE_URL}/`,
    service: { id: 'svc-smart-card', slug: 'national-smart-card' },
    version: { versionNo: 3, content: smartCardContent(), publishedAt: T0 },
    agency: CIVIL_REGISTRATION,
    parentAgencies: [MINISTRY_OF_INTERIOR],
    laws: [LAW_NATIONAL_ID, REGULATION_SMART_CARD],
  }
}

/** A provincial office's service: ancestry ministry → organisation → office. */
export function provincialSample(): CpsvInput {
  return {
    baseUrl: SAMPLE_BASE_URL,
    service: { id: 'svc-birth-isf', slug: 'isfahan-birth-certificate' },
    version: { versionNo: 1, content: birthCertificateContent(), publishedAt: T0 },
    agency: ISFAHAN_CIVIL_REGISTRATION,
    parentAgencies: [MINISTRY_OF_INTERIOR, CIVIL_REGISTRATION],
    laws: [LAW_CIVIL_REGISTRATION, LAW_NATIONAL_ID],
  }
}
