import { createRoute } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import { maturityIndicatorBody } from './channel.api.read.ts'
import { maturityIndicatorJson, maturityIndicatorQuery } from './channel.api.schemas.ts'

/**
 * The e-service maturity indicator: how the published services of each agency spread over
 * the five levels. Registered after `channelApiRoutes`.
 */
export function maturityApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/indicators/e-service-maturity',
      tags: ['شاخص‌ها'],
      summary: 'شاخص سطح بلوغ خدمات الکترونیکی هر دستگاه',
      description:
        'توزیع و میانگین سطح بلوغ خدمات منتشرشدهٔ هر دستگاه (خدمات لغوشده شمرده نمی‌شوند). بدون agency، همهٔ دستگاه‌ها.',
      request: { query: maturityIndicatorQuery },
      responses: {
        200: {
          description: 'شاخص',
          content: { 'application/json': { schema: maturityIndicatorJson } },
        },
        ...problemResponses(404, 422),
      },
    }),
    async (c) => c.json(await maturityIndicatorBody(deps, c.req.valid('query').agency), 200),
  )
}
