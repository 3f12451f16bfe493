import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { html } from 'hono/html'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { problemResponse } from '../../web/problem.ts'
import { isApiPath } from '../../web/request-url.ts'
import { MAX_FORM_UPLOAD_BODY } from './form-file.model.ts'
import { formsMsg as m } from './messages.fa.ts'

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'
const UPLOAD_PATHS = [
  new RegExp(`^/admin/services/${UUID}/edit/forms/?$`),
  new RegExp(`^/admin/services/${UUID}/edit/forms/[0-9a-f]{64}/file/?$`),
  new RegExp(`^/api/v1/services/${UUID}/draft/forms/?$`),
]

/** The routes that receive form files, and so may take a body of up to 10 MB and a little. */
export function isFormUploadPath(path: string): boolean {
  return UPLOAD_PATHS.some((re) => re.test(path))
}

/**
 * The body limit of the form-upload routes (app.ts keeps 1 MB everywhere else). A body over
 * it is answered 413 with a Persian message: a page, or problem+json under /api.
 */
export function formUploadBodyLimit(): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: MAX_FORM_UPLOAD_BODY,
    onError: (c) => {
      if (isApiPath(c.req.path))
        return problemResponse(c, {
          type: '/problems/forms.too-large',
          title: 'حجم درخواست زیاد است',
          status: 413,
          detail: m.uploadTooLarge,
        })
      return page(
        c,
        {
          title: 'حجم درخواست زیاد است',
          content: html`<h1 class="mr-heading-l">حجم درخواست زیاد است</h1>
            <p class="mr-body">${m.uploadTooLarge}</p>
            <p class="mr-body"><a class="mr-link" href="${c.req.path.replace(/\/edit\/forms.*$/, '/edit/forms')}">${m.sectionLabel}</a></p>`,
        },
        413,
      )
    },
  })
  return (c, next) => (isFormUploadPath(c.req.path) ? limit(c, next) : next())
}
