import type { Deps } from '../../deps.ts'
import { type Actor, isCentralAdmin } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { pageNumber } from '../../web/pagination.ts'
import { AGENCY_LEVELS, type AgencyLevel } from './agency.model.ts'
import {
  findAgencyByCode,
  listAgencies,
  listAgencyAncestry,
  listAgencyBriefs,
  listChildAgencies,
} from './agency.queries.ts'
import { msg } from './messages.fa.ts'
import type { AgencyFormView, AgencyIndexView, AgencyPageView } from './views/agency-views.ts'

// The view models of the agency pages: the public index and agency page
// (agency-public.routes.ts) and the central admin's form (agency-admin.routes.ts).

const PAGE_SIZE = 50

function parseLevel(value: string | undefined): AgencyLevel | undefined {
  return AGENCY_LEVELS.find((l) => l === value)
}

/**
 * `/agencies`: without a filter, the hierarchy of national bodies with their organisations;
 * with `q` or `level`, one page of matching agencies.
 */
export async function loadAgencyIndex(
  deps: Deps,
  actor: Actor | null,
  query: { q: string | undefined; level: string | undefined; page: string | undefined },
): Promise<AgencyIndexView> {
  const q = (query.q ?? '').trim().slice(0, 100)
  const level = parseLevel(query.level)
  const canCreate = isCentralAdmin(actor)
  if (!q && !level) {
    const briefs = await listAgencyBriefs(deps.db)
    // National bodies only; each organisation's page lists its provincial offices.
    const tops = briefs.filter((b) => b.parentId === null)
    const tree = tops.map((node) => ({
      node,
      children: briefs.filter((b) => b.parentId === node.id),
    }))
    return { q, level: '', tree, results: null, canCreate }
  }
  const current = pageNumber(query.page)
  const { items, total } = await listAgencies(
    deps.db,
    { q, level },
    { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE },
  )
  const href = (p: number) =>
    `/agencies?${new URLSearchParams({ q, level: level ?? '', page: String(p) })}`
  return {
    q,
    level: level ?? '',
    tree: null,
    results: {
      items,
      total,
      page: current,
      pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      href,
    },
    canCreate,
  }
}

/** `/agencies/:code`: the agency, its ancestry (for the breadcrumbs) and its children. */
export async function loadAgencyPage(
  deps: Deps,
  actor: Actor | null,
  code: string,
): Promise<{ view: AgencyPageView; breadcrumbs: { href: string; text: string }[] }> {
  const agency = await findAgencyByCode(deps.db, code)
  if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
  const [ancestry, children] = await Promise.all([
    listAgencyAncestry(deps.db, agency.id),
    listChildAgencies(deps.db, agency.id),
  ])
  return {
    view: { agency, ancestry, children, canEdit: isCentralAdmin(actor) },
    breadcrumbs: [
      { href: '/', text: 'خانه' },
      { href: '/agencies', text: msg.indexTitle },
      ...ancestry.slice(0, -1).map((a) => ({ href: `/agencies/${a.code}`, text: a.nameFa })),
    ],
  }
}

/** The new or edit form, with every agency as a possible parent. */
export async function loadAgencyForm(
  deps: Deps,
  form: Omit<AgencyFormView, 'parents'>,
): Promise<AgencyFormView> {
  return { ...form, parents: await listAgencyBriefs(deps.db) }
}
