import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, parseForm, readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { formStartValue } from './abuse.actions.ts'
import { publicFormVisitor } from './abuse.http.ts'
import { submitReport } from './report.actions.ts'
import { isReportSection, reportInput } from './report.input.ts'
import { reportMsg as msg } from './report.messages.fa.ts'
import { parseTrackingCode } from './report.model.ts'
import { loadPublicReport, loadReportedService } from './report.read.ts'
import { guardFields } from './views/guard-fields.ts'
import { reportFormPage } from './views/report-form.ts'
import { reportDroppedPage, reportLookupPage, reportStatusPage } from './views/report-status.ts'

/**
 * Reports of wrong information, for citizens (no sign-in, no JavaScript): the form at
 * `/services/<slug>/report?section=…` (linked from each section of the service page) and the
 * status page `/reports/<code>`.
 */
export function reportFormRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  const showForm = async (
    c: Context<AppEnv>,
    slug: string,
    values: Record<string, string>,
    errors: FieldErrors,
  ) => {
    const service = await loadReportedService(deps, slug)
    return page(
      c,
      {
        title: msg.formTitle(service.title),
        breadcrumbs: [
          { href: '/', text: 'خانه' },
          { href: `/services/${service.slug}`, text: service.title },
        ],
        content: reportFormPage({
          csrfToken: c.get('csrfToken'),
          slug: service.slug,
          serviceTitle: service.title,
          values,
          errors,
          guardFields: guardFields(await formStartValue(deps)),
        }),
      },
      Object.keys(errors).length ? 422 : 200,
    )
  }

  app.get('/:slug/report', (c) => {
    const section = c.req.query('section') ?? ''
    return showForm(c, c.req.param('slug'), isReportSection(section) ? { section } : {}, {})
  })

  app.post('/:slug/report', async (c) => {
    const slug = c.req.param('slug')
    const values = await readForm(c)
    const parsed = parseForm(reportInput, values)
    if (!parsed.ok) return showForm(c, slug, values, parsed.errors)
    const result = await submitReport(deps, slug, parsed.data, {
      visitor: publicFormVisitor(c, deps.config),
      fields: values,
    })
    if (result.stored) return c.redirect(`/reports/${result.report.code}?sent=1`, 303)
    // Refused by the honeypot, the fill time or as a duplicate: told nothing a bot could use.
    return page(c, { title: msg.statusTitle, content: reportDroppedPage() })
  })

  return app
}

/** `/reports`: look a report up by its code; `/reports/<code>`: its public state. */
export function reportStatusRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    const raw = c.req.query('code')
    if (raw === undefined)
      return page(c, { title: msg.statusTitle, content: reportLookupPage({ code: '' }, null) })
    const code = parseTrackingCode(raw)
    if (code) return c.redirect(`/reports/${code}`, 303)
    return page(
      c,
      { title: msg.statusTitle, content: reportLookupPage({ code: raw }, msg.notFound) },
      422,
    )
  })

  app.get('/:code', async (c) => {
    const report = await loadPublicReport(deps, c.req.param('code'))
    return page(c, {
      title: msg.statusTitle,
      breadcrumbs: [{ href: '/', text: 'خانه' }],
      content: reportStatusPage(report, c.req.query('sent') === '1'),
    })
  })

  return app
}
