import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { parseForm, readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import { msg } from './messages.fa.ts'
import { frequencyForm } from './notification.input.ts'
import { DEFAULT_FREQUENCY } from './notification.model.ts'
import { setOwnFrequency } from './preference.actions.ts'
import { findFrequency, findUserEmail } from './preference.queries.ts'
import { preferencesPage } from './views/preferences-page.ts'

/** `/account/notifications` «تنظیمات اعلان‌ها»: the signed-in user's own mail frequency. */
export function preferenceRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const crumbs = [
    { href: '/admin', text: 'پیشخوان' },
    { href: '/inbox', text: msg.inboxTitle },
  ]

  app.get('/', async (c) => {
    const actor = requireActor(c)
    const [frequency, email] = await Promise.all([
      findFrequency(deps.db, actor.userId),
      findUserEmail(deps.db, actor.userId),
    ])
    return page(c, {
      title: msg.preferencesTitle,
      breadcrumbs: crumbs,
      ...(c.req.query('saved') === '1'
        ? { banner: { kind: 'success' as const, text: msg.saved } }
        : {}),
      content: preferencesPage({
        csrfToken: c.get('csrfToken'),
        email,
        frequency: frequency ?? DEFAULT_FREQUENCY,
        errors: {},
      }),
    })
  })

  app.post('/', async (c) => {
    const actor = requireActor(c)
    const values = await readForm(c)
    const form = parseForm(frequencyForm, values)
    if (!form.ok) {
      return page(
        c,
        {
          title: `خطا: ${msg.preferencesTitle}`,
          breadcrumbs: crumbs,
          content: preferencesPage({
            csrfToken: c.get('csrfToken'),
            email: await findUserEmail(deps.db, actor.userId),
            frequency: '',
            errors: form.errors,
          }),
        },
        422,
      )
    }
    await setOwnFrequency(deps, actor, form.data.frequency)
    return c.redirect('/account/notifications?saved=1', 303)
  })

  return app
}
