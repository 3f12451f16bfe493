import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { ConflictError, ValidationError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FormFields, plainValues, readFields } from '../../web/form.ts'
import { newFormOnceToken } from '../../web/form-once.ts'
import { FORM_ONCE_MISSING } from '../../web/form-once-claim.ts'
import { page } from '../../web/page.ts'
import { formOnceOf, requireActor } from '../accounts/index.ts'
import { ID } from '../services/index.ts'
import { saveDefinition } from './indicator.actions.ts'
import { CODE, versionOfCode } from './indicator-admin.read.ts'
import { actionErrors, readDefinition, revisionOf } from './indicator-forms.pages.ts'
import { loadProposalForm } from './indicator-forms.read.ts'
import { loadStaffList } from './indicator-lists.read.ts'
import { proposeIndicatorOnce } from './indicator-once.actions.ts'
import { renderConflict, renderEditForm, renderIndicator } from './indicator-staff.pages.ts'
import { pagesMsg as msg } from './pages.messages.fa.ts'
import { centralPage } from './views/central-page.ts'
import { definitionForm } from './views/definition-form.ts'
import { agencyListPage } from './views/indicator-lists.ts'

const HOME = { href: '/admin', text: 'پیشخوان' }

function withoutRevision(fields: FormFields): FormFields {
  const { revision: _revision, ...rest } = fields
  return rest
}

/**
 * `/admin/indicators`: the lists, the «پیشنهاد شاخص تازه» form, one indicator's page and the
 * edit form of its open proposal. The ladder's buttons are in `indicator-ladder.routes.ts`.
 */
export function indicatorAdminRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    const list = await loadStaffList(deps, requireActor(c), c.req.query('agency'))
    if (list.kind === 'central')
      return page(c, {
        title: msg.centralTitle,
        breadcrumbs: [HOME],
        content: centralPage(list.view),
      })
    return page(c, {
      title: list.view.title,
      breadcrumbs: list.view.backToCentral
        ? [HOME, { href: '/admin/indicators', text: msg.centralTitle }]
        : [HOME],
      content: agencyListPage(list.view),
    })
  })

  const proposalPage = async (
    c: Context<AppEnv>,
    form?: { fields: FormFields; errors: Record<string, string> },
  ) => {
    const v = await loadProposalForm(deps, c.get('actor') ?? null, form)
    const bad = Object.keys(v.errors).length > 0
    return page(
      c,
      {
        title: bad ? msg.errorTitle(v.title) : v.title,
        breadcrumbs: [HOME, { href: '/admin/indicators', text: msg.staffTitle }],
        // A fresh one-time token each time the form is shown, re-rendered ones included.
        content: definitionForm({
          ...v,
          csrfToken: c.get('csrfToken'),
          onceToken: newFormOnceToken(),
        }),
      },
      bad ? 422 : 200,
    )
  }

  app.get('/new', (c) => proposalPage(c))

  app.post('/new', async (c) => {
    const actor = requireActor(c)
    const fields = await readFields(c)
    const parsed = readDefinition(fields)
    if (!parsed.ok) return proposalPage(c, { fields, errors: parsed.errors })
    // Issue 17 item 10: the form runs once per token; sent again, it leads to the first proposal.
    const once = formOnceOf(deps, c, actor, 'indicators.propose', plainValues(fields))
    if (!once) return proposalPage(c, { fields, errors: { nameFa: FORM_ONCE_MISSING } })
    try {
      const outcome = await proposeIndicatorOnce(
        deps,
        actor,
        { kind: 'specific', agencyId: actor.agencyId, definition: parsed.definition },
        once,
      )
      return c.redirect(outcome.resultPath, 303)
    } catch (e) {
      if (e instanceof ValidationError) return proposalPage(c, { fields, errors: actionErrors(e) })
      throw e
    }
  })

  app.get(`/:code${CODE}`, (c) => renderIndicator(c, deps, c.req.param('code')))

  app.get(`/:code${CODE}/edit`, (c) => renderEditForm(c, deps, c.req.param('code')))

  app.post(`/:code${CODE}/versions/:id${ID}`, async (c) => {
    const code = c.req.param('code')
    const actor = requireActor(c)
    const { version } = await versionOfCode(deps, actor, code, c.req.param('id'))
    const all = await readFields(c)
    const revision = revisionOf(all)
    const fields = withoutRevision(all)
    const parsed = readDefinition(fields)
    if (!parsed.ok)
      return renderEditForm(c, deps, code, { fields, errors: parsed.errors, revision })
    try {
      await saveDefinition(deps, actor, version.id, parsed.definition, revision)
    } catch (e) {
      if (e instanceof ValidationError)
        return renderEditForm(c, deps, code, { fields, errors: actionErrors(e), revision })
      if (e instanceof ConflictError) return renderConflict(c, deps, code, e, { version, fields })
      throw e
    }
    return c.redirect(`/admin/indicators/${code}?done=saved`, 303)
  })

  return app
}
