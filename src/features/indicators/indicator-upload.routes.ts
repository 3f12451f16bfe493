import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { formatNumberFa, normalizeFaInput, toPersianDigits } from '../../lib/fa/index.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import { endedPeriods, parsePeriod, periodLabel } from './period.ts'
import { csvMsg, uploadPageMsg as m } from './upload.messages.fa.ts'
import { importValuesCsv } from './value-csv.actions.ts'
import { enterableIndicators } from './value-csv.queries.ts'
import { csvFile, MAX_CSV_BYTES, MAX_CSV_ROWS } from './value-csv.ts'
import {
  UPLOAD_SCRIPT,
  type UploadFormView,
  uploadDonePage,
  uploadFormPage,
} from './views/upload.ts'

const BREADCRUMBS = [
  { href: '/admin', text: 'پیشخوان' },
  { href: '/admin/indicators', text: 'شاخص‌ها' },
]
const MAX_KB = Math.round(MAX_CSV_BYTES / 1024)
const ENCODING_NAMES = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (LE)',
  'utf-16be': 'UTF-16 (BE)',
  'windows-1256': 'Windows-1256 (Excel فارسی)',
} as const

/** Only agency staff record values; the centre is told so before it chooses a file. */
function requireAgencyStaff(c: Context<AppEnv>): Actor & { agencyId: string } {
  const actor = requireActor(c)
  if (isCentral(actor) || actor.agencyId === null)
    throw new ForbiddenError('indicators.csv', csvMsg.staffOnly)
  return { ...actor, agencyId: actor.agencyId }
}

function formPage(
  c: Context<AppEnv>,
  over: Partial<Omit<UploadFormView, 'csrfToken' | 'maxKb' | 'maxRows'>> = {},
  status: 200 | 422 = 200,
) {
  const view: UploadFormView = {
    csrfToken: c.get('csrfToken') ?? '',
    maxKb: MAX_KB,
    maxRows: MAX_CSV_ROWS,
    errors: {},
    evidenceNote: '',
    rowErrors: [],
    encoding: null,
    ...over,
  }
  const failed = view.rowErrors.length > 0 || Object.keys(view.errors).length > 0
  return page(
    c,
    {
      title: failed ? `خطا: ${m.title}` : m.title,
      breadcrumbs: BREADCRUMBS,
      content: uploadFormPage(view),
      scripts: [UPLOAD_SCRIPT],
    },
    status,
  )
}

/**
 * `/admin/indicators/upload`: agency staff send a CSV of values (issue 14 item 4). Without
 * JavaScript a plain multipart form post; with it, `/assets/indicator-upload.js` shows the
 * upload's progress and puts the answer (this same page) in place. A refused file is 422 with
 * every row's problem; nothing of it is written.
 */
export function indicatorUploadRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/upload', (c) => {
    requireAgencyStaff(c)
    return formPage(c)
  })

  // A file to fill in: one row per indicator the agency reports, at its last ended period.
  app.get('/upload/template.csv', async (c) => {
    const actor = requireAgencyStaff(c)
    const now = deps.clock.now()
    const rows = (await enterableIndicators(deps.db, actor.agencyId)).map((i) => [
      i.code,
      endedPeriods(i.frequency, now, 1)[0]?.key ?? '',
      '',
      '',
      '',
      '',
    ])
    const body = csvFile([
      ['code', 'period', 'numerator', 'denominator', 'note', 'evidence_note'],
      ...rows,
    ])
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="mardom-indicator-values.csv"',
    })
  })

  app.post('/upload', async (c) => {
    const actor = requireAgencyStaff(c)
    const body = await c.req.parseBody()
    const file = body.file
    const evidenceNote = typeof body.evidenceNote === 'string' ? body.evidenceNote : ''
    // A browser sends an empty part with no name when no file was chosen.
    if (!(file instanceof File) || (file.size === 0 && file.name === ''))
      return formPage(c, { errors: { file: m.fileMissing }, evidenceNote }, 422)
    const note = normalizeFaInput(evidenceNote)
    const result = await importValuesCsv(
      deps,
      actor,
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      { defaultEvidenceNote: note === '' ? null : note },
    )
    if (!result.ok)
      return formPage(
        c,
        {
          rowErrors: result.errors,
          evidenceNote,
          encoding: result.encoding ? ENCODING_NAMES[result.encoding] : null,
        },
        422,
      )
    return page(c, {
      title: m.recorded(result.recorded.length),
      breadcrumbs: BREADCRUMBS,
      content: uploadDonePage({
        count: result.recorded.length,
        encoding: ENCODING_NAMES[result.encoding],
        rows: result.recorded.map((r) => {
          const p = parsePeriod(r.value.period)
          return {
            row: toPersianDigits(r.row),
            code: r.code,
            period: p ? periodLabel(p) : r.value.period,
            value: r.value.value === null ? '—' : formatNumberFa(r.value.value),
          }
        }),
      }),
      scripts: [UPLOAD_SCRIPT],
    })
  })

  return app
}
