import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MAX_PAGE_NUMBER, pageNumber, readPageNumber } from './pagination.ts'

describe('readPageNumber', () => {
  it('reads page numbers from 1 to the maximum', () => {
    assert.equal(readPageNumber('1'), 1)
    assert.equal(readPageNumber('27'), 27)
    assert.equal(readPageNumber(String(MAX_PAGE_NUMBER)), MAX_PAGE_NUMBER)
    assert.equal(readPageNumber('500', 500), 500)
  })

  it('reads Persian and Arabic-Indic digits', () => {
    assert.equal(readPageNumber('۲'), 2)
    assert.equal(readPageNumber('۱۲'), 12)
    assert.equal(readPageNumber('٣'), 3)
  })

  it('reads the leading digits, like Number.parseInt', () => {
    assert.equal(readPageNumber(' 3 '), 3)
    assert.equal(readPageNumber('+4'), 4)
    assert.equal(readPageNumber('2abc'), 2)
    assert.equal(readPageNumber('2.5'), 2)
    assert.equal(readPageNumber('1e3'), 1)
    assert.equal(readPageNumber('007'), 7)
  })

  it('is null when no page is named or it is out of range', () => {
    for (const raw of [undefined, '', ' ', 'abc', '0', '-1', '-0', '0x10', 'NaN', 'Infinity'])
      assert.equal(readPageNumber(raw), null, String(raw))
    assert.equal(readPageNumber(String(MAX_PAGE_NUMBER + 1)), null)
    assert.equal(readPageNumber('501', 500), null)
    assert.equal(readPageNumber('9'.repeat(400), Number.POSITIVE_INFINITY), null)
  })
})

describe('pageNumber', () => {
  it('falls back to the first page', () => {
    assert.equal(pageNumber('3'), 3)
    assert.equal(pageNumber('۳'), 3)
    for (const raw of [undefined, '', 'abc', '0', '-1', '99999999999999999999'])
      assert.equal(pageNumber(raw), 1, String(raw))
    assert.equal(pageNumber('100000', 100_000), 100_000)
    assert.equal(pageNumber('100001', 100_000), 1)
  })
})
