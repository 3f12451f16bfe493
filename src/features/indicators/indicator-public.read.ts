import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { compareFa } from '../../lib/fa/index.ts'
import { AGENCIES_CACHE_TAG, findAgencyById } from '../agencies/index.ts'
import { serviceCacheTag } from '../services/index.ts'
import type { IndicatorVersion } from './indicator.model.ts'
import { INDICATORS_CACHE_TAG } from './indicator.model.ts'
import {
  decisionsOf,
  findIndicatorByCode,
  listIndicators,
  versionsOf,
} from './indicator.queries.ts'
import { serviceTitlesOf } from './indicator-pages.queries.ts'
import { valueRowOf } from './indicator-values.read.ts'
import { valuesWithState } from './value.queries.ts'
import type { ScopeLine } from './views/indicator-common.ts'
import type {
  PublicIndicator,
  PublicIndicatorView,
  PublicListView,
  PublicVersionDates,
} from './views/public-pages.ts'

// Every public indicator page carries INDICATORS_CACHE_TAG (indicator.model.ts): each decision,
// accepted period and computation marks it changed through `deps.publicChange`, so no cached
// page shows a version that is no longer in force.

function publicOf(code: string, v: IndicatorVersion): PublicIndicator {
  return { code, versionNo: v.versionNo, definition: v }
}

/** `/indicators`: approved general indicators, then each agency's approved specific ones. */
export async function loadPublicList(
  deps: Deps,
): Promise<{ view: PublicListView; tags: string[] }> {
  const rows = await listIndicators(deps.db, { approvedOnly: true })
  const general: PublicIndicator[] = []
  const byAgency = new Map<string, PublicListView['agencies'][number]>()
  for (const r of rows) {
    if (!r.approved) continue
    const item = publicOf(r.indicator.code, r.approved)
    if (r.indicator.kind === 'general' || !r.agencyCode || !r.agencyNameFa) {
      general.push(item)
      continue
    }
    const agency = byAgency.get(r.agencyCode) ?? {
      code: r.agencyCode,
      nameFa: r.agencyNameFa,
      indicators: [],
    }
    agency.indicators.push(item)
    byAgency.set(r.agencyCode, agency)
  }
  const agencies = [...byAgency.values()].sort((a, b) => compareFa(a.nameFa, b.nameFa))
  return { view: { general, agencies }, tags: [INDICATORS_CACHE_TAG, AGENCIES_CACHE_TAG] }
}

/**
 * `/indicators/<code>`: the version in force and, for each version that was ever approved, the
 * day it was sent, approved and superseded. No staff names: the public record names the
 * agency and the centre, not the people.
 */
export async function loadPublicIndicator(
  deps: Deps,
  code: string,
): Promise<{ view: PublicIndicatorView; tags: string[] }> {
  const indicator = await findIndicatorByCode(deps.db, code)
  const versions = indicator ? await versionsOf(deps.db, indicator.id) : []
  const inForce = versions.find((v) => v.state === 'approved')
  if (!indicator || !inForce)
    throw new NotFoundError('indicator.not-found', 'این شاخص پیدا نشد یا هنوز تصویب نشده است.')
  const [decisions, agency, titles, stored] = await Promise.all([
    decisionsOf(deps.db, indicator.id),
    indicator.agencyId ? findAgencyById(deps.db, indicator.agencyId) : undefined,
    serviceTitlesOf(deps.db, inForce.scopeServiceIds),
    valuesWithState(deps.db, indicator.id),
  ])
  // The public see what the centre accepted and what the portal computed. A general indicator
  // has a value per agency and period: its newest period is shown, for agencies with data.
  const published = stored.filter((v) => v.source === 'computed' || v.submission === 'accepted')
  // Period keys sort as text (`1405-Q2`, `1405-07`, `1405`), so the newest is the last.
  const newest =
    published
      .map((v) => v.period)
      .sort()
      .at(-1) ?? ''
  const values = (
    indicator.kind === 'general'
      ? published.filter((v) => v.period === newest && (v.n ?? 0) > 0)
      : published
  ).map((v) => valueRowOf(v, inForce))
  const dates: PublicVersionDates[] = versions
    .filter((v) => v.state === 'approved' || v.state === 'superseded')
    .map((v) => {
      const of = decisions.filter((d) => d.versionId === v.id)
      const last = (action: string) => of.filter((d) => d.action === action).at(-1)?.at ?? null
      return {
        versionNo: v.versionNo,
        submittedAt: last('submitted'),
        approvedAt: last('approved'),
        supersededAt: last('superseded'),
      }
    })
  const scope: ScopeLine[] = inForce.scopeServiceIds.flatMap((id) => {
    const s = titles.get(id)
    return s ? [{ title: s.title, slug: s.published ? s.slug : null }] : []
  })
  return {
    view: {
      code: indicator.code,
      kind: indicator.kind,
      agency: agency ? { code: agency.code, nameFa: agency.nameFa } : null,
      inForce: publicOf(indicator.code, inForce),
      scope,
      versions: dates,
      values,
    },
    tags: [
      INDICATORS_CACHE_TAG,
      AGENCIES_CACHE_TAG,
      ...inForce.scopeServiceIds.map((id) => serviceCacheTag(id)),
    ],
  }
}
