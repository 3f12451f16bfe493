/**
 * Export of a published service version as CPSV-AP 3.2.0 JSON-LD (DESIGN §7).
 *
 * The output is one self-contained JSON-LD document: an inline `@context` of prefixes only
 * (no remote context is ever fetched) and a flat `@graph`, the `cpsv:PublicService` first.
 * Every node conforms to the official shapes in `shared/standards/cpsv-ap-3.2.0/cpsv-ap-SHACL.ttl`
 * (checked by `shacl.ts` in the tests). Two things the shapes force that are easy to miss:
 *
 * - `sh:class` is checked against `rdf:type` triples *in the data graph*, with no reasoning.
 *   So every object of a class-constrained property is typed here, including the EU authority
 *   IRIs (Iran as `dct:Location`, the rial as `skos:Concept`, Persian as `dct:LinguisticSystem`,
 *   the ADMS status as `skos:Concept`), and a life event is typed both `cv:LifeEvent` and
 *   `cv:Event` (the service's `cv:isGroupedBy` wants `cv:Event`). The official example itself
 *   fails on exactly this (its `atu/BEL`, channel type and frequency IRIs are untyped).
 * - `dct:identifier` is exactly one per node (minCount 1, maxCount 1) on the service, Rule,
 *   Evidence, Cost, Output, Event and Requirement, and text properties are `rdf:langString`.
 *
 * IRIs are stable and live under `${baseUrl}/`: the service `/services/<slug>` (stable across
 * versions), version-specific parts `/services/<slug>/v/<n>#cost-1`, agencies `/agencies/<code>`,
 * laws `/laws/<id>`, provinces `/provinces/<slug>`, life events `/life-events/<code>` and our
 * own code lists `/vocab/<scheme>/<code>`.
 */

import { formatNumberFa, toPersianDigits } from '../../../lib/fa/index.ts'
import { findProvince, type Province } from '../../../lib/iran/provinces.ts'
import type { Agency } from '../../agencies/index.ts'
import { CHANNEL_KIND_LABELS, SIGN_IN_LABELS } from '../../channels/index.ts'
import type { CitedLaw, LawKind } from '../../laws/index.ts'
import { serviceTotal } from '../../processes/index.ts'
import {
  AUDIENCE_LABELS,
  type DeclaredTime,
  DOCUMENT_FORM_LABELS,
  type Fee,
  feeText,
  LEVEL_LABELS,
  type LegalBasis,
  LIFE_EVENT_LABELS,
  type LifeEvent,
  NATURE_LABELS,
  type RequiredDocument,
  type ServiceChannel,
  type ServiceContent,
} from '../../services/index.ts'

export interface CpsvInput {
  /** The portal's public origin, e.g. `https://mardom.gov.ir` (a trailing `/` is ignored). */
  baseUrl: string
  service: { id: string; slug: string }
  version: { versionNo: number; content: ServiceContent; publishedAt: Date }
  /** The competent authority: the agency that owns the service. */
  agency: Agency
  /** The agency's ancestry, top first (ministry → … → direct parent); may be empty. */
  parentAgencies: Agency[]
  /** The laws cited in `content.legalBases`. */
  laws: CitedLaw[]
  /** The offices linked in `content.offices` (physical channels); absent or empty: none. */
  offices?: CpsvOffice[]
}

/** An office that delivers the service in person: what the export says about it. */
export interface CpsvOffice {
  id: string
  name: string
  address: string
  city: string
  provinceCode: string
  postalCode: string
  phones: string[]
  email: string | null
  /** Weekly opening hours, minutes after Tehran midnight, Saturday first. */
  hours: Record<OfficeWeekday, { start: number; end: number }[]>
}

export const OFFICE_WEEKDAYS = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'] as const
export type OfficeWeekday = (typeof OFFICE_WEEKDAYS)[number]

export type JsonLdValue = string | number | boolean | JsonLdNode | JsonLdValue[]
export interface JsonLdNode {
  [key: string]: JsonLdValue
}

export interface JsonLdDocument {
  '@context': typeof CPSV_CONTEXT
  '@graph': JsonLdNode[]
}

/** The inline context: prefixes only, so every key in the document is an explicit CURIE. */
export const CPSV_CONTEXT = {
  cpsv: 'http://purl.org/vocab/cpsv#',
  cv: 'http://data.europa.eu/m8g/',
  dct: 'http://purl.org/dc/terms/',
  dcat: 'http://www.w3.org/ns/dcat#',
  adms: 'http://www.w3.org/ns/adms#',
  eli: 'http://data.europa.eu/eli/ontology#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  org: 'http://www.w3.org/ns/org#',
  owl: 'http://www.w3.org/2002/07/owl#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  locn: 'http://www.w3.org/ns/locn#',
  time: 'http://www.w3.org/2006/time#',
} as const

/** EU Publications Office authority tables (the IRIs CPSV-AP recommends for these code lists). */
export const IRAN_IRI = 'http://publications.europa.eu/resource/authority/country/IRN'
export const IRR_IRI = 'http://publications.europa.eu/resource/authority/currency/IRR'
export const PERSIAN_IRI = 'http://publications.europa.eu/resource/authority/language/FAS'
/** ADMS status vocabulary: a published version is "Completed". */
export const STATUS_COMPLETED_IRI = 'http://purl.org/adms/status/Completed'

export const IRAN_NAME_FA = 'ایران'

const LAW_KIND_LABELS: Record<LawKind, string> = {
  law: 'قانون',
  regulation: 'آیین‌نامه',
  bylaw: 'دستورالعمل',
  circular: 'بخشنامه',
}

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by schema-org.ts)

export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '')
}

const seg = (s: string) => encodeURIComponent(s)

export function serviceIri(input: CpsvInput): string {
  return `${trimBase(input.baseUrl)}/services/${seg(input.service.slug)}`
}

export function versionIri(input: CpsvInput): string {
  return `${serviceIri(input)}/v/${input.version.versionNo}`
}

export function agencyIri(baseUrl: string, agency: Agency): string {
  return `${trimBase(baseUrl)}/agencies/${seg(agency.code)}`
}

export function lawIri(baseUrl: string, lawId: string): string {
  return `${trimBase(baseUrl)}/laws/${seg(lawId)}`
}

function provinceIri(baseUrl: string, p: Province): string {
  return `${trimBase(baseUrl)}/provinces/${seg(p.slug)}`
}

/** An absolute http(s) URL, or null: free-text fields must not become relative IRIs. */
export function absoluteUrl(s: string | null | undefined): string | null {
  if (!s) return null
  const t = s.trim()
  if (!URL.canParse(t)) return null
  const u = new URL(t)
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
}

/** The province an agency sits in, if any. */
export function agencyProvince(agency: Agency): Province | undefined {
  return agency.provinceCode ? findProvince(agency.provinceCode) : undefined
}

/** Whether the service is delivered province-wide (not nationally) by this agency. */
export function servedProvince(input: CpsvInput): Province | undefined {
  const level = input.version.content.level
  return level === 'national' ? undefined : agencyProvince(input.agency)
}

/** The amount in rials: toman (IRT, not an ISO 4217 code) is ten rials. */
export function amountInRials(fee: Fee): number {
  return fee.currency === 'IRT' ? fee.amount * 10 : fee.amount
}

/** «ماده ۱۲ قانون ثبت احوال», or the law title alone when no article is cited. */
export function legalBasisTitle(basis: LegalBasis, law: CitedLaw | undefined): string {
  const title = law?.title ?? basis.lawId
  const article = basis.article?.trim()
  if (!article) return title
  const label = /^(ماده|بند|تبصره|اصل|فصل)/.test(article) ? article : `ماده ${article}`
  return `${toPersianDigits(label)} ${title}`
}

/**
 * `cv:processingTime` (xsd:duration, at most one value) from the service's one total time
 * (`serviceTotal`: its process's rounded maximum, or the declared time when it has no process),
 * given here as a time of that shape.
 *
 * - fixed → its value; «up to» and «between» → the maximum: the duration is what the
 *   service promises, so the upper bound is the honest single figure.
 * - minute/hour → PTnM/PTnH; calendar day → PnD; week → P(7n)D (xsd:duration has no weeks);
 *   month → PnM.
 * - working day → calendar days, ceil(n × 7 / 5): Iranian government offices work five days a
 *   week (Saturday–Wednesday; Thursday and Friday closed), so n working days span about
 *   7n/5 calendar days. Official holidays are not counted, so this is a lower bound for long
 *   spans near Nowruz; the exact working-day figure stays on the card.
 * - Fractions go down one unit (1.5 hours → PT90M) because xsd:duration only allows a
 *   fractional seconds field.
 */
export function declaredTimeToDuration(t: DeclaredTime): string {
  const n = t.kind === 'fixed' ? t.value : t.max
  const whole = Number.isInteger(n)
  switch (t.unit) {
    case 'minute':
      return whole ? `PT${n}M` : `PT${Math.ceil(n * 60)}S`
    case 'hour':
      return whole ? `PT${n}H` : `PT${Math.ceil(n * 60)}M`
    case 'calendar_day':
      return whole ? `P${n}D` : `PT${Math.ceil(n * 24)}H`
    case 'week': {
      const days = n * 7
      return Number.isInteger(days) ? `P${days}D` : `PT${Math.ceil(days * 24)}H`
    }
    case 'month':
      return whole ? `P${n}M` : `P${Math.ceil(n * 30)}D`
    case 'working_day':
      return `P${Math.ceil((n * 7) / 5)}D`
  }
}

// ---------------------------------------------------------------------------------------------
// JSON-LD building blocks

const fa = (value: string): JsonLdNode => ({ '@language': 'fa', '@value': value })
const en = (value: string): JsonLdNode => ({ '@language': 'en', '@value': value })
const ref = (iri: string): JsonLdNode => ({ '@id': iri })
const typed = (value: string | number, datatype: string): JsonLdNode => ({
  '@value': value,
  '@type': datatype,
})

/** Collects graph nodes by IRI; a node added twice keeps its first description. */
class Graph {
  readonly nodes = new Map<string, JsonLdNode>()
  add(node: JsonLdNode & { '@id': string }): string {
    if (!this.nodes.has(node['@id'])) this.nodes.set(node['@id'], node)
    return node['@id']
  }
}

/** A concept of one of our own code lists, `${baseUrl}/vocab/<scheme>/<code>`. */
function concept(g: Graph, baseUrl: string, scheme: string, code: string, label: string): string {
  return g.add({
    '@id': `${trimBase(baseUrl)}/vocab/${scheme}/${seg(code)}`,
    '@type': 'skos:Concept',
    'skos:prefLabel': fa(label),
    'skos:notation': code,
    'skos:inScheme': ref(`${trimBase(baseUrl)}/vocab/${scheme}`),
  })
}

function iran(g: Graph): string {
  return g.add({
    '@id': IRAN_IRI,
    '@type': 'dct:Location',
    'skos:prefLabel': [fa(IRAN_NAME_FA), en('Iran')],
  })
}

function province(g: Graph, baseUrl: string, p: Province): string {
  return g.add({
    '@id': provinceIri(baseUrl, p),
    '@type': 'dct:Location',
    'skos:prefLabel': [fa(`استان ${p.nameFa}`), en(`${p.nameEn} Province`)],
    'dct:isPartOf': ref(iran(g)),
  })
}

function organisation(g: Graph, baseUrl: string, a: Agency, parent: Agency | undefined): string {
  const p = agencyProvince(a)
  const home = absoluteUrl(a.website)
  return g.add({
    '@id': agencyIri(baseUrl, a),
    '@type': ['cv:PublicOrganisation', 'org:Organization'],
    'dct:identifier': a.code,
    'skos:prefLabel': a.nameEn ? [fa(a.nameFa), en(a.nameEn)] : fa(a.nameFa),
    ...(a.shortNameFa ? { 'skos:altLabel': fa(a.shortNameFa) } : {}),
    'dct:spatial': p ? [ref(iran(g)), ref(province(g, baseUrl, p))] : ref(iran(g)),
    ...(parent ? { 'org:subOrganizationOf': ref(agencyIri(baseUrl, parent)) } : {}),
    ...(home ? { 'foaf:homepage': ref(home) } : {}),
  })
}

function legalResource(
  g: Graph,
  baseUrl: string,
  lawId: string,
  law: CitedLaw | undefined,
): string {
  const page = absoluteUrl(law?.url)
  const date = law?.approvedOn && /^\d{4}-\d{2}-\d{2}$/.test(law.approvedOn) ? law.approvedOn : null
  return g.add({
    '@id': lawIri(baseUrl, lawId),
    '@type': 'eli:LegalResource',
    'dct:identifier': lawId,
    ...(law
      ? {
          'dct:title': fa(law.title),
          'eli:type_document': ref(
            concept(g, baseUrl, 'law-kind', law.kind, LAW_KIND_LABELS[law.kind]),
          ),
        }
      : {}),
    ...(law?.number ? { 'eli:id_local': law.number } : {}),
    ...(date ? { 'eli:date_document': typed(date, 'xsd:date') } : {}),
    ...(page ? { 'foaf:page': ref(page) } : {}),
  })
}

function documentDescription(d: RequiredDocument): string {
  const parts = [
    d.count > 1
      ? `${DOCUMENT_FORM_LABELS[d.form]}، ${formatNumberFa(d.count)} نسخه`
      : DOCUMENT_FORM_LABELS[d.form],
  ]
  if (d.issuer?.trim()) parts.push(`صادرکننده: ${d.issuer.trim()}`)
  if (d.obtainableByInquiry) {
    parts.push('دستگاه این مدرک را از راه استعلام دریافت می‌کند و ارائهٔ آن لازم نیست')
  }
  if (d.note?.trim()) parts.push(d.note.trim())
  return parts.join('؛ ')
}

function lifeEvent(g: Graph, baseUrl: string, e: LifeEvent): string {
  const business = e === 'business'
  return g.add({
    '@id': `${trimBase(baseUrl)}/life-events/${e}`,
    '@type': ['cv:Event', business ? 'cv:BusinessEvent' : 'cv:LifeEvent'],
    'dct:identifier': e,
    'dct:title': fa(LIFE_EVENT_LABELS[e]),
  })
}

/** A channel's description: how it is reached and what it asks of people. */
function channelDescription(ch: ServiceChannel): string {
  const parts = [ch.title, CHANNEL_KIND_LABELS[ch.kind]]
  if (ch.phone) parts.push(`تلفن ${toPersianDigits(ch.phone)}`)
  if (ch.code) parts.push(`کد ${ch.code}`)
  if (ch.kind === 'e_service' || ch.kind === 'mobile_app') parts.push(SIGN_IN_LABELS[ch.signIn])
  if (ch.signatureRequired) parts.push('نیاز به امضای الکترونیکی')
  if (ch.note?.trim()) parts.push(ch.note.trim())
  return parts.join('؛ ')
}

/**
 * A channel (R12) as `cv:Channel`: identified by its id (stable across versions), typed by a
 * concept of our channel-type code list, owned by the competent authority. Its web address, when
 * it has one, is its `foaf:page`; a phone channel also becomes a `cv:ContactPoint` of the service.
 */
function channel(
  g: Graph,
  baseUrl: string,
  ch: ServiceChannel,
  iri: string,
  owner: string,
): string {
  const page = absoluteUrl(ch.url)
  return g.add({
    '@id': iri,
    '@type': 'cv:Channel',
    'dct:identifier': ch.id,
    'dct:type': ref(concept(g, baseUrl, 'channel-type', ch.kind, CHANNEL_KIND_LABELS[ch.kind])),
    'dct:description': fa(channelDescription(ch)),
    'cv:ownedBy': ref(owner),
    ...(page ? { 'foaf:page': { '@id': page, '@type': 'foaf:Document' } } : {}),
  })
}

const WEEKDAY_FA: Record<OfficeWeekday, string> = {
  sat: 'شنبه',
  sun: 'یکشنبه',
  mon: 'دوشنبه',
  tue: 'سه‌شنبه',
  wed: 'چهارشنبه',
  thu: 'پنجشنبه',
  fri: 'جمعه',
}

const clockFa = (minutes: number) =>
  toPersianDigits(`${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`)

/** «شنبه ۷:۳۰ تا ۱۴:۳۰؛ …» for the days the office opens; null when no hours are known. */
export function weeklyHoursText(hours: CpsvOffice['hours']): string | null {
  const days = OFFICE_WEEKDAYS.filter((d) => hours[d].length > 0).map(
    (d) =>
      `${WEEKDAY_FA[d]} ${hours[d].map((i) => `${clockFa(i.start)} تا ${clockFa(i.end)}`).join(' و ')}`,
  )
  return days.length ? days.join('؛ ') : null
}

/**
 * An office as a physical `cv:Channel` (type «office», owned by the authority) with its
 * `locn:Address`, and a `cv:ContactPoint` with its phone, e-mail and opening hours (a
 * `time:TemporalEntity` described in words). Returns the channel's and contact point's IRIs.
 */
function officeChannel(
  g: Graph,
  baseUrl: string,
  o: CpsvOffice,
  owner: string,
): { channel: string; contact: string | null } {
  const iri = `${trimBase(baseUrl)}/offices/${seg(o.id)}`
  const p = findProvince(o.provinceCode)
  const hoursText = weeklyHoursText(o.hours)
  const hours = hoursText
    ? g.add({
        '@id': `${iri}#hours`,
        '@type': 'time:TemporalEntity',
        'dct:description': fa(`ساعت کار: ${hoursText}`),
      })
    : null
  const address = g.add({
    '@id': `${iri}#address`,
    '@type': 'locn:Address',
    'locn:fullAddress': fa(
      [o.address, o.city, p ? `استان ${p.nameFa}` : '', `کد پستی ${toPersianDigits(o.postalCode)}`]
        .filter((x) => x !== '')
        .join('، '),
    ),
    'locn:thoroughfare': fa(o.address),
    'locn:postName': fa(o.city),
    ...(p ? { 'locn:adminUnitL1': fa(`استان ${p.nameFa}`) } : {}),
    'locn:postCode': o.postalCode,
  })
  const channel = g.add({
    '@id': iri,
    '@type': 'cv:Channel',
    'dct:identifier': o.id,
    'dct:type': ref(concept(g, baseUrl, 'channel-type', 'office', 'مراجعهٔ حضوری به دفتر دستگاه')),
    'dct:description': fa(`${o.name}، ${o.address}، ${o.city}`),
    'cv:ownedBy': ref(owner),
    'locn:address': ref(address),
    ...(hours ? { 'cv:openingHours': ref(hours) } : {}),
  })
  const phone = o.phones[0]
  const contact =
    phone || o.email
      ? g.add({
          '@id': `${iri}#contact`,
          '@type': 'cv:ContactPoint',
          ...(phone ? { 'cv:telephone': phone } : {}),
          ...(o.email ? { 'cv:email': o.email } : {}),
          ...(hours ? { 'cv:openingHours': ref(hours) } : {}),
        })
      : null
  return { channel, contact }
}

const nonEmpty = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter((x) => x !== ''))]

// ---------------------------------------------------------------------------------------------

export function toCpsvAp(input: CpsvInput): JsonLdDocument {
  const { baseUrl, service, version, agency, parentAgencies, laws } = input
  const c = version.content
  const total = serviceTotal(c)
  const g = new Graph()
  const sIri = serviceIri(input)
  const vIri = versionIri(input)
  const part = (fragment: string) => `${vIri}#${fragment}`

  // The service node is built last but must come first in the graph.
  g.nodes.set(sIri, {})

  // Competent authority and its ancestry (top first; each points to its direct parent).
  const chain = [...parentAgencies, agency]
  for (const [i, a] of chain.entries()) organisation(g, baseUrl, a, chain[i - 1])
  const authority = agencyIri(baseUrl, agency)

  // Laws, and one rule per citation (the rule carries the article).
  const lawById = new Map(laws.map((l) => [l.id, l]))
  const legalResources = nonEmpty(c.legalBases.map((b) => b.lawId)).map((id) =>
    legalResource(g, baseUrl, id, lawById.get(id)),
  )
  const rules = c.legalBases.map((b, i) => {
    const law = lawById.get(b.lawId)
    const title = legalBasisTitle(b, law)
    return g.add({
      '@id': part(`rule-${i + 1}`),
      '@type': 'cpsv:Rule',
      'dct:identifier': part(`rule-${i + 1}`),
      'dct:title': fa(title),
      'dct:description': fa(b.note?.trim() || title),
      'cpsv:implements': ref(lawIri(baseUrl, b.lawId)),
      'dct:language': ref(persian(g)),
    })
  })

  // Eligibility as a requirement the documents support.
  const requirementIri = c.eligibility?.trim() ? part('requirement-1') : null
  const evidences = c.documents.map((d, i) =>
    g.add({
      '@id': part(`evidence-${i + 1}`),
      '@type': 'cv:Evidence',
      'dct:identifier': part(`evidence-${i + 1}`),
      'dct:title': fa(d.name),
      'dct:description': fa(documentDescription(d)),
      'dct:type': ref(concept(g, baseUrl, 'document-form', d.form, DOCUMENT_FORM_LABELS[d.form])),
      ...(requirementIri ? { 'cv:supportsRequirement': ref(requirementIri) } : {}),
    }),
  )
  if (requirementIri && c.eligibility) {
    g.add({
      '@id': requirementIri,
      '@type': 'cv:Requirement',
      'dct:identifier': requirementIri,
      'dct:title': fa('شرایط احراز'),
      'dct:description': fa(c.eligibility.trim()),
      ...(evidences.length ? { 'cv:hasSupportingEvidence': evidences.map(ref) } : {}),
    })
  }

  const costs = c.fees.map((f, i) =>
    g.add({
      '@id': part(`cost-${i + 1}`),
      '@type': 'cv:Cost',
      'dct:identifier': part(`cost-${i + 1}`),
      // xsd:double per the shape; a JSON number with this type becomes e.g. "2.5E5"^^xsd:double.
      'cv:hasValue': typed(amountInRials(f), 'xsd:double'),
      'cv:currency': ref(
        g.add({
          '@id': IRR_IRI,
          '@type': 'skos:Concept',
          'skos:prefLabel': [fa('ریال ایران'), en('Iranian rial')],
          'skos:notation': 'IRR',
        }),
      ),
      'dct:description': fa(feeText(f)),
    }),
  )

  const output = c.output?.trim()
    ? g.add({
        '@id': part('output'),
        '@type': 'cv:Output',
        'dct:identifier': part('output'),
        'dct:title': fa(c.output.trim()),
      })
    : null

  // The card's contact, or else the agency's own.
  const own = c.contact.phone || c.contact.email || c.contact.url
  const phone = own ? c.contact.phone : agency.phone
  const email = own ? c.contact.email : agency.email
  const page = absoluteUrl(own ? c.contact.url : agency.website)
  const contactPoint =
    phone || email || page
      ? g.add({
          '@id': part('contact-point'),
          '@type': 'cv:ContactPoint',
          ...(phone ? { 'cv:telephone': phone } : {}),
          ...(email ? { 'cv:email': email } : {}),
          ...(page ? { 'cv:contactPage': { '@id': page, '@type': 'foaf:Document' } } : {}),
        })
      : null

  // Channels, and a contact point for each phone line among them.
  const channels = c.channels.map((ch) =>
    channel(g, baseUrl, ch, part(`channel-${ch.id}`), authority),
  )
  const phoneContacts = c.channels.flatMap((ch) =>
    ch.kind === 'phone' && ch.phone
      ? [
          g.add({
            '@id': part(`contact-${ch.id}`),
            '@type': 'cv:ContactPoint',
            'cv:telephone': ch.phone,
          }),
        ]
      : [],
  )
  const offices = (input.offices ?? []).map((o) => officeChannel(g, baseUrl, o, authority))
  channels.push(...offices.map((o) => o.channel))
  const contactPoints = [
    ...(contactPoint ? [contactPoint] : []),
    ...phoneContacts,
    ...offices.flatMap((o) => (o.contact ? [o.contact] : [])),
  ]

  const p = servedProvince(input)
  const classification = [
    ...(c.nature ? [concept(g, baseUrl, 'nature', c.nature, NATURE_LABELS[c.nature])] : []),
    ...(c.level ? [concept(g, baseUrl, 'level', c.level, LEVEL_LABELS[c.level])] : []),
  ]

  const node: JsonLdNode = {
    '@id': sIri,
    '@type': 'cpsv:PublicService',
    'dct:identifier': service.id,
    // شناسه خدمت from the central registry, when issued (dct:identifier is limited to one).
    ...(c.nationalServiceCode
      ? {
          'adms:identifier': {
            '@type': 'adms:Identifier',
            'skos:notation': c.nationalServiceCode,
          },
        }
      : {}),
    'dct:title': fa(c.title),
    'dct:description': fa(c.description.trim() || c.summary.trim() || c.title),
    ...(nonEmpty(c.popularNames).length
      ? { 'dct:alternative': nonEmpty(c.popularNames).map(fa) }
      : {}),
    ...(nonEmpty(c.keywords).length ? { 'dcat:keyword': nonEmpty(c.keywords).map(fa) } : {}),
    ...(c.audiences.length
      ? {
          'dct:audience': c.audiences.map((a) =>
            ref(concept(g, baseUrl, 'audience', a, AUDIENCE_LABELS[a])),
          ),
        }
      : {}),
    ...(classification.length ? { 'cv:isClassifiedBy': classification.map(ref) } : {}),
    'dct:spatial': ref(p ? province(g, baseUrl, p) : iran(g)),
    'cv:hasCompetentAuthority': ref(authority),
    ...(legalResources.length ? { 'cv:hasLegalResource': legalResources.map(ref) } : {}),
    ...(rules.length ? { 'cpsv:follows': rules.map(ref) } : {}),
    ...(requirementIri ? { 'cv:holdsRequirement': ref(requirementIri) } : {}),
    ...(evidences.length ? { 'cpsv:hasInput': evidences.map(ref) } : {}),
    ...(costs.length ? { 'cv:hasCost': costs.map(ref) } : {}),
    ...(output ? { 'cpsv:produces': ref(output) } : {}),
    ...(contactPoints.length ? { 'cv:contactPoint': contactPoints.map(ref) } : {}),
    ...(channels.length ? { 'cv:hasChannel': channels.map(ref) } : {}),
    // The one total (issue 17): the process's rounded maximum when it has one, else the declared.
    ...(total
      ? {
          'cv:processingTime': typed(
            declaredTimeToDuration({ kind: 'up_to', max: total.max, unit: total.unit }),
            'xsd:duration',
          ),
        }
      : {}),
    ...(c.lifeEvents.length
      ? { 'cv:isGroupedBy': c.lifeEvents.map((e) => ref(lifeEvent(g, baseUrl, e))) }
      : {}),
    'adms:status': ref(
      g.add({
        '@id': STATUS_COMPLETED_IRI,
        '@type': 'skos:Concept',
        'skos:prefLabel': [en('Completed'), fa('منتشرشده')],
      }),
    ),
    'dct:language': ref(persian(g)),
    'dct:modified': typed(version.publishedAt.toISOString(), 'xsd:dateTime'),
    'owl:versionInfo': String(version.versionNo),
  }
  g.nodes.set(sIri, node)

  return { '@context': CPSV_CONTEXT, '@graph': [...g.nodes.values()] }
}

function persian(g: Graph): string {
  return g.add({
    '@id': PERSIAN_IRI,
    '@type': 'dct:LinguisticSystem',
    'skos:prefLabel': [fa('فارسی'), en('Persian')],
  })
}
