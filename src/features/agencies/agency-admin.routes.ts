import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { parseForm, readForm } from '../../web/form.ts'
import { onceTokenFor } from '../../web/form-once.ts'
import { FORM_ONCE_MISSING } from '../../web/form-once-claim.ts'
import { page } from '../../web/page.ts'
import { formOnceOf } from '../accounts/index.ts'
import { createAgencyOnce, editAgency } from './agency.actions.ts'
import { agencyInput } from './agency.input.ts'
import { assertCanManageAgencies } from './agency.policy.ts'
import { agencyValues } from './agency.present.ts'
import { findAgencyByCode } from './agency.queries.ts'
import { loadAgencyForm } from './agency-pages.read.ts'
import { msg } from './messages.fa.ts'
import { agencyFormPage } from './views/agency-views.ts'

/**
 * `/admin/agencies`: the central admin's forms to add an agency and to edit one. Every write
 * goes through the agency actions; the public pages are in `agency-public.routes.ts`.
 */
export function agencyAdminRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  const form = async (
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
        content: agencyFormPage(
          await loadAgencyForm(deps, {
            csrfToken: c.get('csrfToken'),
            ...onceTokenFor(mode),
            mode,
            action,
            values,
            errors,
          }),
        ),
      },
      Object.keys(errors).length ? 422 : 200,
    )

  app.get('/new', async (c) => {
    assertCanManageAgencies(c.get('actor'))
    return form(c, 'new', '/admin/agencies/new', {}, {})
  })

  app.post('/new', async (c) => {
    const actor = c.get('actor')
    assertCanManageAgencies(actor)
    const values = await readForm(c)
    const parsed = parseForm(agencyInput, values)
    if (!parsed.ok) return form(c, 'new', '/admin/agencies/new', values, parsed.errors)
    // Issue 17 item 10: the form runs once per token; sent again, it leads to the first agency.
    const once = formOnceOf(deps, c, actor, 'agencies.new', values)
    if (!once) return form(c, 'new', '/admin/agencies/new', values, { nameFa: FORM_ONCE_MISSING })
    const result = await createAgencyOnce(deps, actor, parsed.data, once)
    if (!result.ok) return form(c, 'new', '/admin/agencies/new', values, result.errors)
    return c.redirect(result.resultPath, 303)
  })

  app.get('/:code/edit', async (c) => {
    assertCanManageAgencies(c.get('actor'))
    const agency = await findAgencyByCode(deps.db, c.req.param('code'))
    if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
    return form(c, 'edit', `/admin/agencies/${agency.code}/edit`, agencyValues(agency), {})
  })

  app.post('/:code/edit', async (c) => {
    const actor = c.get('actor')
    assertCanManageAgencies(actor)
    const agency = await findAgencyByCode(deps.db, c.req.param('code'))
    if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
    const action = `/admin/agencies/${agency.code}/edit`
    const values = await readForm(c)
    const parsed = parseForm(agencyInput, values)
    if (!parsed.ok) return form(c, 'edit', action, values, parsed.errors)
    const result = await editAgency(deps, actor, agency.id, parsed.data)
    if (!result.ok) return form(c, 'edit', action, values, result.errors)
    return c.redirect(`/agencies/${agency.code}?updated=1`, 303)
  })

  return app
}
