import { type Context, Hono } from 'hono'
import { html } from 'hono/html'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError } from '../../lib/errors.ts'
import { findProvince } from '../../lib/iran/provinces.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import type { SummaryListRow } from '../../web/ui/index.ts'
import { type AgencyBrief, listAgencyBriefs } from '../agencies/index.ts'
import { ID, readFields, staffService } from '../services/admin.access.ts'
import { expectedRevision } from '../services/draft-stamp.ts'
import { checkContent, type FormFields } from '../services/editor.input.ts'
import { editorMsg as em } from '../services/messages.fa.ts'
import { saveDraft } from '../services/service.actions.ts'
import type { Service, ServiceContent } from '../services/service.model.ts'
import { findDraft } from '../services/service.queries.ts'
import { msg } from './messages.fa.ts'
import type { Office } from './office.model.ts'
import { findOfficesByIds, listOfficesOfAgencies } from './office.queries.ts'
import type { OfficeLink } from './office.read.ts'
import { type LinkChoice, linksHref, linksPage } from './views/links.ts'

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

function one(fields: FormFields, name: string): string {
  const v = fields[name]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

function many(fields: FormFields, name: string): string[] {
  const v = fields[name]
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

export type SaveLinksResult =
  | { ok: true }
  | { ok: false; errors: FieldErrors }
  | { ok: false; conflict: true; revision: number; draftId: string }

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
  return {
    ok: false,
    conflict: true,
    revision: result.current.revision,
    draftId: result.current.id,
  }
}

/** Mounted from `serviceAdminRoutes`: `/admin/services/:id/edit/offices`. */
export function officeLinkRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const PATH = `/:id${ID}/edit/offices`

  async function render(
    c: Context<AppEnv>,
    service: Service,
    state: {
      stamp: { draftId: string; revision: string }
      title: string
      selected: OfficeLink[]
      errors: FieldErrors
      notice: string | null
    },
    status: 200 | 409 | 422,
  ) {
    const offices = await linkableOffices(deps, service.agencyId)
    const briefs = new Map((await listAgencyBriefs(deps.db)).map((b) => [b.id, b.nameFa]))
    const chosen = new Map(state.selected.map((l) => [l.officeId, l.note]))
    const choices: LinkChoice[] = offices.map((o) => ({
      id: o.id,
      name: o.name,
      agencyName: briefs.get(o.agencyId) ?? '',
      place: `${o.city}، ${findProvince(o.provinceCode)?.nameFa ?? ''}`,
      checked: chosen.has(o.id),
      note: chosen.get(o.id) ?? '',
    }))
    const invalid = Object.keys(state.errors).length > 0
    return page(
      c,
      {
        title: `${invalid ? 'خطا: ' : ''}${msg.linksTitle}`,
        breadcrumbs: [
          { href: '/admin/services', text: em.listTitle },
          { href: `/admin/services/${service.id}`, text: state.title || em.untitled },
        ],
        content: linksPage({
          csrfToken: c.get('csrfToken'),
          serviceId: service.id,
          serviceTitle: state.title,
          stamp: state.stamp,
          choices,
          errors: state.errors,
          notice: state.notice,
        }),
      },
      status,
    )
  }

  app.get(PATH, async (c) => {
    const { service } = await staffService(deps, c, c.req.param('id'), 'edit')
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    return render(
      c,
      service,
      {
        stamp: { draftId: draft.id, revision: String(draft.revision) },
        title: draft.content.title,
        selected: draft.content.offices,
        errors: {},
        notice: c.req.query('done') === 'saved' ? msg.linksSaved : null,
      },
      200,
    )
  })

  app.post(PATH, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'edit')
    const fields = await readFields(c)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) return c.redirect(`/admin/services/${service.id}`, 303)
    const errors: FieldErrors = {}
    const links: OfficeLink[] = []
    for (const officeId of [...new Set(many(fields, 'office'))]) {
      const note = one(fields, `note-${officeId}`).trim()
      if (note.length > 500) errors[`note-${officeId}`] = 'توضیح نباید بیش از ۵۰۰ نویسه باشد.'
      links.push({ officeId, note: note || null })
    }
    const stamp = { draftId: one(fields, 'draft'), revision: one(fields, 'revision') }
    const state = { stamp, title: draft.content.title, selected: links, notice: null }
    if (Object.keys(errors).length) return render(c, service, { ...state, errors }, 422)
    const expected = expectedRevision(stamp, draft.id)
    const result = await saveServiceOffices(deps, actor, service, expected, links)
    if (result.ok) return c.redirect(`${linksHref(service.id)}?done=saved`, 303)
    if ('conflict' in result)
      return render(
        c,
        service,
        {
          ...state,
          stamp: { draftId: result.draftId, revision: String(result.revision) },
          errors: { _form: msg.linksConflict },
        },
        409,
      )
    return render(c, service, { ...state, errors: result.errors }, 422)
  })

  return app
}
