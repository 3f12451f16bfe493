import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { toPersianDigits } from '../../lib/fa/index.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, parseForm, readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import {
  assertCanEditSettings,
  feedbackMinNInput,
  loadPortalSettings,
  setFeedbackMinN,
} from '../settings/index.ts'
import { helpfulMsg as msg } from './helpful.messages.fa.ts'
import { helpfulSettingsPage } from './views/helpful-settings-page.ts'

/** `/admin/feedback/settings`: the central admin sets «کمینهٔ n» (issue 13 item 5). */
export function helpfulSettingsRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const render = (c: Context<AppEnv>, value: string, errors: FieldErrors, saved = false) =>
    page(
      c,
      {
        title: `${Object.keys(errors).length ? 'خطا: ' : ''}${msg.minNTitle}`,
        breadcrumbs: [{ href: '/admin', text: 'پیشخوان' }],
        ...(saved ? { banner: { kind: 'success' as const, text: msg.minNSaved } } : {}),
        content: helpfulSettingsPage({ csrfToken: c.get('csrfToken') ?? '', value, errors }),
      },
      Object.keys(errors).length ? 422 : 200,
    )

  app.get('/settings', async (c) => {
    assertCanEditSettings(requireActor(c))
    const { feedbackMinN } = await loadPortalSettings(deps.db)
    return render(c, toPersianDigits(feedbackMinN), {}, c.req.query('saved') !== undefined)
  })

  app.post('/settings', async (c) => {
    const actor = requireActor(c)
    assertCanEditSettings(actor)
    const values = await readForm(c)
    const form = parseForm(feedbackMinNInput, values)
    if (!form.ok) return render(c, values.feedbackMinN ?? '', form.errors)
    await setFeedbackMinN(deps, actor, form.data.feedbackMinN)
    return c.redirect('/admin/feedback/settings?saved=1', 303)
  })

  return app
}
