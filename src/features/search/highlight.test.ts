import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { highlight, highlightSpans } from './highlight.ts'

const ZWNJ = '\u200c'
const render = async (text: string, terms: string[]) => (await highlight(text, terms)).toString()

describe('highlight', () => {
  it('escapes the text first, then marks the matches', async () => {
    assert.equal(
      await render('صدور <گذرنامه> & "ویزا"', ['گذرنامه']),
      'صدور &lt;<mark>گذرنامه</mark>&gt; &amp; &quot;ویزا&quot;',
    )
    assert.equal(
      await render('<script>alert(1)</script>', ['نیست']),
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    )
  })

  it('marks Persian letters for a query typed with Arabic ي and ك', async () => {
    assert.equal(
      await render('صدور کارت ملی', ['كارت', 'ملي']),
      'صدور <mark>کارت</mark> <mark>ملی</mark>',
    )
  })

  it('marks a word written with ZWNJ for a query written without it, and the reverse', async () => {
    assert.equal(
      await render(`صدور گواهی${ZWNJ}نامه`, ['گواهینامه']),
      `صدور <mark>گواهی${ZWNJ}نامه</mark>`,
    )
    assert.equal(await render('صدور گواهینامه', ['گواهی']), 'صدور <mark>گواهی</mark>نامه')
  })

  it('keeps diacritics, tatweel and the ezafe hamza inside the mark', async () => {
    assert.equal(await render('خانهٔ خالی', ['خانه']), '<mark>خانهٔ</mark> خالی')
    assert.equal(await render('گـــذرنامه', ['گذرنامه']), '<mark>گـــذرنامه</mark>')
    assert.equal(await render('مُحَمَّد', ['محمد']), '<mark>مُحَمَّد</mark>')
  })

  it('matches digits of any script and alef madda loosely', async () => {
    assert.equal(await render('کمیسیون ماده ۱۰۰', ['100']), 'کمیسیون ماده <mark>۱۰۰</mark>')
    assert.equal(await render('آموزش رایگان', ['اموزش']), '<mark>آموزش</mark> رایگان')
  })

  it('marks only at the start of a word, and ignores one-letter terms', () => {
    assert.deepEqual(highlightSpans('عملیات ملی', ['ملی']), [[7, 10]])
    assert.deepEqual(highlightSpans('و یا', ['و']), [])
  })

  it('merges overlapping matches', () => {
    assert.deepEqual(highlightSpans('گذرنامه', ['گذر', 'گذرنامه']), [[0, 7]])
  })
})
