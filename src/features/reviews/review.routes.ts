import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { readFields } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import { ID } from '../services/index.ts'
import { reviewsMsg as msg } from './messages.fa.ts'
import { openReview, publishRevision, saveAnswers, signOffUnchanged } from './review.actions.ts'
import { changeNoteOf, parseAnswers, reviewRevision } from './review.input.ts'
import { findOpenReview, findReviewById } from './review.queries.ts'
import { loadReviewPage } from './review.read.ts'
import { loadReviewList } from './review-list.read.ts'
import { reviewListPage } from './views/review-list-page.ts'
import { reviewPage } from './views/review-page.ts'

const DONE: Record<string, string> = {
  opened: msg.opened,
  already: msg.alreadyOpen,
  saved: msg.saved,
  unchanged: msg.signedOffUnchanged,
  revised: msg.signedOffRevised,
}

/** `/admin/reviews`: the agency's (or, for central staff, every agency's) reviews. */
export function reviewRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  const show = async (
    c: Context<AppEnv>,
    serviceId: string,
    form?: { values: Record<string, string>; errors: Record<string, string> },
  ) => {
    const v = await loadReviewPage(deps, c.get('actor'), serviceId, form)
    const done = DONE[c.req.query('done') ?? '']
    const errors = form?.errors ?? {}
    return page(
      c,
      {
        title: msg.reviewTitle(v.serviceTitle),
        breadcrumbs: [
          { href: '/admin', text: 'پیشخوان' },
          { href: '/admin/reviews', text: msg.listTitle },
        ],
        ...(done ? { banner: { kind: 'success' as const, text: done } } : {}),
        content: reviewPage({ ...v, csrfToken: c.get('csrfToken') }),
      },
      Object.keys(errors).length ? 422 : 200,
    )
  }

  const serviceOfReview = async (reviewId: string) => {
    const review = /^[0-9a-f-]{36}$/.test(reviewId)
      ? await findReviewById(deps.db, reviewId)
      : undefined
    if (!review) throw new NotFoundError('review.not-found', msg.notFound)
    return review
  }

  app.get('/', async (c) => {
    const v = await loadReviewList(deps, requireActor(c), c.req.query('state'))
    return page(c, {
      title: msg.listTitle,
      breadcrumbs: [{ href: '/admin', text: 'پیشخوان' }],
      content: reviewListPage(v),
    })
  })

  app.get(`/services/:id${ID}`, (c) => show(c, c.req.param('id')))

  app.post(`/services/:id${ID}/open`, async (c) => {
    const id = c.req.param('id')
    // A second «شروع بازبینی» (another tab, another editor) lands on the one already open.
    const already = await findOpenReview(deps.db, id)
    await openReview(deps, requireActor(c), id)
    return c.redirect(`/admin/reviews/services/${id}?done=${already ? 'already' : 'opened'}`, 303)
  })

  app.post(`/:review${ID}/answers`, async (c) => {
    const review = await serviceOfReview(c.req.param('review'))
    const fields = await readFields(c)
    const parsed = parseAnswers(fields)
    if (!parsed.ok)
      return show(c, review.serviceId, {
        values: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])),
        errors: parsed.errors,
      })
    await saveAnswers(deps, requireActor(c), review.id, parsed.revision, parsed.answers)
    return c.redirect(`/admin/reviews/services/${review.serviceId}?done=saved`, 303)
  })

  app.post(`/:review${ID}/sign-off`, async (c) => {
    const review = await serviceOfReview(c.req.param('review'))
    const result = await signOffUnchanged(
      deps,
      requireActor(c),
      review.id,
      reviewRevision(await readFields(c)),
    )
    if (!result.ok) return show(c, review.serviceId, { values: {}, errors: result.errors })
    return c.redirect(`/admin/reviews/services/${review.serviceId}?done=unchanged`, 303)
  })

  app.post(`/:review${ID}/publish`, async (c) => {
    const review = await serviceOfReview(c.req.param('review'))
    const fields = await readFields(c)
    const result = await publishRevision(
      deps,
      requireActor(c),
      review.id,
      reviewRevision(fields),
      changeNoteOf(fields),
    )
    if (!result.ok)
      return show(c, review.serviceId, {
        values: { changeNote: changeNoteOf(fields) },
        errors: result.errors,
      })
    return c.redirect(`/admin/reviews/services/${review.serviceId}?done=revised`, 303)
  })

  return app
}
