import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import { answerAccuracyReport } from './report.actions.ts'
import { parseAnswer } from './report.input.ts'
import { reportMsg as msg } from './report.messages.fa.ts'
import { formatTrackingCode } from './report.model.ts'
import { loadReportDetail, loadReportList } from './report.read.ts'
import { reportDetailPage, reportListPage } from './views/report-staff.ts'

/** `/admin/reports`: the agency's reports (every agency's for the centre) and the answer page. */
export function reportAdminRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const crumbs = [
    { href: '/admin', text: 'پیشخوان' },
    { href: '/admin/reports', text: msg.inboxTitle },
  ]

  app.get('/', async (c) => {
    const v = await loadReportList(deps, requireActor(c), c.req.query())
    return page(c, {
      title: v.overdueOnly ? msg.overdueTitle : msg.inboxTitle,
      breadcrumbs: [{ href: '/admin', text: 'پیشخوان' }],
      content: reportListPage(v),
    })
  })

  const show = async (
    c: Context<AppEnv>,
    id: string,
    values: Record<string, string> = {},
    errors: FieldErrors = {},
  ) => {
    const v = await loadReportDetail(deps, requireActor(c), id)
    const answered = c.req.query('done') === 'answered'
    return page(
      c,
      {
        title: `گزارش ${formatTrackingCode(v.report.code)}`,
        breadcrumbs: crumbs,
        ...(answered ? { banner: { kind: 'success' as const, text: msg.answered } } : {}),
        content: reportDetailPage(v, c.get('csrfToken'), values, errors),
      },
      Object.keys(errors).length ? 422 : 200,
    )
  }

  app.get('/:id', (c) => show(c, c.req.param('id')))

  app.post('/:id/answer', async (c) => {
    const id = c.req.param('id')
    const detail = await loadReportDetail(deps, requireActor(c), id)
    const values = await readForm(c)
    const parsed = parseAnswer(values, detail.currentVersionNo)
    if (!parsed.ok) return show(c, id, values, parsed.errors)
    const result = await answerAccuracyReport(deps, requireActor(c), detail.id, parsed.answer)
    if (!result.ok) return show(c, id, values, result.errors)
    return c.redirect(`/admin/reports/${detail.id}?done=answered`, 303)
  })

  return app
}
