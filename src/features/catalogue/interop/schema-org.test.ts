import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { JsonLdNode } from './cpsv-ap.ts'
import { nationalSample, provincialSample, SAMPLE_BASE_URL } from './samples.ts'
import {
  jsonLdScriptTag,
  serializeJsonLdForHtml,
  toSchemaOrgGovernmentService,
} from './schema-org.ts'

const obj = (v: unknown): JsonLdNode => {
  assert.ok(v !== null && typeof v === 'object' && !Array.isArray(v))
  return v as JsonLdNode
}

describe('toSchemaOrgGovernmentService', () => {
  it('a national service: GovernmentService by a GovernmentOrganization, serving Iran', () => {
    const g = toSchemaOrgGovernmentService(nationalSample())
    assert.equal(g['@context'], 'https://schema.org')
    assert.equal(g['@type'], 'GovernmentService')
    assert.equal(g['@id'], `${SAMPLE_BASE_URL}/services/national-smart-card`)
    assert.equal(g.name, 'صدور کارت هوشمند ملی')
    assert.equal(typeof g.description, 'string')
    assert.deepEqual(g.serviceType, ['مدارک و گواهی‌نامه‌ها', 'تولد'])

    const provider = obj(g.provider)
    assert.equal(provider['@type'], 'GovernmentOrganization')
    assert.equal(provider.name, 'سازمان ثبت احوال کشور')
    assert.equal(provider.url, 'https://www.sabteahval.ir/')
    assert.equal(obj(provider.parentOrganization).name, 'وزارت کشور')

    assert.deepEqual(g.areaServed, { '@type': 'Country', name: 'ایران', identifier: 'IR' })
    assert.deepEqual(g.audience, [{ '@type': 'Audience', audienceType: 'شهروندان' }])
    assert.equal(obj(g.availableChannel).serviceUrl, 'https://smart.sabteahval.ir/')
    assert.deepEqual(g.termsOfService, [
      'ماده ۱ قانون الزام اخذ شماره ملی و کد پستی برای کلیه اتباع ایرانی',
      'ماده ۴ آیین‌نامه اجرایی صدور کارت هوشمند ملی',
    ])
    assert.ok(Array.isArray(g.offers))
    assert.deepEqual(
      g.offers.map((o) => [obj(o).price, obj(o).priceCurrency]),
      [
        [0, 'IRR'],
        [3_000_000, 'IRR'],
        [1_500_000, 'IRR'],
      ],
    )
  })

  it('a provincial office: the province (in Iran) as the area, the agency page as url', () => {
    const g = toSchemaOrgGovernmentService(provincialSample())
    assert.deepEqual(g.areaServed, {
      '@type': 'AdministrativeArea',
      name: 'استان اصفهان',
      containedInPlace: { '@type': 'Country', name: 'ایران', identifier: 'IR' },
    })
    const provider = obj(g.provider)
    assert.equal(provider.url, `${SAMPLE_BASE_URL}/agencies/NOCR-04`)
    assert.equal(obj(obj(provider.parentOrganization).parentOrganization).name, 'وزارت کشور')
    assert.equal(g.availableChannel, undefined, 'no URL, no channel')
  })
})

describe('jsonLdScriptTag', () => {
  const hostile = {
    name: '</script><script>alert(1)</script>',
    comment: '<!-- & --> \u2028\u2029',
  }

  it('cannot be broken out of', () => {
    const tag = jsonLdScriptTag(hostile)
    assert.ok(tag.startsWith('<script type="application/ld+json">'))
    assert.ok(tag.endsWith('</script>'))
    const body = tag.slice('<script type="application/ld+json">'.length, -'</script>'.length)
    assert.doesNotMatch(body, /[<>&\u2028\u2029]/)
    assert.match(body, /\\u003c\/script\\u003e/)
    assert.equal(tag.toLowerCase().split('</script').length, 2, 'only the closing tag')
  })

  it('stays valid JSON with the same data', () => {
    assert.deepEqual(JSON.parse(serializeJsonLdForHtml(hostile)), hostile)
    const g = toSchemaOrgGovernmentService(nationalSample())
    assert.deepEqual(JSON.parse(serializeJsonLdForHtml(g)), g)
  })
})
