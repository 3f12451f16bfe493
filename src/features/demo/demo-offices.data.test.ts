import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findProvince } from '../../lib/iran/provinces.ts'
import { DEMO_AGENCIES } from './demo-agencies.data.ts'
import { DEMO_OFFICES, demoOfficeInput } from './demo-offices.data.ts'
import { DEMO_SERVICES } from './demo-services.data.ts'

const agencies = new Map(DEMO_AGENCIES.map((a) => [a.key, a]))

/** Rough boxes around the demo cities: a coordinate must fall inside its city. */
const CITY_BOXES: Record<string, [number, number, number, number]> = {
  تهران: [35.55, 35.85, 51.15, 51.6],
  اصفهان: [32.55, 32.75, 51.55, 51.8],
  کاشان: [33.9, 34.05, 51.35, 51.5],
  تبریز: [38.0, 38.15, 46.2, 46.4],
  مشهد: [36.2, 36.45, 59.45, 59.7],
  شیراز: [29.5, 29.7, 52.4, 52.65],
  اهواز: [31.25, 31.4, 48.6, 48.75],
  دزفول: [32.33, 32.43, 48.35, 48.45],
  'بندر انزلی': [37.43, 37.5, 49.4, 49.52],
  ساری: [36.53, 36.6, 53.0, 53.12],
  بابل: [36.5, 36.58, 52.63, 52.72],
  کرمان: [30.22, 30.35, 57.0, 57.15],
  نیشابور: [36.17, 36.25, 58.75, 58.85],
  بندرعباس: [27.1, 27.25, 56.0, 56.4],
}

describe('DEMO_OFFICES', () => {
  it('are valid offices (postal codes, coordinates, phones, hours) with unique keys', () => {
    assert.equal(new Set(DEMO_OFFICES.map((o) => o.key)).size, DEMO_OFFICES.length)
    for (const o of DEMO_OFFICES) assert.doesNotThrow(() => demoOfficeInput(o), o.key)
  })

  it('cover at least six provinces and many agencies, with headquarters in Tehran', () => {
    assert.ok(new Set(DEMO_OFFICES.map((o) => o.provinceCode)).size >= 6)
    assert.ok(new Set(DEMO_OFFICES.map((o) => o.agencyKey)).size >= 15)
    for (const o of DEMO_OFFICES.filter((x) => x.key.endsWith('-hq')))
      assert.equal(o.city, 'تهران', o.key)
  })

  it('belong to existing agencies, provincial ones inside their province, at points inside their city', () => {
    for (const o of DEMO_OFFICES) {
      const agency = agencies.get(o.agencyKey)
      assert.ok(agency, `${o.key}: unknown agency ${o.agencyKey}`)
      if (agency.provinceCode) assert.equal(o.provinceCode, agency.provinceCode, o.key)
      const box = CITY_BOXES[o.city]
      assert.ok(box, `${o.key}: no box for ${o.city}`)
      const [minLat, maxLat, minLng, maxLng] = box
      assert.ok(
        o.lat >= minLat && o.lat <= maxLat && o.lng >= minLng && o.lng <= maxLng,
        `${o.key} is not in ${o.city}`,
      )
      const province = findProvince(o.provinceCode)
      for (const p of o.phones)
        assert.ok(
          p.startsWith(`${province?.areaCode}-`),
          `${o.key}: ${p} is not a ${province?.nameFa} number`,
        )
    }
  })

  it('include Thursday half days, afternoon shifts, a future exception and a closure', () => {
    assert.ok(DEMO_OFFICES.some((o) => (o.hours.thu ?? []).length > 0))
    assert.ok(
      DEMO_OFFICES.some((o) => Object.values(o.hours).some((list) => (list ?? []).length > 1)),
    )
    assert.ok(DEMO_OFFICES.some((o) => (o.exceptions ?? []).some((e) => e.day > '2026-11-22')))
    assert.ok(DEMO_OFFICES.some((o) => (o.closures ?? []).length > 0))
  })

  it('serve demo services: many services belong to agencies with offices', () => {
    const withOffices = new Set(DEMO_OFFICES.map((o) => o.agencyKey))
    const served = DEMO_SERVICES.filter((s) => withOffices.has(s.agencyKey))
    assert.ok(served.length >= 20, String(served.length))
  })
})
