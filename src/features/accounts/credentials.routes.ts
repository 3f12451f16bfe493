import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, type FormValues, parseForm, readForm } from '../../web/form.ts'
import { newFormOnceToken } from '../../web/form-once.ts'
import { page } from '../../web/page.ts'
import { type Agency, findAgencyByCode, LEVEL_LABELS } from '../agencies/index.ts'
import { issueCredentialsInput } from './account.input.ts'
import { assertCentralAdmin } from './account.policy.ts'
import { requireActor } from './actor.require.ts'
import { formOnceOf } from './issued.kit.ts'
import { msg } from './messages.fa.ts'
import { presentUser } from './user.present.ts'
import { listUsersOfAgency } from './user.queries.ts'
import { issueAgencyCredentialsOnce } from './user-once.actions.ts'
import { credentialsPage } from './views/credentials-page.ts'

/** `/admin/agencies/:code/credentials`: the central admin issues an agency's code and password. */
export function credentialRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  async function agencyOf(code: string): Promise<Agency> {
    const agency = await findAgencyByCode(deps.db, code)
    if (!agency) throw new NotFoundError('agency.not-found', msg.agencyNotFound)
    return agency
  }

  async function render(
    c: Context<AppEnv>,
    agency: Agency,
    values: FormValues,
    errors: FieldErrors,
  ) {
    const actor = requireActor(c)
    const users = await listUsersOfAgency(deps.db, agency.id)
    const invalid = Object.keys(errors).length > 0
    return page(
      c,
      {
        title: invalid ? `خطا: ${msg.credentialsTitle}` : msg.credentialsTitle,
        breadcrumbs: [
          { href: '/admin', text: 'پیشخوان' },
          { href: `/agencies/${agency.code}`, text: agency.nameFa },
        ],
        ...(c.req.query('created') === '1' && !invalid
          ? { banner: { kind: 'success' as const, text: msg.agencyCreated } }
          : {}),
        content: credentialsPage({
          csrfToken: c.get('csrfToken'),
          onceToken: newFormOnceToken(),
          agency: {
            code: agency.code,
            nameFa: agency.nameFa,
            levelLabel: LEVEL_LABELS[agency.level],
            credentialsIssuedAt: agency.credentialsIssuedAt,
          },
          users: users.map((u) => presentUser(u, actor, deps.config.signInMaxFailures)),
          values,
          errors,
        }),
      },
      invalid ? 422 : 200,
    )
  }

  app.get('/:code/credentials', async (c) => {
    assertCentralAdmin(requireActor(c))
    return render(c, await agencyOf(c.req.param('code')), {}, {})
  })

  app.post('/:code/credentials', async (c) => {
    const actor = requireActor(c)
    assertCentralAdmin(actor)
    const agency = await agencyOf(c.req.param('code'))
    const values = await readForm(c)
    const form = parseForm(issueCredentialsInput, values)
    if (!form.ok) return render(c, agency, values, form.errors)
    const once = formOnceOf(deps, c, actor, 'accounts.credentials', values)
    if (!once) return render(c, agency, values, { displayName: msg.formOnceMissing })
    // 303 to the page that shows the password once (/admin/users/issued/…); the same form sent
    // again goes there too and issues no second account.
    const outcome = await issueAgencyCredentialsOnce(deps, actor, agency.id, form.data, once)
    return c.redirect(outcome.resultPath, 303)
  })

  return app
}
