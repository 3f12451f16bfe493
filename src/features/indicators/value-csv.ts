import { normalizeFaInput, toAsciiDigits } from '../../lib/fa/index.ts'
import { decodeText, type TextEncodingName } from '../../lib/text-decode.ts'
import { COLUMN_LABELS, csvMsg as msg } from './upload.messages.fa.ts'
import { periodField, valueForm } from './value.input.ts'
import type { ValueInput } from './value.model.ts'

/**
 * Reading an uploaded CSV of indicator values (issue 14 item 4): the bytes are decoded honestly
 * (`lib/text-decode.ts`), the separator is the one the header row uses (comma, semicolon — what
 * Excel writes where the decimal mark is a comma — or tab), fields may be quoted (RFC 4180,
 * line breaks inside quotes), and each row is checked with the value form's own schema, so a
 * number typed «۱۲٫۵» means here what it means on the page. Pure: what needs the database
 * (known code, approved, locked period, range of the unit…) is `value-csv.actions.ts`.
 */

export const CSV_COLUMNS = [
  'code',
  'period',
  'numerator',
  'denominator',
  'note',
  'evidence_note',
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]
const REQUIRED: readonly CsvColumn[] = ['code', 'period', 'numerator']

/** A data file's limits: what one agency sends for a few years stays far below them. */
export const MAX_CSV_BYTES = 900 * 1024
export const MAX_CSV_ROWS = 1000

/** A problem of one row (its number as a spreadsheet shows it: the header is row 1). */
export interface CsvRowError {
  /** Null: the whole file (its encoding, size…). */
  row: number | null
  column: CsvColumn | null
  message: string
}

export interface CsvValueRow {
  row: number
  code: string
  input: ValueInput
}

export interface ParsedValuesCsv {
  encoding: TextEncodingName | null
  /** Rows that passed every check of their own (they may still fail the database's). */
  rows: CsvValueRow[]
  /** How many data rows the file has (blank lines left out). */
  dataRows: number
  errors: CsvRowError[]
}

const headerKey = (s: string) =>
  normalizeFaInput(s)
    .toLowerCase()
    .replace(/[\s_-]+/g, '_')

const ALIASES: ReadonlyMap<string, CsvColumn> = new Map(
  (
    [
      ['code', 'code'],
      ['کد', 'code'],
      ['کد شاخص', 'code'],
      ['period', 'period'],
      ['دوره', 'period'],
      ['numerator', 'numerator'],
      ['صورت', 'numerator'],
      ['صورت کسر', 'numerator'],
      ['denominator', 'denominator'],
      ['مخرج', 'denominator'],
      ['مخرج کسر', 'denominator'],
      ['note', 'note'],
      ['یادداشت', 'note'],
      ['evidence_note', 'evidence_note'],
      ['evidence', 'evidence_note'],
      ['مستند', 'evidence_note'],
      ['توضیح مستند', 'evidence_note'],
    ] as const
  ).map(([k, v]) => [headerKey(k), v]),
)

const CODE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/

/** The separator of the header line: the most frequent of comma, semicolon and tab. */
function separatorOf(text: string): string {
  const line = text.slice(0, text.search(/[\r\n]|$/))
  const counts = [',', ';', '\t'].map((d) => ({ d, n: line.split(d).length - 1 }))
  counts.sort((a, b) => b.n - a.n)
  return counts[0]?.n ? counts[0].d : ','
}

interface CsvRecord {
  row: number
  cells: string[]
}

type Tokenised = { ok: true; records: CsvRecord[] } | { ok: false; error: CsvRowError }

/** RFC 4180 records; a quote inside an unquoted field is kept as a character, as Excel does. */
function tokenise(text: string, sep: string): Tokenised {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let i = 0
  let row = 1
  const endRecord = () => {
    cells.push(cell)
    records.push({ row, cells })
    cells = []
    cell = ''
    row++
  }
  while (i < text.length) {
    const ch = text[i]
    if (ch === '"' && cell === '') {
      const startRow = row
      i++
      for (;;) {
        if (i >= text.length)
          return { ok: false, error: { row: startRow, column: null, message: msg.unclosedQuote } }
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"'
            i += 2
            continue
          }
          i++
          break
        }
        cell += text[i]
        i++
      }
      const next = text[i]
      if (next !== undefined && next !== sep && next !== '\r' && next !== '\n')
        return { ok: false, error: { row: startRow, column: null, message: msg.strayQuote } }
      continue
    }
    if (ch === sep) {
      cells.push(cell)
      cell = ''
      i++
    } else if (ch === '\r' || ch === '\n') {
      endRecord()
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      cell += ch
      i++
    }
  }
  if (cell !== '' || cells.length > 0) endRecord()
  return { ok: true, records }
}

type Header = { ok: true; index: Map<CsvColumn, number> } | { ok: false; errors: CsvRowError[] }

function readHeader(cells: string[]): Header {
  const index = new Map<CsvColumn, number>()
  const errors: CsvRowError[] = []
  cells.forEach((raw, i) => {
    const name = normalizeFaInput(raw)
    if (name === '') {
      // Trailing empty header cells (a spreadsheet's stray separators) are harmless.
      if (cells.slice(i).some((c) => normalizeFaInput(c) !== ''))
        errors.push({ row: 1, column: null, message: msg.emptyHeader(i + 1) })
      return
    }
    const column = ALIASES.get(headerKey(name))
    if (!column)
      errors.push({ row: 1, column: null, message: msg.unknownColumn(name.slice(0, 60)) })
    else if (index.has(column))
      errors.push({ row: 1, column, message: msg.duplicateColumn(COLUMN_LABELS[column]) })
    else index.set(column, i)
  })
  for (const column of REQUIRED)
    if (!index.has(column))
      errors.push({ row: 1, column, message: msg.missingColumn(COLUMN_LABELS[column]) })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, index }
}

const FIELD_COLUMN: Record<string, CsvColumn> = {
  period: 'period',
  numerator: 'numerator',
  denominator: 'denominator',
  note: 'note',
  evidenceNote: 'evidence_note',
}

/**
 * The file's rows and every problem found in them (all rows are read even after the first
 * problem, so one upload shows every mistake). `defaultEvidenceNote` stands for an empty
 * evidence cell (the form's «توضیح مستند» for the whole file).
 */
export function parseValuesCsv(
  bytes: Uint8Array,
  options: { defaultEvidenceNote?: string | null } = {},
): ParsedValuesCsv {
  const fail = (message: string, encoding: TextEncodingName | null = null): ParsedValuesCsv => ({
    encoding,
    rows: [],
    dataRows: 0,
    errors: [{ row: null, column: null, message }],
  })
  if (bytes.length > MAX_CSV_BYTES) return fail(msg.tooLarge(Math.round(MAX_CSV_BYTES / 1024)))
  const decoded = decodeText(bytes)
  if (!decoded.ok) return fail(decoded.message)
  const { text, encoding } = decoded
  const tokens = tokenise(text, separatorOf(text))
  if (!tokens.ok) return { encoding, rows: [], dataRows: 0, errors: [tokens.error] }
  const [headerRecord, ...body] = tokens.records
  const header = readHeader(headerRecord?.cells ?? [])
  if (!header.ok) return { encoding, rows: [], dataRows: 0, errors: header.errors }
  const data = body.filter((r) => r.cells.some((c) => c.trim() !== ''))
  if (data.length === 0) return fail(msg.noRows, encoding)
  if (data.length > MAX_CSV_ROWS) return fail(msg.tooManyRows(MAX_CSV_ROWS), encoding)

  const width = headerRecord?.cells.length ?? 0
  const rows: CsvValueRow[] = []
  const errors: CsvRowError[] = []
  const seen = new Map<string, number>()
  for (const record of data) {
    const cell = (column: CsvColumn) => {
      const i = header.index.get(column)
      return i === undefined ? '' : (record.cells[i] ?? '')
    }
    const rowErrors: CsvRowError[] = []
    // Missing trailing cells read as empty; extra cells are an error only when they hold text.
    if (record.cells.slice(width).some((c) => c.trim() !== ''))
      rowErrors.push({
        row: record.row,
        column: null,
        message: msg.extraCells(record.cells.length, width),
      })
    const code = toAsciiDigits(normalizeFaInput(cell('code'))).toUpperCase()
    if (!CODE.test(code) || code.length > 40)
      rowErrors.push({ row: record.row, column: 'code', message: msg.code })
    const evidence = cell('evidence_note').trim() === '' ? null : cell('evidence_note')
    const parsed = valueForm.safeParse({
      period: cell('period'),
      numerator: cell('numerator'),
      denominator: cell('denominator'),
      note: cell('note'),
      evidenceNote: evidence ?? options.defaultEvidenceNote ?? null,
    })
    if (!parsed.success) {
      const byColumn = new Map<CsvColumn, string>()
      for (const issue of parsed.error.issues) {
        const column = FIELD_COLUMN[String(issue.path[0])]
        if (column && !byColumn.has(column)) byColumn.set(column, issue.message)
      }
      for (const [column, message] of byColumn) rowErrors.push({ row: record.row, column, message })
    }
    const period = periodField.safeParse(cell('period'))
    if (period.success && rowErrors.every((e) => e.column !== 'code')) {
      const key = `${code}|${period.data}`
      const first = seen.get(key)
      if (first !== undefined)
        rowErrors.push({ row: record.row, column: 'period', message: msg.duplicateRow(first) })
      else seen.set(key, record.row)
    }
    if (rowErrors.length > 0) errors.push(...rowErrors)
    else if (parsed.success) rows.push({ row: record.row, code, input: parsed.data })
  }
  return { encoding, rows, dataRows: data.length, errors }
}

/** A CSV cell as this portal writes them: quoted when needed, formulas defused. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return ''
  const s = String(value)
  if (typeof value !== 'string') return s
  const guarded = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

/** Lines as a CSV file: UTF-8 with a BOM (so Excel reads Persian), CRLF. */
export function csvFile(lines: readonly (readonly (string | number | boolean | null)[])[]): string {
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`
}
