import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { DeclaredTime } from '../../services/index.ts'
import {
  declaredTimeToDuration,
  IRAN_IRI,
  IRR_IRI,
  type JsonLdDocument,
  type JsonLdNode,
  type JsonLdValue,
  toCpsvAp,
} from './cpsv-ap.ts'
import { nationalSample, provincialSample, SAMPLE_BASE_URL } from './samples.ts'
import { type ShaclResult, validateAgainstCpsvShapes } from './shacl.ts'

const CV = 'http://data.europa.eu/m8g/'
const DCT = 'http://purl.org/dc/terms/'
const SH = 'http://www.w3.org/ns/shacl#'

function nodeById(doc: JsonLdDocument, id: string): JsonLdNode {
  const n = doc['@graph'].find((x) => x['@id'] === id)
  assert.ok(n, `no node ${id}`)
  return n
}

function nodesOfType(doc: JsonLdDocument, type: string): JsonLdNode[] {
  return doc['@graph'].filter((n) => {
    const t = n['@type']
    return t === type || (Array.isArray(t) && t.includes(type))
  })
}

function ids(v: JsonLdValue | undefined): string[] {
  if (v === undefined) return []
  const list = Array.isArray(v) ? v : [v]
  return list.map((x) => {
    assert.ok(typeof x === 'object' && !Array.isArray(x) && typeof x['@id'] === 'string')
    return x['@id']
  })
}

function service(doc: JsonLdDocument): JsonLdNode {
  const s = doc['@graph'][0]
  assert.ok(s)
  assert.equal(s['@type'], 'cpsv:PublicService')
  return s
}

function explain(r: ShaclResult): string {
  return r.violations.map((v) => `${v.focusNode} ${v.path}: ${v.message}`).join('\n')
}

describe('toCpsvAp: conformance to the official CPSV-AP 3.2.0 shapes', () => {
  for (const [name, sample] of [
    ['national organisation', nationalSample],
    ['provincial office with ancestry', provincialSample],
  ] as const) {
    it(`${name}: conforms with no violations`, async () => {
      const r = await validateAgainstCpsvShapes(toCpsvAp(sample()))
      assert.equal(r.violations.length, 0, explain(r))
      assert.equal(r.conforms, true)
    })
  }

  it('an empty-ish card (no documents, fees, laws, time, events) still conforms', async () => {
    const input = nationalSample()
    const c = input.version.content
    Object.assign(c, {
      description: '',
      legalBases: [],
      documents: [],
      noDocumentsRequired: true,
      fees: [],
      declaredTime: null,
      lifeEvents: [],
      audiences: [],
      keywords: [],
      output: null,
      eligibility: null,
      contact: { phone: null, email: null, url: null },
      nationalServiceCode: null,
    })
    const r = await validateAgainstCpsvShapes(toCpsvAp(input))
    assert.equal(r.violations.length, 0, explain(r))
  })
})

describe('toCpsvAp: negative controls (the check can fail)', () => {
  it('without the competent authority: sh:minCount violation on cv:hasCompetentAuthority', async () => {
    const doc = toCpsvAp(nationalSample())
    const s = service(doc)
    delete s['cv:hasCompetentAuthority']
    const r = await validateAgainstCpsvShapes(doc)
    assert.equal(r.conforms, false)
    const v = r.violations.find((x) => x.path === `${CV}hasCompetentAuthority`)
    assert.ok(v, explain(r))
    assert.equal(v.focusNode, s['@id'])
    assert.equal(v.constraint, `${SH}MinCountConstraintComponent`)
    assert.equal(v.severity, `${SH}Violation`)
    assert.match(v.message, /minCount 1/)
  })

  it('without the title: violation on dct:title', async () => {
    const doc = toCpsvAp(provincialSample())
    delete service(doc)['dct:title']
    const r = await validateAgainstCpsvShapes(doc)
    assert.equal(r.conforms, false)
    assert.ok(
      r.violations.some((x) => x.path === `${DCT}title`),
      explain(r),
    )
  })

  it('a title without a language tag breaks sh:datatype rdf:langString', async () => {
    const doc = toCpsvAp(nationalSample())
    service(doc)['dct:title'] = 'صدور کارت هوشمند ملی'
    const r = await validateAgainstCpsvShapes(doc)
    assert.ok(
      r.violations.some(
        (x) => x.path === `${DCT}title` && x.constraint === `${SH}DatatypeConstraintComponent`,
      ),
      explain(r),
    )
  })

  it('a cost typed xsd:integer breaks sh:datatype xsd:double', async () => {
    const doc = toCpsvAp(nationalSample())
    const cost = nodesOfType(doc, 'cv:Cost')[1]
    assert.ok(cost)
    cost['cv:hasValue'] = { '@value': 3000000, '@type': 'xsd:integer' }
    const r = await validateAgainstCpsvShapes(doc)
    assert.equal(r.conforms, false)
    assert.ok(
      r.violations.some((x) => x.path === `${CV}hasValue` && x.focusNode === cost['@id']),
      explain(r),
    )
  })

  it('an untyped authority IRI breaks sh:class (currency must be a skos:Concept in the data)', async () => {
    const doc = toCpsvAp(nationalSample())
    delete nodeById(doc, IRR_IRI)['@type']
    const r = await validateAgainstCpsvShapes(doc)
    assert.ok(
      r.violations.some(
        (x) =>
          x.path === `${CV}currency` &&
          x.value === IRR_IRI &&
          x.constraint === `${SH}ClassConstraintComponent`,
      ),
      explain(r),
    )
  })

  it('two identifiers on a piece of evidence break sh:maxCount 1', async () => {
    const doc = toCpsvAp(nationalSample())
    const ev = nodesOfType(doc, 'cv:Evidence')[0]
    assert.ok(ev)
    ev['dct:identifier'] = ['a', 'b']
    const r = await validateAgainstCpsvShapes(doc)
    assert.ok(
      r.violations.some((x) => x.path === `${DCT}identifier` && x.focusNode === ev['@id']),
      explain(r),
    )
  })

  it('never fetches a remote context', async () => {
    await assert.rejects(
      validateAgainstCpsvShapes({ '@context': 'https://schema.org', '@type': 'Thing' }),
      (err: { details?: { code?: string; cause?: Error } }) =>
        err.details?.code === 'loading remote context failed' &&
        /not loaded/.test(err.details.cause?.message ?? ''),
    )
  })

  it('a key that does not expand to an IRI is an error, not silently dropped (safe mode)', async () => {
    const doc = toCpsvAp(nationalSample())
    service(doc).hasCompetentAuthority = { '@id': `${SAMPLE_BASE_URL}/agencies/NOCR` }
    await assert.rejects(validateAgainstCpsvShapes(doc))
  })
})

describe('toCpsvAp: content', () => {
  const doc = toCpsvAp(nationalSample())
  const s = service(doc)
  const base = `${SAMPLE_BASE_URL}/services/national-smart-card`

  it('is self-contained JSON-LD with stable IRIs under baseUrl', () => {
    assert.equal(typeof doc['@context'], 'object')
    assert.equal(s['@id'], base)
    const all = doc['@graph'].map((n) => n['@id'])
    assert.equal(new Set(all).size, all.length, 'node IRIs are unique')
    assert.deepEqual(ids(s['cv:hasCost']), [
      `${base}/v/3#cost-1`,
      `${base}/v/3#cost-2`,
      `${base}/v/3#cost-3`,
    ])
    assert.deepEqual(ids(s['cv:hasCompetentAuthority']), [`${SAMPLE_BASE_URL}/agencies/NOCR`])
    assert.deepEqual(ids(s['cv:hasLegalResource']), [
      `${SAMPLE_BASE_URL}/laws/law-national-id`,
      `${SAMPLE_BASE_URL}/laws/reg-smart-card`,
    ])
  })

  it('has Persian title and description, keywords and the version date', () => {
    assert.deepEqual(s['dct:title'], { '@language': 'fa', '@value': 'صدور کارت هوشمند ملی' })
    assert.equal((s['dct:description'] as JsonLdNode)['@language'], 'fa')
    assert.equal((s['dcat:keyword'] as JsonLdValue[]).length, 3)
    assert.deepEqual(s['dct:modified'], {
      '@value': '2025-03-01T08:00:00.000Z',
      '@type': 'xsd:dateTime',
    })
  })

  it('states costs in rials as xsd:double, the free one as 0', () => {
    const values = nodesOfType(doc, 'cv:Cost').map((c) => c['cv:hasValue'])
    assert.deepEqual(values, [
      { '@value': 0, '@type': 'xsd:double' },
      { '@value': 3_000_000, '@type': 'xsd:double' },
      { '@value': 1_500_000, '@type': 'xsd:double' }, // 150,000 toman
    ])
    for (const c of nodesOfType(doc, 'cv:Cost')) assert.deepEqual(ids(c['cv:currency']), [IRR_IRI])
  })

  it('cites each article as a rule implementing the law', () => {
    const rules = nodesOfType(doc, 'cpsv:Rule')
    assert.equal(rules.length, 2)
    assert.deepEqual(rules[0]?.['dct:title'], {
      '@language': 'fa',
      '@value': 'ماده ۱ قانون الزام اخذ شماره ملی و کد پستی برای کلیه اتباع ایرانی',
    })
    assert.deepEqual(ids(rules[1]?.['cpsv:implements']), [`${SAMPLE_BASE_URL}/laws/reg-smart-card`])
  })

  it('lists documents as evidence and life events as events', () => {
    assert.equal(nodesOfType(doc, 'cv:Evidence').length, 3)
    assert.deepEqual(ids(s['cv:isGroupedBy']), [
      `${SAMPLE_BASE_URL}/life-events/documents`,
      `${SAMPLE_BASE_URL}/life-events/birth`,
    ])
    assert.equal(nodesOfType(doc, 'cv:LifeEvent').length, 2)
  })

  it('processing time: 15 working days → P21D', () => {
    assert.deepEqual(s['cv:processingTime'], { '@value': 'P21D', '@type': 'xsd:duration' })
  })

  it('a provincial office: the province in its spatial, the service and the ancestry chain', () => {
    const p = toCpsvAp(provincialSample())
    const office = nodeById(p, `${SAMPLE_BASE_URL}/agencies/NOCR-04`)
    const isfahan = `${SAMPLE_BASE_URL}/provinces/isfahan`
    assert.deepEqual(ids(office['dct:spatial']), [IRAN_IRI, isfahan])
    assert.deepEqual(ids(office['org:subOrganizationOf']), [`${SAMPLE_BASE_URL}/agencies/NOCR`])
    const org = nodeById(p, `${SAMPLE_BASE_URL}/agencies/NOCR`)
    assert.deepEqual(ids(org['org:subOrganizationOf']), [`${SAMPLE_BASE_URL}/agencies/MOI`])
    assert.deepEqual(ids(service(p)['dct:spatial']), [isfahan])
    assert.deepEqual(service(p)['cv:processingTime'], { '@value': 'PT2H', '@type': 'xsd:duration' })
    // Two articles of one law: one legal resource, two rules (plus one for the other law).
    assert.equal(nodesOfType(p, 'eli:LegalResource').length, 2)
    assert.equal(nodesOfType(p, 'cpsv:Rule').length, 3)
  })
})

describe('declaredTimeToDuration', () => {
  const cases: [DeclaredTime, string][] = [
    [{ kind: 'fixed', value: 30, unit: 'minute' }, 'PT30M'],
    [{ kind: 'fixed', value: 2, unit: 'hour' }, 'PT2H'],
    [{ kind: 'fixed', value: 1.5, unit: 'hour' }, 'PT90M'],
    [{ kind: 'fixed', value: 10, unit: 'calendar_day' }, 'P10D'],
    [{ kind: 'fixed', value: 5, unit: 'working_day' }, 'P7D'],
    [{ kind: 'up_to', max: 15, unit: 'working_day' }, 'P21D'],
    [{ kind: 'up_to', max: 1, unit: 'working_day' }, 'P2D'],
    [{ kind: 'between', min: 7, max: 10, unit: 'working_day' }, 'P14D'],
    [{ kind: 'between', min: 1, max: 2, unit: 'week' }, 'P14D'],
    [{ kind: 'up_to', max: 3, unit: 'month' }, 'P3M'],
  ]
  for (const [t, expected] of cases) {
    it(`${JSON.stringify(t)} → ${expected}`, () => {
      assert.equal(declaredTimeToDuration(t), expected)
    })
  }

  it('every kind validates as xsd:duration against the shapes', async () => {
    for (const [t] of cases) {
      const input = provincialSample()
      input.version.content.declaredTime = t
      const r = await validateAgainstCpsvShapes(toCpsvAp(input))
      assert.equal(r.violations.length, 0, `${JSON.stringify(t)}\n${explain(r)}`)
    }
  })
})

describe('toCpsvAp: channels (R12)', () => {
  const withChannels = () => {
    const input = nationalSample()
    const content = input.version.content
    input.version = {
      ...input.version,
      content: {
        ...content,
        channels: [
          {
            id: 'ch-online',
            kind: 'e_service',
            title: 'سامانهٔ درخواست',
            url: 'https://my.gov.ir/sample',
            phone: null,
            code: null,
            signIn: 'national_sso',
            signatureRequired: true,
            note: null,
          },
          {
            id: 'ch-phone',
            kind: 'phone',
            title: 'مرکز تماس',
            url: null,
            phone: '021-88881234',
            code: null,
            signIn: 'none',
            signatureRequired: false,
            note: 'شنبه تا چهارشنبه',
          },
          {
            id: 'ch-sms',
            kind: 'sms_ussd',
            title: 'کد دستوری',
            url: null,
            phone: null,
            code: '*724#',
            signIn: 'none',
            signatureRequired: false,
            note: null,
          },
          {
            id: 'ch-desk',
            kind: 'counter_office',
            title: 'دفاتر پیشخوان',
            url: null,
            phone: null,
            code: null,
            signIn: 'none',
            signatureRequired: false,
            note: null,
          },
        ],
      },
    }
    return input
  }

  it('exports each channel as cv:Channel, typed and owned by the agency, and conforms', async () => {
    const input = withChannels()
    const doc = toCpsvAp(input)
    const s = service(doc)
    const channels = nodesOfType(doc, 'cv:Channel')
    assert.equal(channels.length, 4)
    assert.deepEqual(ids(s['cv:hasChannel']).sort(), channels.map((c) => String(c['@id'])).sort())
    const online = channels.find((c) => c['dct:identifier'] === 'ch-online')
    assert.ok(online)
    const [type] = ids(online['dct:type'])
    assert.ok(type?.endsWith('/vocab/channel-type/e_service'))
    assert.equal(nodeById(doc, type ?? '')['@type'], 'skos:Concept')
    assert.deepEqual(ids(online['cv:ownedBy']), [ids(s['cv:hasCompetentAuthority'])[0]])
    assert.deepEqual(ids(online['foaf:page']), ['https://my.gov.ir/sample'])
    // The phone line is also a contact point of the service.
    const phones = ids(s['cv:contactPoint']).map((id) => nodeById(doc, id)['cv:telephone'])
    assert.ok(phones.includes('021-88881234'))
    const r = await validateAgainstCpsvShapes(doc)
    assert.equal(r.violations.length, 0, explain(r))
  })

  it('negative control: a channel without its identifier breaks sh:minCount', async () => {
    const doc = toCpsvAp(withChannels())
    const ch = nodesOfType(doc, 'cv:Channel')[0]
    assert.ok(ch)
    delete ch['dct:identifier']
    const r = await validateAgainstCpsvShapes(doc)
    assert.ok(
      r.violations.some((v) => v.focusNode === ch['@id'] && v.path === `${DCT}identifier`),
      explain(r),
    )
  })

  it('negative control: a channel type that is not a skos:Concept in the data breaks sh:class', async () => {
    const doc = toCpsvAp(withChannels())
    const ch = nodesOfType(doc, 'cv:Channel')[0]
    assert.ok(ch)
    ch['dct:type'] = { '@id': 'https://example.ir/untyped-channel-type' }
    const r = await validateAgainstCpsvShapes(doc)
    assert.ok(
      r.violations.some((v) => v.focusNode === ch['@id'] && v.path === `${DCT}type`),
      explain(r),
    )
  })
})

describe('toCpsvAp: offices as physical channels', () => {
  const office = {
    id: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b',
    name: 'ادارهٔ ثبت احوال منطقهٔ ۶',
    address: 'خیابان کارگر شمالی، پلاک ۱۲',
    city: 'تهران',
    provinceCode: '23',
    postalCode: '1411713111',
    phones: ['02188881234'],
    email: 'office6@example.ir',
    hours: {
      sat: [{ start: 450, end: 870 }],
      sun: [{ start: 450, end: 870 }],
      mon: [],
      tue: [],
      wed: [{ start: 450, end: 810 }],
      thu: [],
      fri: [],
    },
  }

  it('an office becomes a cv:Channel with a locn:Address and opening hours, and conforms', async () => {
    const doc = toCpsvAp({ ...nationalSample(), offices: [office] })
    const iri = `${SAMPLE_BASE_URL}/offices/${office.id}`
    const ch = nodeById(doc, iri)
    assert.equal(ch['@type'], 'cv:Channel')
    assert.ok(ids(service(doc)['cv:hasChannel']).includes(iri))
    const address = nodeById(doc, ids(ch['locn:address'])[0] ?? '')
    assert.equal(address['@type'], 'locn:Address')
    assert.equal(address['locn:postCode'], '1411713111')
    const hours = nodeById(doc, ids(ch['cv:openingHours'])[0] ?? '')
    assert.equal(hours['@type'], 'time:TemporalEntity')
    assert.match(JSON.stringify(hours['dct:description']), /شنبه ۷:۳۰ تا ۱۴:۳۰/)
    const contact = nodeById(doc, `${iri}#contact`)
    assert.equal(contact['cv:telephone'], '02188881234')
    assert.deepEqual(ids(contact['cv:openingHours']), [hours['@id']])
    assert.ok(ids(service(doc)['cv:contactPoint']).includes(`${iri}#contact`))
    const r = await validateAgainstCpsvShapes(doc)
    assert.equal(r.violations.length, 0, explain(r))
  })

  it('negative control: an address line without a language tag breaks rdf:langString', async () => {
    const doc = toCpsvAp({ ...nationalSample(), offices: [office] })
    const address = nodeById(doc, `${SAMPLE_BASE_URL}/offices/${office.id}#address`)
    address['locn:fullAddress'] = 'no language'
    const r = await validateAgainstCpsvShapes(doc)
    assert.ok(
      r.violations.some((v) => v.path === 'http://www.w3.org/ns/locn#fullAddress'),
      explain(r),
    )
  })
})
