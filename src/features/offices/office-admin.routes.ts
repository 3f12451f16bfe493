import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { assertSignedIn } from '../../lib/actor.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, fieldErrorsOf, plainValues, readFields } from '../../web/form.ts'
import { FORM_ONCE_MISSING } from '../../web/form-once-claim.ts'
import { page } from '../../web/page.ts'
import { formOnceOf } from '../accounts/index.ts'
import { msg } from './messages.fa.ts'
import { changeOffice, createOfficeOnce, deleteOffice } from './office.actions.ts'
import { type FormFields, formErrorKey, formToBody, officeInput } from './office.input.ts'
import type { Office } from './office.model.ts'
import {
  loadAdminOfficeList,
  newOfficePage,
  officeEditPage,
  officeFor,
  targetAgency,
} from './office-admin.pages.ts'
import { OFFICE_ID } from './office-page.read.ts'
import { adminListPage } from './views/admin.ts'

/** Form fields → input, or the form's errors keyed by its field names. */
function parseOfficeForm(fields: FormFields, kept: Pick<Office, 'exceptions' | 'closures'>) {
  const { body, errors } = formToBody(fields, kept)
  const parsed = officeInput.safeParse(body)
  const all: FieldErrors = { ...errors }
  if (!parsed.success) {
    for (const [path, message] of Object.entries(fieldErrorsOf(parsed.error)))
      all[formErrorKey(path)] ??= message
  }
  if (!parsed.success || Object.keys(all).length) return { ok: false as const, errors: all }
  return { ok: true as const, input: parsed.data }
}

/**
 * `/admin/offices`: the agency staff's pages for their offices (the list, a new office, an
 * office's details, deleting it); its exceptions and closures are in office-days.routes.ts.
 */
export function officeAdminRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    const actor = c.get('actor')
    assertSignedIn(actor)
    const view = await loadAdminOfficeList(deps, actor, c.req.query('agency') ?? '')
    return page(c, {
      title: view.heading,
      ...(c.req.query('done') === 'deleted'
        ? { banner: { kind: 'success' as const, text: msg.deleted } }
        : {}),
      content: adminListPage(view),
    })
  })

  app.get('/new', async (c) => {
    const actor = c.get('actor')
    assertSignedIn(actor)
    const agency = await targetAgency(deps, c, actor)
    return newOfficePage(c, agency, {}, {})
  })

  app.post('/new', async (c) => {
    const actor = c.get('actor')
    assertSignedIn(actor)
    const agency = await targetAgency(deps, c, actor)
    const fields = await readFields(c)
    const parsed = parseOfficeForm(fields, { exceptions: [], closures: [] })
    if (!parsed.ok) return newOfficePage(c, agency, fields, parsed.errors)
    // Issue 17 item 10: the form runs once per token; sent again, it leads to the first office.
    const once = formOnceOf(deps, c, actor, 'offices.new', plainValues(fields))
    if (!once) return newOfficePage(c, agency, fields, { name: FORM_ONCE_MISSING })
    const result = await createOfficeOnce(deps, actor, agency.id, parsed.input, once)
    if (!result.ok) return newOfficePage(c, agency, fields, result.errors)
    return c.redirect(result.resultPath, 303)
  })

  app.get(`/:id${OFFICE_ID}`, async (c) => {
    const { office } = await officeFor(deps, c)
    return officeEditPage(deps, c, office, {})
  })

  app.post(`/:id${OFFICE_ID}`, async (c) => {
    const { actor, office } = await officeFor(deps, c)
    const fields = await readFields(c)
    const result = await changeOffice(deps, actor, office.id, (current) =>
      parseOfficeForm(fields, current),
    )
    if (!result.ok)
      return officeEditPage(deps, c, office, { main: { values: fields, errors: result.errors } })
    return c.redirect(`/admin/offices/${office.id}?done=updated`, 303)
  })

  app.post(`/:id${OFFICE_ID}/delete`, async (c) => {
    const { actor, office } = await officeFor(deps, c)
    const result = await deleteOffice(deps, actor, office.id)
    if (!result.ok) return officeEditPage(deps, c, office, { deleteErrors: result.errors })
    return c.redirect('/admin/offices?done=deleted', 303)
  })

  return app
}
