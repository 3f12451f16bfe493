import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { findProvince } from '../../lib/iran/provinces.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors } from '../../web/form.ts'
import { readFields } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { listAgencyBriefs } from '../agencies/index.ts'
import type { Service } from '../services/index.ts'
import {
  conflictResponse,
  editorMsg as em,
  expectedRevision,
  findDraft,
  ID,
  lineChanges,
  staffService,
} from '../services/index.ts'
import { msg } from './messages.fa.ts'
import type { OfficeLink } from './office.read.ts'
import { linkableOffices, many, officeNamer, one, saveServiceOffices } from './office-links.ts'
import { type LinkChoice, linksHref, linksPage } from './views/links.ts'

/** Mounted by app.ts under `/admin/services`: `/admin/services/:id/edit/offices`. */
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
    if ('conflict' in result) {
      const name = await officeNamer(deps, [result.current.content, result.mine])
      const changes = lineChanges('offices', msg.sectionTitle, (content) =>
        content.offices.map((o) => `${name(o.officeId)}${o.note ? ` — ${o.note}` : ''}`),
      )
      return conflictResponse(c, {
        current: result.current,
        fields,
        target: {
          sectionLabel: msg.sectionTitle,
          action: linksHref(service.id),
          backHref: linksHref(service.id),
          done: `${linksHref(service.id)}?done=saved`,
        },
        changes: await changes(result.current.content, result.mine),
      })
    }
    return render(c, service, { ...state, errors: result.errors }, 422)
  })

  return app
}
