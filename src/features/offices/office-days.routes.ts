import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { fieldErrorsOf, plainValues, readFields } from '../../web/form.ts'
import { FORM_ONCE_MISSING } from '../../web/form-once-claim.ts'
import { formOnceOf } from '../accounts/index.ts'
import { msg } from './messages.fa.ts'
import { changeOffice, changeOfficeOnce } from './office.actions.ts'
import {
  exceptionsBody,
  hoursBody,
  officeInput,
  parseClosureForm,
  parseExceptionForm,
} from './office.input.ts'
import type { Office } from './office.model.ts'
import { officeEditPage, officeFor } from './office-admin.pages.ts'
import { OFFICE_ID } from './office-page.read.ts'

/** Rebuilds the input from an office with other exceptions or closures. */
function withLists(o: Office, lists: Partial<Pick<Office, 'exceptions' | 'closures'>>) {
  const parsed = officeInput.safeParse({
    ...o,
    hours: hoursBody(o.hours),
    exceptions: exceptionsBody(lists.exceptions ?? o.exceptions),
    closures: lists.closures ?? o.closures,
  })
  return parsed.success
    ? { ok: true as const, input: parsed.data }
    : { ok: false as const, errors: fieldErrorsOf(parsed.error) }
}

/**
 * `/admin/offices/:id/exceptions` and `/closures`: adding and removing an office's exceptional
 * days and closures, from its page (office-admin.routes.ts), which shows the errors.
 */
export function officeDayRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.post(`/:id${OFFICE_ID}/exceptions`, async (c) => {
    const { actor, office } = await officeFor(deps, c)
    const fields = await readFields(c)
    const parsed = parseExceptionForm(fields)
    if (!parsed.ok)
      return officeEditPage(deps, c, office, {
        exception: { values: fields, errors: parsed.errors },
      })
    // Issue 17 item 10: sent again, the form leads to the first result instead of a refusal.
    const once = formOnceOf(deps, c, actor, 'offices.exception', plainValues(fields))
    if (!once)
      return officeEditPage(deps, c, office, {
        exception: { values: fields, errors: { 'exDate-day': FORM_ONCE_MISSING } },
      })
    const ex = parsed.exception
    const result = await changeOfficeOnce(
      deps,
      actor,
      office.id,
      (current) =>
        current.exceptions.some((e) => e.day === ex.day)
          ? { ok: false, errors: { 'exDate-day': msg.exceptionDuplicate } }
          : withLists(current, { exceptions: [...current.exceptions, ex] }),
      'add-exception',
      once,
      `/admin/offices/${office.id}?done=exception-added#exceptions`,
    )
    if (!result.ok)
      return officeEditPage(deps, c, office, {
        exception: { values: fields, errors: result.errors },
      })
    return c.redirect(result.resultPath, 303)
  })

  app.post(`/:id${OFFICE_ID}/exceptions/:day{\\d{4}-\\d{2}-\\d{2}}/delete`, async (c) => {
    const { actor, office } = await officeFor(deps, c)
    const day = c.req.param('day')
    const result = await changeOffice(
      deps,
      actor,
      office.id,
      (current) =>
        withLists(current, { exceptions: current.exceptions.filter((e) => e.day !== day) }),
      'remove-exception',
    )
    if (!result.ok) return officeEditPage(deps, c, office, { deleteErrors: result.errors })
    return c.redirect(`/admin/offices/${office.id}?done=exception-removed#exceptions`, 303)
  })

  app.post(`/:id${OFFICE_ID}/closures`, async (c) => {
    const { actor, office } = await officeFor(deps, c)
    const fields = await readFields(c)
    const parsed = parseClosureForm(fields)
    if (!parsed.ok)
      return officeEditPage(deps, c, office, { closure: { values: fields, errors: parsed.errors } })
    // Issue 17 item 10: the same closure sent again (a reload, a double click) is not added twice.
    const once = formOnceOf(deps, c, actor, 'offices.closure', plainValues(fields))
    if (!once)
      return officeEditPage(deps, c, office, {
        closure: { values: fields, errors: { 'clFrom-day': FORM_ONCE_MISSING } },
      })
    const result = await changeOfficeOnce(
      deps,
      actor,
      office.id,
      (current) => withLists(current, { closures: [...current.closures, parsed.closure] }),
      'add-closure',
      once,
      `/admin/offices/${office.id}?done=closure-added#closures`,
    )
    if (!result.ok)
      return officeEditPage(deps, c, office, { closure: { values: fields, errors: result.errors } })
    return c.redirect(result.resultPath, 303)
  })

  app.post(`/:id${OFFICE_ID}/closures/:n{\\d{1,3}}/delete`, async (c) => {
    const { actor, office } = await officeFor(deps, c)
    const n = Number(c.req.param('n'))
    const result = await changeOffice(
      deps,
      actor,
      office.id,
      (current) => withLists(current, { closures: current.closures.filter((_, i) => i !== n) }),
      'remove-closure',
    )
    if (!result.ok) return officeEditPage(deps, c, office, { deleteErrors: result.errors })
    return c.redirect(`/admin/offices/${office.id}?done=closure-removed#closures`, 303)
  })

  return app
}
