/**
 * Test support for the open-data tests: a small catalogue with the awkward cases the exports
 * must survive (commas, quotes, line breaks, a cell that looks like a formula, Persian text,
 * ZWNJ, a form file, a process step citing a law, a withdrawn service and a draft-only one).
 */

import { completeContent, makeLaw, makePublishedService } from '../../../test/support/fixtures.ts'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { type Agency, insertAgency } from '../agencies/index.ts'
import { storeFormFile } from '../forms/index.ts'
import type { Law } from '../laws/index.ts'
import { insertOffice, officeInput } from '../offices/index.ts'
import { emptyContent, insertDraft, insertService, type ServiceContent } from '../services/index.ts'

export interface SeededCatalogue {
  ministry: Agency
  organisation: Agency
  laws: Law[]
  published: { id: string; slug: string; title: string }[]
  withdrawn: { id: string; slug: string }
  draftOnly: { id: string }
  formSha256: string
  formBytes: Uint8Array
  officeId: string
}

export const TRICKY_SUMMARY = 'خلاصه با «ویرگول», "نقل‌قول" و نیم‌فاصله'
export const TRICKY_DESCRIPTION = 'سطر نخست، با "نقل‌قول"\nسطر دوم'
export const FORMULA_NAME = '=HYPERLINK("http://evil.example","کلیک")'

export function pdfBytes(label: string): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.4\n% ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`,
  )
}

/** Agencies with fixed codes (an import elsewhere matches them by code). */
export async function makeAgencies(deps: Deps, codes = { ministry: '10', organisation: '1001' }) {
  const now = deps.clock.now()
  const ministry = await insertAgency(
    deps.db,
    {
      nameFa: 'وزارت آزمایش',
      nameEn: 'Ministry of Testing',
      shortNameFa: null,
      level: 'ministry',
      parentId: null,
      website: 'https://ministry.example.ir',
      phone: null,
      email: null,
      address: null,
      provinceCode: null,
    },
    now,
  )
  const organisation = await insertAgency(
    deps.db,
    {
      nameFa: 'سازمان ثبت آزمایشی',
      nameEn: null,
      shortNameFa: null,
      level: 'organisation',
      parentId: ministry.id,
      website: null,
      phone: '021-88880000',
      email: null,
      address: null,
      provinceCode: null,
    },
    now,
  )
  await deps.db
    .updateTable('agencies')
    .set({ code: codes.ministry })
    .where('id', '=', ministry.id)
    .execute()
  await deps.db
    .updateTable('agencies')
    .set({ code: codes.organisation })
    .where('id', '=', organisation.id)
    .execute()
  return {
    ministry: { ...ministry, code: codes.ministry },
    organisation: { ...organisation, code: codes.organisation },
  }
}

export async function seedCatalogue(deps: Deps): Promise<SeededCatalogue> {
  const { ministry, organisation } = await makeAgencies(deps)
  const lawA = await makeLaw(deps, 'قانون ثبت احوال')
  const lawB = await makeLaw(deps, 'آیین‌نامهٔ اجرایی صدور کارت')
  const formBytes = pdfBytes('form')
  const stored = await storeFormFile(deps.db, formBytes)
  const office = await insertOffice(
    deps.db,
    organisation.id,
    officeInput.parse({
      name: 'دفتر مرکزی ثبت',
      address: 'تهران، خیابان آزادی، پلاک ۱۰',
      provinceCode: '08',
      city: 'تهران',
      postalCode: '1345678911',
      lat: 35.7,
      lng: 51.35,
      phones: ['021-88880000'],
      email: null,
      hours: { sat: [{ start: '08:00', end: '14:00' }], sun: [{ start: '08:00', end: '14:00' }] },
      closures: [{ from: '2026-12-01', to: '2026-12-02', reason: 'بازسازی' }],
    }),
    deps.clock.now(),
  )

  const first: ServiceContent = completeContent('صدور کارت هوشمند ملی', lawA.id, {
    summary: TRICKY_SUMMARY,
    description: TRICKY_DESCRIPTION,
    popularNames: [FORMULA_NAME, 'کارت ملی'],
    keywords: ['کارت', 'هویت'],
    legalBases: [
      { lawId: lawA.id, article: 'ماده ۱۰', note: null },
      { lawId: lawB.id, article: null, note: 'بند الف' },
    ],
    offices: [{ officeId: office.id, note: 'نوبت‌دهی اینترنتی' }],
    forms: [
      {
        sha256: stored.sha256,
        title: 'فرم درخواست',
        code: 'F-1',
        language: 'fa',
        fileName: 'فرم درخواست.pdf',
      },
    ],
    process: {
      steps: [
        {
          id: 's1',
          kind: 'task',
          title: 'ثبت درخواست',
          actor: 'citizen',
          unit: null,
          description: null,
          duration: { min: 1, max: 1, unit: 'working_day' },
          channel: null,
          requiresAttendance: false,
          documents: [],
          fees: [],
          legalBasis: { lawId: lawB.id, article: 'ماده ۲' },
          variantId: null,
        },
      ],
      transitions: [],
      variants: [],
    },
  })
  const a = await makePublishedService(deps, organisation, first, [
    {
      content: { ...first, keywords: ['کارت', 'هویت', 'هوشمند'] },
      changeNote: 'افزودن کلیدواژه',
    },
  ])
  const b = await makePublishedService(
    deps,
    ministry,
    completeContent('گواهی عدم سوء پیشینه', lawA.id, {
      output: '-2+3 گواهی صادرشده',
      contact: { phone: '021-88881234', email: 'info@example.ir', url: null },
    }),
  )
  const w = await makePublishedService(
    deps,
    organisation,
    completeContent('خدمت برداشته‌شده', lawA.id),
  )
  await deps.db
    .updateTable('services')
    .set({
      withdrawnAt: deps.clock.now(),
      withdrawnReason: 'آزمایش',
      publicChangedAt: deps.clock.now(),
    })
    .where('id', '=', w.service.id)
    .execute()
  const d = await insertService(deps.db, {
    agencyId: organisation.id,
    slug: 'draft-only',
    now: deps.clock.now(),
  })
  await insertDraft(deps.db, {
    serviceId: d.id,
    versionNo: 1,
    content: emptyContent('فقط پیش‌نویس'),
    userId: null,
    now: deps.clock.now(),
  })
  return {
    ministry,
    organisation,
    laws: [lawA, lawB],
    published: [
      { id: a.service.id, slug: a.slug, title: first.title },
      { id: b.service.id, slug: b.slug, title: 'گواهی عدم سوء پیشینه' },
    ],
    withdrawn: { id: w.service.id, slug: w.slug },
    draftOnly: { id: d.id },
    formSha256: stored.sha256,
    formBytes,
    officeId: office.id,
  }
}

/** An agency admin acting through the API (for actions that check authorisation). */
export function adminActor(userId: string, agency: Agency): Actor {
  return {
    userId,
    username: `admin-${agency.code}`,
    displayName: 'مدیر آزمایشی',
    role: 'agency_admin',
    agencyId: agency.id,
    agencyNameFa: agency.nameFa,
    mustChangePassword: false,
    via: 'token',
  }
}

/** A minimal RFC 4180 reader, to check the CSV export from the outside. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}
