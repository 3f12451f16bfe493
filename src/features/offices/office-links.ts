import { html } from 'hono/html'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError } from '../../lib/errors.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import type { SummaryListRow } from '../../web/ui/index.ts'
import { type AgencyBrief, listAgencyBriefs } from '../agencies/index.ts'
import type { Service, ServiceContent, ServiceVersion } from '../services/index.ts'
import { checkContent, editorMsg as em, saveDraft } from '../services/index.ts'
import { msg } from './messages.fa.ts'
import type { Office } from './office.model.ts'
import { findOfficesByIds, listOfficesOfAgencies } from './office.queries.ts'
import type { OfficeLink } from './office.read.ts'
import { linksHref } from './views/links.ts'

/** The agency and every agency below it (provincial and city offices are child agencies). */
export function agencyAndDescendants(briefs: readonly AgencyBrief[], agencyId: string): string[] {
  const out = [agencyId]
  for (let i = 0; i < out.length; i++) {
    for (const b of briefs) if (b.parentId === out[i] && !out.includes(b.id)) out.push(b.id)
  }
  return out
}

/** The offices a service of `agencyId` may link. */
export async function linkableOffices(deps: Pick<Deps, 'db'>, agencyId: string): Promise<Office[]> {
  const briefs = await listAgencyBriefs(deps.db)
  return listOfficesOfAgencies(deps.db, agencyAndDescendants(briefs, agencyId))
}

/**
 * The ids among `ids` that a service of `agencyId` may not link: offices that do not exist
 * (any more) or belong to an agency outside the service's own branch. Publishing checks
 * this, since the API's whole-draft PUT can carry any office id.
 */
export async function unlinkableOfficeIds(
  db: Deps['db'],
  agencyId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return []
  const allowed = new Set((await linkableOffices({ db }, agencyId)).map((o) => o.id))
  return [...new Set(ids)].filter((id) => !allowed.has(id))
}

/** A lookup for history lines and summaries: office id → its name (or «محل حذف‌شده»). */
export async function officeNamer(
  deps: Pick<Deps, 'db'>,
  contents: readonly Pick<ServiceContent, 'offices'>[],
): Promise<(id: string) => string> {
  const ids = contents.flatMap((c) => c.offices.map((o) => o.officeId))
  const names = new Map((await findOfficesByIds(deps.db, ids)).map((o) => [o.id, o.name]))
  return (id) => names.get(id) ?? msg.officeRemoved
}

/** The draft overview's row: the linked offices, edited on their own page. */
export async function officesOverviewRow(
  deps: Pick<Deps, 'db'>,
  serviceId: string,
  content: ServiceContent,
  canEdit: boolean,
): Promise<SummaryListRow> {
  const name = await officeNamer(deps, [content])
  const lines = content.offices.map((o) => `${name(o.officeId)}${o.note ? ` — ${o.note}` : ''}`)
  return {
    key: { text: msg.sectionTitle },
    value: {
      html:
        lines.length === 0
          ? html`<span class="mr-secondary-text">${em.notEntered}</span>`
          : html`<ul class="mr-list" id="draft-offices">${lines.map((l) => html`<li>${l}</li>`)}</ul>`,
    },
    ...(canEdit
      ? {
          actions: {
            items: [
              { href: linksHref(serviceId), text: em.edit, visuallyHiddenText: msg.sectionTitle },
            ],
          },
        }
      : {}),
  }
}

export function one(fields: FormFields, name: string): string {
  const v = fields[name]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

export function many(fields: FormFields, name: string): string[] {
  const v = fields[name]
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

export type SaveLinksResult =
  | { ok: true }
  | { ok: false; errors: FieldErrors }
  | { ok: false; conflict: true; current: ServiceVersion; mine: ServiceContent }

/**
 * Saves the service's office links into its draft. Every linked office must exist and belong
 * to the service's agency or an agency below it; `saveDraft` authorises again and checks the
 * revision, so a concurrent save is reported rather than overwritten.
 */
export async function saveServiceOffices(
  deps: Deps,
  actor: Actor,
  service: Service,
  expectedRevision: number,
  links: OfficeLink[],
): Promise<SaveLinksResult> {
  const allowed = new Set((await linkableOffices(deps, service.agencyId)).map((o) => o.id))
  if (links.some((l) => !allowed.has(l.officeId)))
    return { ok: false, errors: { offices: msg.linkUnknown } }
  const result = await saveDraft(deps, actor, service.id, expectedRevision, (content) => {
    const checked = checkContent({ ...content, offices: links })
    if (!checked.ok) throw new ConflictError('service.offices-invalid', msg.invalid)
    return checked.data
  })
  if (result.ok) return { ok: true }
  return { ok: false, conflict: true, current: result.current, mine: result.mine }
}
