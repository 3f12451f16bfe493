import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { encodeUtf8, encodeWindows1256 } from '../../lib/text-decode.test-helpers.ts'
import { csvFile, MAX_CSV_ROWS, parseValuesCsv } from './value-csv.ts'

const parse = (text: string, defaultEvidenceNote: string | null = null) =>
  parseValuesCsv(encodeUtf8(text), { defaultEvidenceNote })

const HEADER = 'code,period,numerator,denominator,note,evidence_note\r\n'

describe('parseValuesCsv: reading rows', () => {
  it('reads quoted fields with separators, quotes and line breaks inside, Persian digits', () => {
    const r = parse(
      `${HEADER}S-10-01,۱۴۰۵-q۲,۴۵,۶۰,"یک، دو ""سه""\r\nچهار",گزارش\r\nS-10-02,1405-07,۱۲٫۵,,,گزارش\r\n`,
    )
    assert.deepEqual(r.errors, [])
    assert.equal(r.encoding, 'utf-8')
    assert.deepEqual(
      r.rows.map((x) => [x.row, x.code, x.input.period, x.input.numerator, x.input.denominator]),
      [
        [2, 'S-10-01', '1405-Q2', 45, 60],
        [3, 'S-10-02', '1405-07', 12.5, null],
      ],
    )
    assert.equal(r.rows[0]?.input.note, 'یک، دو "سه" چهار')
  })

  it('takes the separator of the header line: semicolon or tab', () => {
    for (const sep of [';', '\t']) {
      const r = parse(
        `code${sep}period${sep}numerator${sep}evidence_note\nS-10-01${sep}1405${sep}3,5${sep}x\n`,
      )
      // With ; or tab as separator, «3,5» is one cell: the comma is a thousands mark → 35.
      assert.deepEqual(r.errors, [], sep)
      assert.equal(r.rows[0]?.input.numerator, 35)
    }
  })

  it('accepts Persian header names and column order, and skips blank lines', () => {
    const r = parse('مستند;دوره;کد;صورت;مخرج\n\nسامانه;1405-Q1;S-10-01;5;10\n;;;;\n')
    assert.deepEqual(r.errors, [])
    assert.equal(r.dataRows, 1)
    assert.deepEqual(r.rows[0]?.input, {
      period: '1405-Q1',
      numerator: 5,
      denominator: 10,
      note: null,
      evidenceNote: 'سامانه',
    })
  })

  it('reads a Windows-1256 file with Persian headers (Arabic yeh mended)', () => {
    const r = parseValuesCsv(
      encodeWindows1256('کد,دوره,صورت,مخرج,یادداشت\r\nS-10-01,1405,1,2,گزارش فصلی\r\n'),
      {
        defaultEvidenceNote: 'سامانه',
      },
    )
    assert.deepEqual(r.errors, [])
    assert.equal(r.encoding, 'windows-1256')
    assert.equal(r.rows[0]?.input.note, 'گزارش فصلی')
  })

  it('fills an empty evidence cell with the form’s note, and keeps a row’s own', () => {
    const r = parse(`${HEADER}S-10-01,1405,1,2,,\r\nS-10-02,1405,1,2,,خودش\r\n`, 'مشترک')
    assert.deepEqual(
      r.rows.map((x) => x.input.evidenceNote),
      ['مشترک', 'خودش'],
    )
  })
})

describe('parseValuesCsv: problems, every one with its row and column', () => {
  it('refuses unknown, duplicate and missing columns in the header (row 1)', () => {
    const r = parse('code,periode,code,value\r\nS-10-01,1405,1,2\r\n')
    assert.deepEqual(
      r.errors.map((e) => [e.row, e.column]),
      [
        [1, null],
        [1, 'code'],
        [1, null],
        [1, 'period'],
        [1, 'numerator'],
      ],
    )
    assert.match(r.errors[0]?.message ?? '', /ستون «periode» شناخته نیست/)
    assert.equal(r.rows.length, 0)
  })

  it('refuses a file that has no header at all (numbers in row 1)', () => {
    const r = parse('S-10-01,1405,1,2\r\n')
    assert.ok(r.errors.some((e) => e.row === 1 && e.column === 'code'))
  })

  it('finds bad numbers, periods, codes, a zero denominator and extra cells, in every row', () => {
    const r = parse(
      `${HEADER}S-10-01,1405-Q5,abc,0,,x\r\nبد,1405,1,2,,x\r\nS-10-03,1405,1,-4,,x\r\nS-10-04,1405,1,2,,x,اضافه\r\n`,
    )
    assert.deepEqual(
      r.errors.map((e) => [e.row, e.column]),
      [
        [2, 'period'],
        [2, 'numerator'],
        [2, 'denominator'],
        [3, 'code'],
        [4, 'denominator'],
        [5, null],
      ],
    )
    assert.match(r.errors[2]?.message ?? '', /مخرج کسر صفر است/)
    assert.equal(r.rows.length, 0)
  })

  it('refuses the same indicator and period twice, naming the first row', () => {
    const r = parse(
      `${HEADER}S-10-01,1405-Q2,1,2,,x\r\nS-10-02,1405-Q2,1,2,,x\r\ns-10-01,۱۴۰۵-q2,3,4,,x\r\n`,
    )
    assert.deepEqual(
      r.errors.map((e) => [e.row, e.column, e.message]),
      [
        [
          4,
          'period',
          'مقدار همین شاخص برای همین دوره در سطر ۲ هم آمده است؛ هر شاخص و دوره یک سطر.',
        ],
      ],
    )
    assert.equal(r.rows.length, 2)
  })

  it('counts rows as a spreadsheet does when a quoted cell spans lines', () => {
    const r = parse(`${HEADER}S-10-01,1405,1,2,"a\nb\nc",x\r\nS-10-02,1405,bad,2,,x\r\n`)
    assert.deepEqual(
      r.errors.map((e) => e.row),
      [3],
    )
  })

  it('refuses an unclosed quote, naming the row it opened in', () => {
    const r = parse(`${HEADER}S-10-01,1405,1,2,"open,x\r\nS-10-02,1405,1,2,,x\r\n`)
    assert.deepEqual(
      r.errors.map((e) => [e.row, e.column]),
      [[2, null]],
    )
    assert.match(r.errors[0]?.message ?? '', /بسته نشده/)
  })

  it('refuses a file with no data rows, too many rows, or an encoding it cannot read', () => {
    assert.match(parse(HEADER).errors[0]?.message ?? '', /سطری ندارد/)
    const many = `${HEADER}${'S-10-01,1405,1,2,,x\r\n'.repeat(MAX_CSV_ROWS + 1)}`
    assert.equal(parse(many).errors[0]?.row, null)
    const utf16NoBom = new Uint8Array(Buffer.from(HEADER, 'utf16le'))
    const r = parseValuesCsv(utf16NoBom)
    assert.equal(r.encoding, null)
    assert.match(r.errors[0]?.message ?? '', /UTF-8/)
  })
})

describe('csvFile', () => {
  it('writes a BOM, CRLF, quotes where needed and defuses formulas', () => {
    assert.equal(
      csvFile([
        ['a', 'b,c'],
        ['=SUM(A1)', -3],
        ['"q"', null],
      ]),
      '\uFEFFa,"b,c"\r\n\'=SUM(A1),-3\r\n"""q""",\r\n',
    )
  })
})
