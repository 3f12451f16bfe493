import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { UnauthenticatedError } from '../../lib/errors.ts'
import { clientAddress } from '../../web/client-address.ts'
import type { AppEnv } from '../../web/env.ts'
import { parseForm, readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { changePasswordInput, signInInput } from './account.input.ts'
import { msg } from './messages.fa.ts'
import { changeOwnPassword } from './password.actions.ts'
import { clearSessionCookie, setSessionCookie } from './session.cookie.ts'
import { signIn, signOut } from './sign-in.actions.ts'
import { changePasswordPage, signInPage } from './views/sign-in-page.ts'

/** Only same-site paths: never redirect a person to another site after sign-in. */
function safeNext(value: string | undefined): string {
  return value && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/admin'
}

export function signInRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/sign-in', (c) => {
    if (c.get('actor')) return c.redirect('/admin', 303)
    const next = safeNext(c.req.query('next'))
    return page(c, {
      title: msg.signInTitle,
      content: signInPage({
        csrfToken: c.get('csrfToken'),
        values: {},
        errors: {},
        next,
        centralBodyName: c.get('centralBodyName'),
      }),
    })
  })

  app.post('/sign-in', async (c) => {
    const values = await readForm(c)
    const next = safeNext(values.next)
    const render = (errors: Record<string, string>, status: 422 | 429) =>
      page(
        c,
        {
          title: msg.signInTitle,
          content: signInPage({
            csrfToken: c.get('csrfToken'),
            values,
            errors,
            next,
            centralBodyName: c.get('centralBodyName'),
          }),
        },
        status,
      )
    const form = parseForm(signInInput, values)
    if (!form.ok) return render(form.errors, 422)
    const result = await signIn(deps, form.data, clientAddress(c, deps.config))
    if (!result.ok) {
      if (result.retryAfterSeconds) c.header('Retry-After', String(result.retryAfterSeconds))
      return render({ username: result.message }, result.retryAfterSeconds ? 429 : 422)
    }
    // A new session, and with it a new CSRF token: the one used before signing in is dead.
    setSessionCookie(c, deps.config, result.sessionToken)
    return c.redirect(result.actor.mustChangePassword ? '/account/password' : next, 303)
  })

  app.post('/sign-out', async (c) => {
    const actor = c.get('actor')
    const sessionId = c.get('sessionId')
    if (actor && sessionId) await signOut(deps, actor, sessionId)
    clearSessionCookie(c, deps.config, { newCsrfToken: true })
    return c.redirect('/', 303)
  })

  app.get('/account/password', (c) => {
    const actor = c.get('actor')
    if (!actor) throw new UnauthenticatedError('session.required', msg.signInTitle)
    return page(c, {
      title: msg.changePasswordTitle,
      content: changePasswordPage({
        csrfToken: c.get('csrfToken'),
        forced: actor.mustChangePassword,
        errors: {},
      }),
    })
  })

  app.post('/account/password', async (c) => {
    const actor = c.get('actor')
    if (!actor) throw new UnauthenticatedError('session.required', msg.signInTitle)
    const render = (errors: Record<string, string>) =>
      page(
        c,
        {
          title: msg.changePasswordTitle,
          content: changePasswordPage({
            csrfToken: c.get('csrfToken'),
            forced: actor.mustChangePassword,
            errors,
          }),
        },
        422,
      )
    const form = parseForm(changePasswordInput, await readForm(c))
    if (!form.ok) return render(form.errors)
    const result = await changeOwnPassword(deps, actor, c.get('sessionId'), form.data)
    if (!result.ok) return render(result.errors)
    return c.redirect('/admin?changed=password', 303)
  })

  return app
}
