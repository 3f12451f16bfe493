import { Hono } from 'hono'
import { html } from 'hono/html'
import type { AppEnv } from './env.ts'
import { page } from './page.ts'
import type { Html } from './ui/html.ts'

interface Operation {
  summary?: string
  description?: string
  tags?: string[]
  security?: unknown[]
  parameters?: {
    name: string
    in: string
    required?: boolean
    description?: string
    schema?: unknown
  }[]
  requestBody?: { content?: Record<string, { schema?: unknown }> }
  responses?: Record<string, { description?: string }>
}

interface OpenApiDoc {
  info: { title: string; description?: string }
  paths?: Record<string, Record<string, Operation> | undefined>
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

function schemaText(schema: unknown): string {
  return JSON.stringify(schema, null, 2)
}

function operationSection(method: string, path: string, op: Operation): Html {
  const id = `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-')
  const body = op.requestBody?.content?.['application/json']?.schema
  return html`<section class="mr-api-op" aria-labelledby="${id}">
    <h3 class="mr-heading-s" id="${id}"><span class="mr-tag mr-tag--blue" dir="ltr">${method.toUpperCase()}</span>
      <code dir="ltr">/api/v1${path}</code></h3>
    ${op.summary ? html`<p class="mr-body">${op.summary}</p>` : ''}
    ${op.description ? html`<p class="mr-body">${op.description}</p>` : ''}
    ${op.security?.length ? html`<p class="mr-body">نیاز به توکن: <code dir="ltr">Authorization: Bearer …</code></p>` : ''}
    ${
      op.parameters?.length
        ? html`<table class="mr-table"><caption class="mr-table__caption mr-table__caption--s">پارامترها</caption>
          <thead class="mr-table__head"><tr class="mr-table__row"><th scope="col" class="mr-table__header">نام</th><th scope="col" class="mr-table__header">محل</th><th scope="col" class="mr-table__header">الزامی</th><th scope="col" class="mr-table__header">توضیح</th></tr></thead>
          <tbody class="mr-table__body">${op.parameters.map(
            (p) =>
              html`<tr class="mr-table__row"><td class="mr-table__cell"><code dir="ltr">${p.name}</code></td><td class="mr-table__cell">${p.in}</td><td class="mr-table__cell">${p.required ? 'بله' : 'خیر'}</td><td class="mr-table__cell">${p.description ?? ''}</td></tr>`,
          )}</tbody></table>`
        : ''
    }
    ${
      body
        ? html`<details class="mr-details"><summary class="mr-details__summary"><span class="mr-details__summary-text">بدنهٔ درخواست (JSON Schema)</span></summary>
          <div class="mr-details__text"><pre class="mr-code" dir="ltr" tabindex="0">${schemaText(body)}</pre></div></details>`
        : ''
    }
    <p class="mr-body">پاسخ‌ها: ${Object.entries(op.responses ?? {}).map(
      ([status, r]) =>
        html`<span class="mr-api-status"><code dir="ltr">${status}</code> ${r.description ?? ''}</span> `,
    )}</p>
  </section>`
}

/** The human page for the API, generated from the same OpenAPI document machines read. */
export function apiDocsRoutes(document: () => unknown): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/', (c) => {
    const doc = document() as OpenApiDoc
    const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      METHODS.flatMap((m) => (item?.[m] ? [{ method: m, path, op: item[m] }] : [])),
    )
    const content = html`<h1 class="mr-heading-l">API پرتال مردم</h1>
      <p class="mr-body">${doc.info.description ?? ''}</p>
      <p class="mr-body">سند ماشین‌خوان OpenAPI 3.1: <a class="mr-link" href="/api/v1/openapi.json" dir="ltr">/api/v1/openapi.json</a>.
        خطاها با قالب <code dir="ltr">application/problem+json</code> (RFC 9457) برمی‌گردند.</p>
      ${ops.map((o) => operationSection(o.method, o.path, o.op))}`
    return page(c, { title: 'API', content })
  })
  return app
}
