import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, parseForm, plainValues, readFields } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { SLUG_CHARS } from '../services/index.ts'
import { formStartValue } from './abuse.actions.ts'
import { publicFormVisitor } from './abuse.http.ts'
import {
  isFollowUpOpen,
  loadRatedService,
  recordFollowUp,
  recordHelpfulVote,
} from './helpful.actions.ts'
import { helpfulFollowUpInput, helpfulVoteInput } from './helpful.input.ts'
import { helpfulMsg as msg } from './helpful.messages.fa.ts'
import {
  helpfulFollowUp,
  helpfulFollowUpGone,
  helpfulQuestion,
  helpfulRateLimited,
  helpfulThanks,
} from './views/helpful-pages.ts'

// Any address the slugifier makes, Persian letters included (matched on the decoded path).
const SLUG = `{[${SLUG_CHARS}-]{1,80}}`

/**
 * «آیا این صفحه مفید بود؟» (issue 13 item 1), mounted under `/services`. The vote is posted
 * from the cached service page (no CSRF token there: app.ts names this path tokenless); every
 * page here is rendered per request and never cached, so the service page itself stays cached.
 */
export function helpfulRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const crumbs = (slug: string, title: string) => [
    { href: '/', text: 'خانه' },
    { href: '/services', text: 'خدمات' },
    { href: `/services/${slug}`, text: title },
  ]
  const thanks = (slug: string) => `/services/${slug}/helpful?thanks=1`

  const rateLimited = (c: Context<AppEnv>, slug: string, title: string) =>
    page(
      c,
      {
        title: msg.rateLimitedTitle,
        breadcrumbs: crumbs(slug, title),
        content: helpfulRateLimited(slug),
      },
      429,
    )

  app.post(`/:slug${SLUG}/helpful`, async (c) => {
    const slug = c.req.param('slug')
    const { title } = await loadRatedService(deps, slug)
    const fields = await readFields(c)
    const parsed = parseForm(helpfulVoteInput, plainValues(fields))
    if (!parsed.ok)
      return page(
        c,
        {
          title: `خطا: ${msg.question}`,
          breadcrumbs: crumbs(slug, title),
          content: helpfulQuestion(slug, title, c.get('csrfToken') ?? ''),
        },
        422,
      )
    const helpful = parsed.data.vote === 'yes'
    const sender = { visitor: publicFormVisitor(c, deps.config), fields }
    const outcome = await recordHelpfulVote(deps, slug, helpful, sender)
    if (outcome.kind === 'rate-limited') return rateLimited(c, slug, title)
    if (outcome.kind === 'stored' && !helpful)
      return c.redirect(`/services/${slug}/helpful/more?vote=${outcome.value.voteId}`, 303)
    return c.redirect(thanks(slug), 303)
  })

  app.get(`/:slug${SLUG}/helpful`, async (c) => {
    const slug = c.req.param('slug')
    const { title } = await loadRatedService(deps, slug)
    if (c.req.query('thanks') !== undefined)
      return page(c, {
        title: msg.thanksTitle,
        breadcrumbs: crumbs(slug, title),
        content: helpfulThanks(slug),
      })
    return page(c, {
      title: msg.question,
      breadcrumbs: crumbs(slug, title),
      content: helpfulQuestion(slug, title, c.get('csrfToken') ?? ''),
    })
  })

  const followUpPage = async (
    c: Context<AppEnv>,
    slug: string,
    title: string,
    voteId: string,
    form: { values: Record<string, string>; errors: FieldErrors } = { values: {}, errors: {} },
  ) => {
    const invalid = Object.keys(form.errors).length > 0
    return page(
      c,
      {
        title: `${invalid ? 'خطا: ' : ''}${msg.followUpTitle}`,
        breadcrumbs: crumbs(slug, title),
        content: helpfulFollowUp({
          slug,
          serviceTitle: title,
          voteId,
          csrfToken: c.get('csrfToken') ?? '',
          started: await formStartValue(deps),
          values: form.values,
          errors: form.errors,
        }),
      },
      invalid ? 422 : 200,
    )
  }

  app.get(`/:slug${SLUG}/helpful/more`, async (c) => {
    const slug = c.req.param('slug')
    const { service, title } = await loadRatedService(deps, slug)
    const voteId = c.req.query('vote') ?? ''
    if (!(await isFollowUpOpen(deps, service.id, voteId)))
      return page(c, {
        title: msg.thanksTitle,
        breadcrumbs: crumbs(slug, title),
        content: helpfulFollowUpGone(slug),
      })
    return followUpPage(c, slug, title, voteId)
  })

  app.post(`/:slug${SLUG}/helpful/more`, async (c) => {
    const slug = c.req.param('slug')
    const { title } = await loadRatedService(deps, slug)
    const voteId = c.req.query('vote') ?? ''
    const fields = await readFields(c)
    const values = plainValues(fields)
    const parsed = parseForm(helpfulFollowUpInput, values)
    if (!parsed.ok) return followUpPage(c, slug, title, voteId, { values, errors: parsed.errors })
    const sender = { visitor: publicFormVisitor(c, deps.config), fields }
    const outcome = await recordFollowUp(deps, slug, voteId, parsed.data, sender)
    if (outcome.kind === 'rate-limited') return rateLimited(c, slug, title)
    if (outcome.kind === 'gone')
      return page(c, {
        title: msg.thanksTitle,
        breadcrumbs: crumbs(slug, title),
        content: helpfulFollowUpGone(slug),
      })
    return c.redirect(thanks(slug), 303)
  })

  return app
}
