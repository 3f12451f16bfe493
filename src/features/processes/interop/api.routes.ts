/**
 * The process exports and import on the public API (DESIGN §7), mounted on the `/api/v1`
 * router next to the service routes:
 *
 * - `GET /services/{id}/process.bpmn`: the published version's process as BPMN 2.0 XML with
 *   diagram interchange (`application/xml`).
 * - `GET /services/{id}/process.mmd`: the same process as Mermaid text (`text/plain`).
 * - `POST /services/{id}/process/import` (Bearer, an editor of the service's agency): a BPMN
 *   file in the body (`application/xml`, at most the app's 1 MiB body limit) is converted and
 *   answered as `{ process, unmapped, problems }`. Nothing is saved: the editor reviews the
 *   result and saves it into the draft with `PUT /services/{id}/draft` as usual (which checks
 *   that the laws cited in the steps exist).
 *
 * Published versions never change, so both exports are built once per version and kept.
 */

import { z } from '@hono/zod-openapi'
import type { Deps } from '../../../deps.ts'
import { assertSignedIn } from '../../../lib/actor.ts'
import { NotFoundError, ValidationError } from '../../../lib/errors.ts'
import { type Api, bearer, problemResponses } from '../../../web/api.ts'
import { fieldErrorsOf } from '../../../web/form.ts'
import type { Service, ServiceVersion } from '../../services/index.ts'
import {
  assertCanEditServicesOf,
  loadPublishedById,
  loadServiceById,
  processSchema,
} from '../../services/index.ts'
import { processProblems } from '../process.rules.ts'
import { toBpmnXml } from './bpmn-export.ts'
import { fromBpmnXml } from './bpmn-import.ts'
import { routeMessages } from './bpmn-messages.fa.ts'
import { toMermaid } from './mermaid.ts'

const tags = ['خدمات']
const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) })

/** Exports of published versions, by version id and format (they never change). */
const cache = new Map<string, string>()
const CACHE_LIMIT = 1000

function cached(key: string, build: () => string): string {
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const value = build()
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value
    if (oldest !== undefined) cache.delete(oldest)
  }
  cache.set(key, value)
  return value
}

async function publishedProcess(
  deps: Deps,
  id: string,
): Promise<{ service: Service; version: ServiceVersion }> {
  const { service, version } = await loadPublishedById(deps.db, id)
  if (version.content.process.steps.length === 0)
    throw new NotFoundError('service.process-not-found', routeMessages.noProcess)
  return { service, version }
}

export function processInteropApiRoutes(api: Api, deps: Deps): void {
  // Not JSON: documented in the registry, served by plain handlers (like /cpsv-ap).
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/services/{id}/process.bpmn',
    tags,
    summary: 'فرایند خدمت منتشرشده در قالب BPMN 2.0 (XML)',
    description:
      'سند BPMN 2.0 معتبر در برابر BPMN20.xsd، با نمودار (BPMN DI) به همان چیدمان نمودار پرتال. جزئیات هر مرحله (زمان، انجام‌دهنده، واحد، شیوه، حالت ویژه) در extensionElements با فضای نام https://mardom.gov.ir/ns/bpmn/1.0 آمده است.',
    request: { params: idParam },
    responses: {
      200: { description: 'BPMN 2.0 XML', content: { 'application/xml': { schema: z.string() } } },
      ...problemResponses(404),
    },
  })
  api.get('/services/:id/process.bpmn', async (c) => {
    const { service, version } = await publishedProcess(deps, c.req.param('id'))
    const xml = cached(`${version.id}:bpmn`, () =>
      toBpmnXml({
        serviceId: service.id,
        title: version.content.title,
        process: version.content.process,
        baseUrl: deps.config.publicUrl,
      }),
    )
    return c.body(xml, 200, {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Disposition': `inline; filename="${service.slug}.bpmn"`,
    })
  })

  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/services/{id}/process.mmd',
    tags,
    summary: 'فرایند خدمت منتشرشده در قالب Mermaid',
    description: 'متن نمودار Mermaid (flowchart TD) با همان مراحل، شرط‌ها و بازگشت‌ها.',
    request: { params: idParam },
    responses: {
      200: { description: 'Mermaid', content: { 'text/plain': { schema: z.string() } } },
      ...problemResponses(404),
    },
  })
  api.get('/services/:id/process.mmd', async (c) => {
    const { service, version } = await publishedProcess(deps, c.req.param('id'))
    const text = cached(`${version.id}:mmd`, () => toMermaid(version.content.process))
    return c.body(text, 200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `inline; filename="${service.slug}.mmd"`,
    })
  })

  api.openAPIRegistry.registerPath({
    method: 'post',
    path: '/services/{id}/process/import',
    tags,
    summary: 'تبدیل پروندهٔ BPMN 2.0 به فرایند خدمت (بدون ذخیره)',
    description:
      'پرونده BPMN در بدنهٔ درخواست. پاسخ فرایند تبدیل‌شده است، همراه با آنچه وارد نشد (unmapped) و ایرادهای فرایند (problems). برای ذخیره، فرایند را در پیش‌نویس بگذارید.',
    security: bearer,
    request: {
      params: idParam,
      body: { required: true, content: { 'application/xml': { schema: z.string() } } },
    },
    responses: {
      200: {
        description: 'فرایند تبدیل‌شده',
        content: {
          'application/json': {
            schema: z.object({
              process: z.object({}).passthrough(),
              unmapped: z.array(z.string()),
              problems: z.array(z.string()),
            }),
          },
        },
      },
      ...problemResponses(401, 403, 404, 422),
    },
  })
  api.post('/services/:id/process/import', async (c) => {
    const actor = c.get('actor')
    assertSignedIn(actor)
    const id = c.req.param('id')
    const service = await loadServiceById(deps.db, id)
    assertCanEditServicesOf(actor, service.agencyId)
    const { process, unmapped } = await fromBpmnXml(await c.req.text())
    const parsed = processSchema.safeParse(process)
    if (!parsed.success)
      throw new ValidationError(routeMessages.doesNotFit, fieldErrorsOf(parsed.error))
    return c.json({ process: parsed.data, unmapped, problems: processProblems(parsed.data) }, 200)
  })
}
