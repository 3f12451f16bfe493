import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fieldErrorsOf } from '../../web/form.ts'
import { msg } from './messages.fa.ts'
import { formToBody, officeInput, parseClosureForm, parseExceptionForm } from './office.input.ts'
import {
  formatPostalCode,
  geoUri,
  isInIran,
  normalizePostalCode,
  osmUrl,
  parseIntervals,
} from './office.model.ts'

const body = (over: Record<string, unknown> = {}) => ({
  name: 'ادارهٔ ثبت احوال منطقهٔ ۶',
  address: 'خیابان کریم‌خان زند، پلاک ۱۲',
  provinceCode: '08',
  city: 'تهران',
  postalCode: '1598713456',
  lat: 35.7137,
  lng: 51.4148,
  phones: ['021-88776655'],
  hours: { sat: [{ start: '07:30', end: '14:30' }] },
  ...over,
})

function errorsOf(input: unknown) {
  const parsed = officeInput.safeParse(input)
  assert.equal(parsed.success, false, 'expected a validation failure')
  return parsed.success ? {} : fieldErrorsOf(parsed.error)
}

describe('postal codes', () => {
  it('accepts ten digits in Persian, Arabic-Indic or ASCII, with a dash, and stores ASCII', () => {
    assert.equal(normalizePostalCode('۱۱۹۳۶-۱۲۳۴۵'), '1193612345')
    assert.equal(normalizePostalCode('١١٩٣٦١٢٣٤٥'), '1193612345')
    assert.equal(normalizePostalCode(' 11936 12345 '), '1193612345')
  })

  it('refuses 0 or 2 in the first five digits, and wrong lengths', () => {
    assert.equal(normalizePostalCode('1023612345'), null)
    assert.equal(normalizePostalCode('1193212345'), null)
    assert.equal(normalizePostalCode('119361234'), null)
    assert.equal(normalizePostalCode('11936123456'), null)
    assert.equal(normalizePostalCode('11936abcde'), null)
    // 0 and 2 are fine in the last five.
    assert.equal(normalizePostalCode('1193602020'), '1193602020')
  })

  it('is shown as «۱۱۹۳۶-۱۲۳۴۵»', () => {
    assert.equal(formatPostalCode('1193612345'), '۱۱۹۳۶-۱۲۳۴۵')
  })
})

describe('coordinates', () => {
  it('lie inside Iran', () => {
    assert.equal(isInIran(35.6997, 51.338), true) // Tehran
    assert.equal(isInIran(27.18, 56.27), true) // Bandar Abbas
    assert.equal(isInIran(51.5, -0.12), false) // London
    assert.equal(isInIran(35.6997, 139.7), false)
    assert.equal(isInIran(Number.NaN, 51), false)
  })

  it('give an OpenStreetMap link and a geo: URI, no script', () => {
    assert.equal(
      osmUrl(35.6997, 51.338),
      'https://www.openstreetmap.org/?mlat=35.699700&mlon=51.338000#map=17/35.699700/51.338000',
    )
    assert.equal(geoUri(35.6997, 51.338), 'geo:35.699700,51.338000')
  })
})

describe('hours', () => {
  it('parses intervals in Persian digits with ، and تا', () => {
    assert.deepEqual(parseIntervals('۰۷:۳۰ تا ۱۲:۰۰، ۱۳:۰۰-۱۴:۳۰'), {
      ok: true,
      intervals: [
        { start: 450, end: 720 },
        { start: 780, end: 870 },
      ],
    })
    assert.deepEqual(parseIntervals(''), { ok: true, intervals: [] })
    assert.deepEqual(parseIntervals('20:00-24:00'), {
      ok: true,
      intervals: [{ start: 1200, end: 1440 }],
    })
  })

  it('refuses bad times, reversed intervals, wrong order and overlaps', () => {
    assert.deepEqual(parseIntervals('7:30'), { ok: false, reason: 'format' })
    assert.deepEqual(parseIntervals('25:00-26:00'), { ok: false, reason: 'format' })
    assert.deepEqual(parseIntervals('14:30-07:30'), { ok: false, reason: 'order' })
    assert.deepEqual(parseIntervals('16:00-19:00, 07:30-14:30'), { ok: false, reason: 'order' })
    assert.deepEqual(parseIntervals('07:30-14:30, 13:00-16:00'), { ok: false, reason: 'overlap' })
    assert.equal(parseIntervals('07:30-14:30, 14:30-16:00').ok, true, 'touching is allowed')
  })
})

describe('the office input', () => {
  it('normalises a valid body: ASCII postal code, minutes, empty weekdays', () => {
    const parsed = officeInput.parse(body({ postalCode: '۱۵۹۸۷-۱۳۴۵۶', lat: '۳۵٫۷۱۳۷' }))
    assert.equal(parsed.postalCode, '1598713456')
    assert.equal(parsed.lat, 35.7137)
    assert.deepEqual(parsed.hours.sat, [{ start: 450, end: 870 }])
    assert.deepEqual(parsed.hours.fri, [])
    assert.deepEqual(parsed.accessibility, { features: [], notes: null })
  })

  it('reports each problem on its field, in Persian', () => {
    const errors = errorsOf(
      body({
        postalCode: '1023612345',
        lat: 48.85,
        provinceCode: '99',
        phones: ['123'],
        hours: { sat: [{ start: '14:30', end: '07:30' }] },
        closures: [{ from: '2026-12-10', to: '2026-12-01', reason: 'تعمیرات' }],
      }),
    )
    assert.equal(errors.postalCode, msg.postalCodeInvalid)
    assert.equal(errors.provinceCode, msg.provinceRequired)
    assert.match(errors['phones.0'] ?? '', /شمارهٔ تلفن/)
    assert.equal(errors['hours.sat'], msg.hoursOrder)
    assert.equal(errors['closures.0.to'], msg.closureRange)
    const outside = errorsOf(body({ lat: 48.85, lng: 2.35 }))
    assert.equal(outside.lat, msg.latInvalid)
  })

  it('refuses two exceptions on the same day and overlapping hours', () => {
    const errors = errorsOf(
      body({
        exceptions: [
          { day: '2026-12-01', hours: [], note: null },
          { day: '2026-12-01', hours: [{ start: '08:00', end: '10:00' }] },
        ],
        hours: {
          sun: [
            { start: '07:30', end: '14:30' },
            { start: '12:00', end: '16:00' },
          ],
        },
      }),
    )
    assert.equal(errors['exceptions.1.day'], msg.exceptionDuplicate)
    assert.equal(errors['hours.sun'], msg.hoursOverlap)
  })

  it('turns the admin form into a body, reporting the hours boxes by field name', () => {
    const { body: b, errors } = formToBody(
      {
        ...Object.fromEntries(Object.entries(body()).map(([k, v]) => [k, String(v)])),
        'hours-sat': '07:30-14:30',
        'hours-thu': '7-12',
        'hours-mon': 'صبح',
        phone1: '021-88776655',
        features: ['wheelchair_access', 'elevator'],
      },
      { exceptions: [], closures: [] },
    )
    assert.deepEqual(errors, { 'hours-thu': msg.hoursFormat, 'hours-mon': msg.hoursFormat })
    assert.deepEqual(b.hours?.sat, [{ start: '07:30', end: '14:30' }])
    assert.deepEqual(b.accessibility?.features, ['wheelchair_access', 'elevator'])
  })

  it('parses the exception and closure forms from Jalali dates', () => {
    const ex = parseExceptionForm({
      'exDate-year': '۱۴۰۵',
      'exDate-month': '۹',
      'exDate-day': '۱۰',
      exHours: '',
      exNote: 'تعطیلی محلی',
    })
    assert.deepEqual(ex, {
      ok: true,
      exception: { day: '2026-12-01', intervals: [], note: 'تعطیلی محلی' },
    })
    const bad = parseExceptionForm({
      'exDate-year': '۱۴۰۵',
      'exDate-month': '۱۳',
      'exDate-day': '۱',
      exHours: '9-10',
    })
    assert.deepEqual(bad, {
      ok: false,
      errors: { 'exDate-day': msg.dayInvalid, exHours: msg.hoursFormat },
    })
    const cl = parseClosureForm({
      'clFrom-year': '1405',
      'clFrom-month': '9',
      'clFrom-day': '20',
      'clTo-year': '1405',
      'clTo-month': '9',
      'clTo-day': '10',
      clReason: '',
    })
    assert.deepEqual(cl, {
      ok: false,
      errors: { 'clTo-day': msg.closureRange, clReason: msg.reasonRequired },
    })
  })
})
