import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError, ValidationError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { fieldErrorsOf } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import { findAgencyByCode } from '../agencies/index.ts'
import { CODE } from './indicator-admin.read.ts'
import { loadPeriodReview } from './indicator-period.read.ts'
import { renderIndicator } from './indicator-staff.pages.ts'
import { decidePeriod, recordValue, submitPeriod } from './value.actions.ts'
import { periodDecisionForm, valueForm } from './value.input.ts'
import { periodReviewPage } from './views/period-review.ts'

const PERIOD = '{[0-9]{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?}'
const AGENCY = '{[0-9]{1,10}}'

/** The text fields of a multipart body (files are read separately). */
function textFields(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v
  return out
}

/**
 * Values on the staff pages (issue 14 item 4): a value entered by hand with its evidence on the
 * indicator's page, the agency admin sending a period, and the centre's review of a period.
 */
export function indicatorValueRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.post(`/:code${CODE}/values`, async (c) => {
    const code = c.req.param('code')
    const actor = requireActor(c)
    const body = await c.req.parseBody()
    const values = textFields(body)
    const parsed = valueForm.safeParse(values)
    if (!parsed.success)
      return renderIndicator(c, deps, code, undefined, {
        values,
        errors: fieldErrorsOf(parsed.error),
      })
    const file = body.evidenceFile
    const evidence =
      file instanceof File && file.size > 0
        ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
        : null
    try {
      await recordValue(deps, actor, code, parsed.data, 'manual', evidence)
    } catch (e) {
      if (e instanceof ValidationError)
        return renderIndicator(c, deps, code, undefined, { values, errors: e.fieldErrors })
      throw e
    }
    return c.redirect(`/admin/indicators/${code}?done=value#values`, 303)
  })

  app.post(`/periods/:period${PERIOD}/submit`, async (c) => {
    const actor = requireActor(c)
    await submitPeriod(deps, actor, c.req.param('period'))
    return c.redirect('/admin/indicators?done=period-submitted', 303)
  })

  app.get(`/periods/:agency${AGENCY}/:period${PERIOD}`, async (c) => {
    const v = await loadPeriodReview(
      deps,
      requireActor(c),
      c.req.param('agency'),
      c.req.param('period'),
    )
    return page(c, {
      title: v.title,
      breadcrumbs: [{ href: '/admin/indicators', text: 'شاخص‌های عملکرد' }],
      content: periodReviewPage({ ...v, csrfToken: c.get('csrfToken'), errors: {} }),
    })
  })

  app.post(`/periods/:agency${AGENCY}/:period${PERIOD}`, async (c) => {
    const actor = requireActor(c)
    const agency = await findAgencyByCode(deps.db, c.req.param('agency'))
    if (!agency) throw new NotFoundError('agency.not-found', 'دستگاهی با این کد نیست.')
    const period = c.req.param('period')
    const fields = textFields(await c.req.parseBody())
    const parsed = periodDecisionForm.safeParse(fields)
    const errors = parsed.success ? {} : fieldErrorsOf(parsed.error)
    if (parsed.success) {
      try {
        await decidePeriod(deps, actor, agency.id, period, {
          accept: parsed.data.decision === 'accept',
          comment: parsed.data.comment,
        })
        return c.redirect(
          `/admin/indicators?done=${parsed.data.decision === 'accept' ? 'period-accepted' : 'period-returned'}`,
          303,
        )
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e
        Object.assign(errors, e.fieldErrors)
      }
    }
    const v = await loadPeriodReview(deps, actor, agency.code, period)
    return page(
      c,
      {
        title: `خطا: ${v.title}`,
        breadcrumbs: [{ href: '/admin/indicators', text: 'شاخص‌های عملکرد' }],
        content: periodReviewPage({ ...v, csrfToken: c.get('csrfToken'), errors }),
      },
      422,
    )
  })

  return app
}
