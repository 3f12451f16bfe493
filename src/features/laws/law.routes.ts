import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { type Actor, assertSignedIn } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { gregorianToJalali } from '../../lib/fa/jalali.ts'
import type { AppEnv } from '../../web/env.ts'
import { parseForm, readForm } from '../../web/form.ts'
import { onceTokenFor } from '../../web/form-once.ts'
import { FORM_ONCE_MISSING } from '../../web/form-once-claim.ts'
import { page } from '../../web/page.ts'
import { pageNumber } from '../../web/pagination.ts'
import { formOnceOf } from '../accounts/index.ts'
import { assertCanAddLaws, canEditLaw, createLawOnce, editLaw } from './law.actions.ts'
import { lawInput } from './law.input.ts'
import { LAW_KINDS, type Law } from './law.model.ts'
import { findLawById, listLaws, listServicesCitingLaw } from './law.queries.ts'
import { otherAgenciesCiting } from './law-citations.queries.ts'
import { msg } from './messages.fa.ts'
import { lawFormPage, lawIndexPage, lawPage } from './views/law-pages.ts'

const PAGE_SIZE = 50

function lawValues(l: Law): Record<string, string> {
  const values: Record<string, string> = {
    title: l.title,
    kind: l.kind,
    number: l.number ?? '',
    url: l.url ?? '',
  }
  if (l.approvedOn) {
    const [gy, gm, gd] = l.approvedOn.split('-').map(Number)
    const j = gregorianToJalali(gy ?? 0, gm ?? 0, gd ?? 0)
    Object.assign(values, {
      'approvedOn-day': String(j.jd),
      'approvedOn-month': String(j.jm),
      'approvedOn-year': String(j.jy),
    })
  }
  return values
}

function uuidOr404(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw new NotFoundError('law.not-found', msg.notFound)
  return id
}

export function lawPublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 100)
    const kind = LAW_KINDS.find((k) => k === c.req.query('kind'))
    const current = pageNumber(c.req.query('page'))
    const { items, total } = await listLaws(
      deps.db,
      { q, kind },
      { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE },
    )
    const actor = c.get('actor')
    return page(c, {
      title: msg.indexTitle,
      content: lawIndexPage({
        q,
        kind: kind ?? '',
        items,
        total,
        page: current,
        pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        href: (p) => `/laws?${new URLSearchParams({ q, kind: kind ?? '', page: String(p) })}`,
        canAdd: actor?.role === 'central_admin' || actor?.role === 'agency_admin',
      }),
    })
  })
  app.get('/:id', async (c) => {
    const law = await findLawById(deps.db, uuidOr404(c.req.param('id')))
    if (!law) throw new NotFoundError('law.not-found', msg.notFound)
    const [citedBy, others] = await Promise.all([
      listServicesCitingLaw(deps.db, law.id),
      otherAgenciesCiting(deps.db, law.id, law.addedByAgencyId),
    ])
    return page(c, {
      title: law.title,
      breadcrumbs: [
        { href: '/', text: 'خانه' },
        { href: '/laws', text: msg.indexTitle },
      ],
      content: lawPage({ law, citedBy, canEdit: canEditLaw(c.get('actor'), law, others) }),
    })
  })
  return app
}

export function lawAdminRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const form = (
    c: Context<AppEnv>,
    mode: 'new' | 'edit',
    action: string,
    values: Record<string, string>,
    errors: Record<string, string>,
  ) =>
    page(
      c,
      {
        title: mode === 'new' ? msg.newTitle : msg.editTitle,
        content: lawFormPage({
          csrfToken: c.get('csrfToken'),
          ...onceTokenFor(mode),
          mode,
          action,
          values,
          errors,
        }),
      },
      Object.keys(errors).length ? 422 : 200,
    )

  const loadEditable = async (actor: Actor | null, id: string): Promise<Law> => {
    assertSignedIn(actor)
    const law = await findLawById(deps.db, uuidOr404(id))
    if (!law) throw new NotFoundError('law.not-found', msg.notFound)
    const others = await otherAgenciesCiting(deps.db, law.id, law.addedByAgencyId)
    if (!canEditLaw(actor, law, others))
      throw new ForbiddenError(
        'laws.edit',
        others.length > 0 && actor.role !== 'central_admin'
          ? msg.forbiddenEditCited
          : msg.forbiddenEdit,
      )
    return law
  }

  app.get('/new', (c) => {
    assertCanAddLaws(c.get('actor'))
    return form(c, 'new', '/admin/laws/new', {}, {})
  })
  app.post('/new', async (c) => {
    const actor = c.get('actor')
    assertCanAddLaws(actor)
    const values = await readForm(c)
    const parsed = parseForm(lawInput, values)
    if (!parsed.ok) return form(c, 'new', '/admin/laws/new', values, parsed.errors)
    // Issue 17 item 10: the form runs once per token; sent again, it leads to the first law.
    const once = formOnceOf(deps, c, actor, 'laws.new', values)
    if (!once) return form(c, 'new', '/admin/laws/new', values, { title: FORM_ONCE_MISSING })
    const result = await createLawOnce(deps, actor, parsed.data, once)
    if (!result.ok) return form(c, 'new', '/admin/laws/new', values, result.errors)
    return c.redirect(result.resultPath, 303)
  })
  app.get('/:id/edit', async (c) => {
    const law = await loadEditable(c.get('actor'), c.req.param('id'))
    return form(c, 'edit', `/admin/laws/${law.id}/edit`, lawValues(law), {})
  })
  app.post('/:id/edit', async (c) => {
    const { id } = await loadEditable(c.get('actor'), c.req.param('id'))
    const action = `/admin/laws/${id}/edit`
    const values = await readForm(c)
    const parsed = parseForm(lawInput, values)
    if (!parsed.ok) return form(c, 'edit', action, values, parsed.errors)
    const result = await editLaw(deps, c.get('actor'), id, parsed.data)
    if (!result.ok) return form(c, 'edit', action, values, result.errors)
    return c.redirect(`/laws/${id}`, 303)
  })
  return app
}
