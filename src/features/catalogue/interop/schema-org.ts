/**
 * schema.org `GovernmentService` JSON-LD for service pages (DESIGN §7), plus a serialiser that
 * is safe to embed in `<script type="application/ld+json">`.
 *
 * Same input as the CPSV-AP export; the `@id` is the same service IRI, so both descriptions
 * merge into one node for consumers that read both.
 */

import type { Agency } from '../../agencies/index.ts'
import type { Audience } from '../../services/index.ts'
import { AUDIENCE_LABELS, feeText, LIFE_EVENT_LABELS } from '../../services/index.ts'
import {
  absoluteUrl,
  agencyIri,
  amountInRials,
  type CpsvInput,
  IRAN_NAME_FA,
  type JsonLdNode,
  legalBasisTitle,
  servedProvince,
  serviceIri,
} from './cpsv-ap.ts'

const COUNTRY: JsonLdNode = { '@type': 'Country', name: IRAN_NAME_FA, identifier: 'IR' }

function organisation(baseUrl: string, a: Agency, parents: Agency[]): JsonLdNode {
  const parent = parents.at(-1)
  return {
    '@type': 'GovernmentOrganization',
    '@id': agencyIri(baseUrl, a),
    name: a.nameFa,
    ...(a.shortNameFa ? { alternateName: a.shortNameFa } : {}),
    url: absoluteUrl(a.website) ?? agencyIri(baseUrl, a),
    ...(a.phone ? { telephone: a.phone } : {}),
    ...(a.email ? { email: a.email } : {}),
    ...(parent ? { parentOrganization: organisation(baseUrl, parent, parents.slice(0, -1)) } : {}),
  }
}

function audience(a: Audience): JsonLdNode {
  return {
    '@type': a === 'G2B' ? 'BusinessAudience' : 'Audience',
    audienceType: AUDIENCE_LABELS[a],
  }
}

export function toSchemaOrgGovernmentService(input: CpsvInput): JsonLdNode {
  const c = input.version.content
  const iri = serviceIri(input)
  const lawById = new Map(input.laws.map((l) => [l.id, l]))
  const province = servedProvince(input)
  const channelUrl = absoluteUrl(c.contact.url)
  const serviceTypes = c.lifeEvents.filter((e) => e !== 'other').map((e) => LIFE_EVENT_LABELS[e])
  const legislation = [
    ...new Set(c.legalBases.map((b) => legalBasisTitle(b, lawById.get(b.lawId)))),
  ]
  const alternateNames = c.popularNames.map((n) => n.trim()).filter((n) => n !== '')

  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    '@id': iri,
    url: iri,
    name: c.title,
    ...(alternateNames.length ? { alternateName: alternateNames } : {}),
    description: c.summary.trim() || c.description.trim() || c.title,
    identifier: c.nationalServiceCode ?? input.service.id,
    ...(serviceTypes.length ? { serviceType: serviceTypes } : {}),
    provider: organisation(input.baseUrl, input.agency, input.parentAgencies),
    areaServed: province
      ? {
          '@type': 'AdministrativeArea',
          name: `استان ${province.nameFa}`,
          containedInPlace: COUNTRY,
        }
      : COUNTRY,
    ...(c.audiences.length ? { audience: c.audiences.map(audience) } : {}),
    ...(channelUrl
      ? {
          availableChannel: {
            '@type': 'ServiceChannel',
            serviceUrl: channelUrl,
            ...(c.contact.phone
              ? { servicePhone: { '@type': 'ContactPoint', telephone: c.contact.phone } }
              : {}),
            availableLanguage: { '@type': 'Language', name: 'فارسی', alternateName: 'fa' },
          },
        }
      : {}),
    ...(legislation.length ? { termsOfService: legislation } : {}),
    ...(c.fees.length
      ? {
          offers: c.fees.map((f) => ({
            '@type': 'Offer',
            description: feeText(f),
            price: amountInRials(f),
            priceCurrency: 'IRR',
          })),
        }
      : {}),
    ...(c.output?.trim() ? { serviceOutput: { '@type': 'Thing', name: c.output.trim() } } : {}),
  }
}

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g

/**
 * JSON for a `<script type="application/ld+json">` body: `<`, `>`, `&`, U+2028 and U+2029 become
 * `\uXXXX` escapes (they can only occur inside JSON strings, where the escape means the same),
 * so neither `</script>` nor `<!--` can end or alter the script element.
 */
export function serializeJsonLdForHtml(obj: object): string {
  return JSON.stringify(obj).replace(
    UNSAFE_IN_SCRIPT,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** The whole element, ready to place in `<head>` (data blocks are not subject to script CSP). */
export function jsonLdScriptTag(obj: object): string {
  return `<script type="application/ld+json">${serializeJsonLdForHtml(obj)}</script>`
}
