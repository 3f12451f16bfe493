import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError, ValidationError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { ID } from '../services/index.ts'
import { assertCanAuditReviews, decideAudit, drawQuarterSample } from './audit.actions.ts'
import { currentQuarter, parseQuarterKey } from './audit.model.ts'
import { loadAgencyCounts, loadAuditView } from './audit.read.ts'
import { reviewsMsg as msg } from './messages.fa.ts'
import { auditDecisionInput } from './review.input.ts'
import {
  type AgencySort,
  agencyCountsCsv,
  agencyCountsPage,
  SORTS,
} from './views/agency-counts-page.ts'
import { auditPage } from './views/audit-page.ts'

const crumbs = [
  { href: '/admin', text: 'پیشخوان' },
  { href: '/admin/reviews', text: 'بازبینی‌ها' },
]

function sortOf(s: string | undefined): AgencySort {
  return (SORTS as readonly string[]).includes(s ?? '') ? (s as AgencySort) : 'overdue'
}

/** Central staff: counts per agency (and CSV), and the quarterly sample audit. */
export function reviewAuditRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/agencies', async (c) => {
    assertCanAuditReviews(c.get('actor'))
    const sort = sortOf(c.req.query('sort'))
    return page(c, {
      title: 'بازبینی‌ها به تفکیک دستگاه',
      breadcrumbs: crumbs,
      content: agencyCountsPage({ rows: await loadAgencyCounts(deps, sort), sort }),
    })
  })

  app.get('/agencies.csv', async (c) => {
    assertCanAuditReviews(c.get('actor'))
    const csv = agencyCountsCsv(await loadAgencyCounts(deps, sortOf(c.req.query('sort'))))
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="review-counts.csv"',
    })
  })

  app.get('/audit', async (c) => {
    assertCanAuditReviews(c.get('actor'))
    const asked = c.req.query('quarter')
    const quarter = (asked && parseQuarterKey(asked)) || currentQuarter(deps.clock.now())
    const v = await loadAuditView(deps, quarter)
    return page(c, {
      title: `بررسی نمونه‌ای بازبینی‌ها — ${v.quarterLabel}`,
      breadcrumbs: crumbs,
      content: auditPage({ ...v, csrfToken: c.get('csrfToken') }),
    })
  })

  app.post('/audit/draw', async (c) => {
    const quarter = parseQuarterKey((await readForm(c)).quarter ?? '')
    if (!quarter) throw new NotFoundError('reviews.quarter', 'این فصل شناخته نیست.')
    await drawQuarterSample(deps, c.get('actor'), quarter)
    return c.redirect(`/admin/reviews/audit?quarter=${quarter.jy}-Q${quarter.q}`, 303)
  })

  app.post(`/audit/:review${ID}`, async (c) => {
    const parsed = auditDecisionInput.safeParse(await readForm(c))
    if (!parsed.success)
      throw new ValidationError(msg.auditReasonRequired, { reason: msg.auditReasonRequired })
    const d = parsed.data
    await decideAudit(
      deps,
      c.get('actor'),
      c.req.param('review'),
      d.decision === 'reject' ? { accept: false, reason: d.reason } : { accept: true },
    )
    return c.redirect('/admin/reviews/audit', 303)
  })

  return app
}
