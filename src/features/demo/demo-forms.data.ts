import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { storeFormFiles } from '../forms/index.ts'
import type { ServiceForm } from '../services/index.ts'
import type { DemoService } from './demo-services.data.ts'

/**
 * Downloadable forms for the demo services (R5). Each file is a small, valid PDF 1.4
 * generated here: one A4 page of Latin text with the form code, the Persian title in the
 * document information dictionary (/Title as a UTF-16BE string), a correct xref table.
 * Deterministic: which services get forms, their codes and files depend only on the slug.
 *
 * Services whose card mentions a form («فرم») get one, and about a third of the others too.
 * A service's versions share the same file, except a few with several versions whose latest
 * version carries a revised file, so their history shows a form change. Some services also
 * have an English copy of their form.
 */

/** FNV-1a, 32 bits: a stable number from a slug. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

const MENTIONS_FORM = /(^|[\s«(])فرم(?=[\s\u200c»)،.]|$)/

function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff
  return out
}

function pdfLiteral(s: string): string {
  return `(${s.replace(/[\\()]/g, (ch) => `\\${ch}`).replace(/[^\x20-\x7e]/g, '?')})`
}

/** A text string in UTF-16BE with its byte-order mark, as a PDF hex string. */
function pdfUtf16(s: string): string {
  let hex = 'FEFF'
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0')
  return `<${hex.toUpperCase()}>`
}

/**
 * A one-page PDF 1.4: `lines` in Helvetica (Latin only), `title` (any script) as /Title.
 * Every object's offset in the xref table is its real byte offset.
 */
export function minimalPdf(title: string, lines: string[]): Uint8Array {
  const text = lines
    .map(
      (line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${770 - i * 24} Td ${pdfLiteral(line)} Tj ET`,
    )
    .join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Title ${pdfUtf16(title)} /Producer (Mardom demo data) >>`,
  ]
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xrefAt = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return latin1(body)
}

interface PlannedForm {
  title: string
  code: string
  language: 'fa' | 'en'
  /** 0 for the first file; 1 for the revised file a later version carries. */
  revision: number
  bytes: Uint8Array
}

interface ServicePlan {
  forms: PlannedForm[]
  /** From this version index on, forms with revision 1 replace those with revision 0. */
  revisedFrom: number | null
}

function planFor(d: DemoService): ServicePlan | null {
  const first = d.versions[0]?.content
  if (!first) return null
  const text = [
    first.summary ?? '',
    first.description ?? '',
    ...first.documents.map((x) => `${x.name} ${x.note ?? ''}`),
  ].join(' ')
  const h = hash(d.slug)
  if (!MENTIONS_FORM.test(text) && h % 10 >= 3) return null
  const code = `F-${String(1000 + (h % 9000))}`
  const title = `فرم درخواست ${first.title}`.slice(0, 170)
  const revisedFrom = d.versions.length > 1 && (h >>> 4) % 3 === 0 ? d.versions.length - 1 : null
  const file = (revision: number, language: 'fa' | 'en') =>
    minimalPdf(language === 'fa' ? title : `Application form: ${d.slug}`, [
      `Application form ${code}${language === 'en' ? ' (English)' : ''}`,
      `Service: ${d.slug}`,
      revision ? 'Revised edition: the new fields are marked.' : 'First edition.',
      'Fill in every field in block capitals and sign at the bottom.',
      'Name: ____________________   National ID: ____________',
      'Address: _____________________________________________',
      'Signature: _______________   Date: ___ / ___ / ______',
    ])
  const forms: PlannedForm[] = [{ title, code, language: 'fa', revision: 0, bytes: file(0, 'fa') }]
  if (revisedFrom !== null)
    forms.push({ title, code, language: 'fa', revision: 1, bytes: file(1, 'fa') })
  if ((h >>> 8) % 5 === 0)
    forms.push({
      title: `${title} (نسخهٔ انگلیسی)`,
      code: `${code}-EN`,
      language: 'en',
      revision: 0,
      bytes: file(0, 'en'),
    })
  return { forms, revisedFrom }
}

/**
 * Stores every demo form file (once per content) and returns the forms of each version,
 * for the catalogue loader: `formsFor(service, versionIndex)`.
 */
export async function storeDemoForms(
  trx: Kysely<Database>,
  services: readonly DemoService[],
  /** The agency that publishes each service: its forms are stored as that agency's uploads. */
  agencyOf: (d: DemoService) => string | null = () => null,
): Promise<(d: DemoService, versionIndex: number) => ServiceForm[]> {
  const planned = services.flatMap((d) => {
    const plan = planFor(d)
    return plan ? [{ d, plan }] : []
  })
  const stored = await storeFormFiles(
    trx,
    planned.flatMap(({ plan }) => plan.forms.map((f) => f.bytes)),
    planned.flatMap(({ d, plan }) => plan.forms.map(() => agencyOf(d))),
  )
  const plans = new Map<string, { plan: ServicePlan; sha: string[] }>()
  let at = 0
  for (const { d, plan } of planned) {
    const sha = plan.forms.map(() => stored[at++]?.sha256 ?? '')
    plans.set(d.key, { plan, sha })
  }
  return (d, versionIndex) => {
    const entry = plans.get(d.key)
    if (!entry) return []
    const { plan, sha } = entry
    const revision = plan.revisedFrom !== null && versionIndex >= plan.revisedFrom ? 1 : 0
    return plan.forms.flatMap((f, i) => {
      if (f.language === 'fa' && f.revision !== revision) return []
      const sha256 = sha[i] ?? ''
      return [
        {
          sha256,
          title: f.title,
          code: f.code,
          language: f.language,
          fileName: `${f.title}.pdf`,
        },
      ]
    })
  }
}
