import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { type Actor, assertSignedIn } from '../../lib/actor.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors } from '../../web/form.ts'
import { plainValues, readFields } from '../../web/form.ts'
import { newFormOnceToken } from '../../web/form-once.ts'
import { page } from '../../web/page.ts'
import {
  assertCanEditServicesOf,
  doneBanner,
  editorMsg as em,
  newServiceForm,
  parseFields,
} from '../services/index.ts'
import { createServiceOnce } from './staff.once.ts'
import { loadStaffList } from './staff-list.read.ts'
import { adminListPage, newServicePage } from './views/staff-list.ts'

/**
 * `/admin/services`: the agency staff's editor of their services (R2–R4, R8, R14), its
 * list and the new-service form. One service's overview and preview are in
 * `staff-service.routes.ts`, its draft and publishing buttons in `staff-publish.routes.ts`.
 * Mounted by app.ts; every write goes through the service actions, which authorise it again.
 */
export function serviceAdminRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    const actor = c.get('actor')
    assertSignedIn(actor)
    const { view, own } = await loadStaffList(deps, actor, c.req.query('agency') ?? '')
    const banner = own ? doneBanner(c) : undefined
    return page(c, {
      title: view.heading,
      ...(banner ? { banner } : {}),
      content: adminListPage(view),
    })
  })

  const newForm = (c: Context<AppEnv>, values: Record<string, string>, errors: FieldErrors) =>
    page(
      c,
      {
        title: Object.keys(errors).length ? `خطا: ${em.newTitle}` : em.newTitle,
        breadcrumbs: [{ href: '/admin/services', text: em.listTitle }],
        // Every showing of the form gets a new one-time token, a refused one included.
        content: newServicePage({
          csrfToken: c.get('csrfToken'),
          onceToken: newFormOnceToken(),
          values,
          errors,
        }),
      },
      Object.keys(errors).length ? 422 : 200,
    )

  const assertCanCreate = (actor: Actor | null): Actor => {
    assertSignedIn(actor)
    assertCanEditServicesOf(actor, actor.agencyId ?? '')
    return actor
  }

  app.get('/new', (c) => {
    assertCanCreate(c.get('actor'))
    return newForm(c, {}, {})
  })

  app.post('/new', async (c) => {
    const actor = assertCanCreate(c.get('actor'))
    const values = plainValues(await readFields(c))
    const parsed = parseFields(newServiceForm, values)
    if (!parsed.ok) return newForm(c, values, parsed.errors)
    // Once per form (issue 17 item 10): 303 to the new service; the same form sent again creates
    // no second service and is sent to the first one.
    const result = await createServiceOnce(deps, c, actor, parsed.data, values)
    if (!result.ok) return newForm(c, values, result.errors)
    return c.redirect(result.resultPath, 303)
  })

  return app
}
