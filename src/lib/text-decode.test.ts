import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { normalizeFaInput } from './fa/index.ts'
import { encodeUtf8, encodeUtf16, encodeWindows1256 } from './text-decode.test-helpers.ts'
import { DECODE_MESSAGES, decodeText } from './text-decode.ts'

// Fixtures written by glibc iconv (test/fixtures/text-decode/make.sh), not by the decoder here.
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/text-decode/${name}`, import.meta.url)))
const persian = readFileSync(
  new URL('../../test/fixtures/text-decode/persian.txt', import.meta.url),
  'utf8',
)

function decoded(bytes: Uint8Array) {
  const r = decodeText(bytes)
  assert.ok(r.ok, r.ok ? '' : r.message)
  return r
}

describe('decodeText: the encodings people upload', () => {
  it('reads UTF-8 without a BOM', () => {
    const r = decoded(fixture('utf8.csv'))
    assert.deepEqual([r.encoding, r.bom, r.text], ['utf-8', false, persian])
  })

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const r = decoded(fixture('utf8-bom.csv'))
    assert.deepEqual([r.encoding, r.bom, r.text], ['utf-8', true, persian])
  })

  it('reads UTF-16 LE and BE with their BOM', () => {
    for (const [name, encoding] of [
      ['utf16le-bom.csv', 'utf-16le'],
      ['utf16be-bom.csv', 'utf-16be'],
    ] as const) {
      const r = decoded(fixture(name))
      assert.deepEqual([r.encoding, r.bom, r.text], [encoding, true, persian], name)
    }
  })

  it('reads Windows-1256 as Persian Excel writes it (ی as Arabic yeh, which normalising mends)', () => {
    const r = decoded(fixture('windows-1256.csv'))
    assert.equal(r.encoding, 'windows-1256')
    // Decoded honestly: the file holds ي (U+064A); nothing is guessed.
    assert.equal(r.text, persian.replaceAll('ی', 'ي'))
    assert.ok(r.text.includes('پرونده\u200cها'), 'ZWNJ (0x9D) survives')
    assert.equal(
      normalizeFaInput(r.text, { multiline: true }),
      normalizeFaInput(persian, { multiline: true }),
    )
  })

  it('agrees byte for byte with a table typed from the code page', () => {
    const word = 'گزارش پرونده‌ها، «کم‌کاری» در تیر؟'
    const r = decoded(encodeWindows1256(word))
    assert.equal(normalizeFaInput(r.text), word)
    // سلام = D3 E1 C7 E3 in the published table.
    assert.equal(decoded(Uint8Array.from([0xd3, 0xe1, 0xc7, 0xe3])).text, 'سلام')
  })

  it('round-trips the test encoders for every supported form', () => {
    const text = 'کد,دوره\r\nS-1,۱۴۰۵-Q2\r\n'
    for (const bytes of [
      encodeUtf8(text),
      encodeUtf8(text, true),
      encodeUtf16(text, 'le'),
      encodeUtf16(text, 'be'),
    ])
      assert.equal(decoded(bytes).text, text)
  })
})

describe('decodeText: refusals, never mojibake', () => {
  const refusal = (bytes: Uint8Array) => {
    const r = decodeText(bytes)
    assert.ok(!r.ok, 'refused')
    assert.equal(r.message, DECODE_MESSAGES[r.problem])
    assert.match(r.message, /[\u0600-\u06ff]/, 'in Persian')
    return r.problem
  }

  it('refuses an empty file', () => assert.equal(refusal(new Uint8Array()), 'empty'))

  it('refuses UTF-16 without a BOM (NULs between the letters)', () =>
    assert.equal(refusal(fixture('utf16le-no-bom.csv')), 'control'))

  it('refuses a binary file: an xlsx (zip) header', () =>
    assert.equal(
      refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])),
      'control',
    ))

  it('refuses Windows-1252 text that 1256 would turn into Arabic letters inside Latin words', () => {
    // «Straße» in 1252 reads «Straكe» in 1256.
    assert.equal(refusal(fixture('windows-1252-latin.csv')), 'mixed')
  })

  it('refuses a file whose BOM lies about its bytes', () => {
    const lying = new Uint8Array([0xef, 0xbb, 0xbf, ...encodeWindows1256('سلام دنیا')])
    assert.equal(refusal(lying), 'bad-bom')
  })

  it('refuses UTF-32', () =>
    assert.equal(refusal(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])), 'utf32'))

  it('refuses text already damaged by an earlier wrong decoding (U+FFFD)', () =>
    assert.equal(refusal(encodeUtf8('کد,دوره\r\nS-1,\ufffd\ufffd\r\n')), 'replacement'))

  it('refuses C1 controls, which a Latin-1 reading of UTF-8 leaves behind', () =>
    assert.equal(refusal(encodeUtf8('code\u0085period')), 'control'))
})
