import { createRoute } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, bearer, problemResponses } from '../../web/api.ts'
import { reviewsBody, reviewsJson, reviewsQuery } from './review.api.ts'

/** The review clock over the API, for agencies' and the centre's own systems (staff tokens). */
export function reviewApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/reviews',
      tags: ['بازبینی'],
      summary: 'وضعیت بازبینی سه‌سالهٔ خدمات',
      description:
        'برای هر خدمت منتشرشده: آخرین بازبینی، موعد بعدی و وضعیت (current، due_soon، due، overdue، escalated). کلید کارکنان دستگاه فقط خدمات دستگاه خود را می‌بیند؛ کلید ستاد همه را.',
      security: bearer,
      request: { query: reviewsQuery },
      responses: {
        200: { description: 'فهرست', content: { 'application/json': { schema: reviewsJson } } },
        ...problemResponses(401, 403, 404, 422),
      },
    }),
    async (c) => c.json(await reviewsBody(deps, c.get('actor'), c.req.valid('query')), 200),
  )
}
