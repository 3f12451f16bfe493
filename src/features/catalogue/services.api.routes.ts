import { createRoute, z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { assertSignedIn } from '../../lib/actor.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import { findAgencyByCode, findAgencyById } from '../agencies/index.ts'
import { assertChannelsConsistent } from '../channels/index.ts'
import { findLawsByIds } from '../laws/index.ts'
import {
  processProblems,
  processSchema,
  processTiming,
  type ServiceProcess,
  timingRangeText,
} from '../processes/index.ts'
import {
  AUDIENCES,
  assertCanEditServicesOf,
  createService,
  findDraft,
  findPublicVersion,
  findPublished,
  LIFE_EVENTS,
  listPublicVersions,
  listPublishedServices,
  loadPublishedById,
  loadServiceById,
  servicesMsg as msg,
  type Service,
  type ServiceVersion,
  saveDraft,
  serviceContentSchema,
  startDraft,
  toCpsvAp,
  withAgencyAndLaws,
} from '../services/index.ts'
import { cpsvInputOf } from './cpsv.read.ts'
import { publishService } from './publish.actions.ts'
import {
  presentSummary,
  presentVersion,
  serviceSummaryJson,
  serviceVersionJson,
  versionListJson,
} from './service.present.ts'
import { changesPage, changesPageJson, syncQueryFields } from './sync.ts'

const tags = ['خدمات']
const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) })
const versionParam = idParam.extend({
  n: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'n', in: 'path' } }),
})
const bearer = [{ bearerAuth: [] }]

const listQuery = z.object({
  agency: z.string().max(20).optional().openapi({ description: 'کد دستگاه' }),
  audience: z.enum(AUDIENCES).optional(),
  lifeEvent: z.enum(LIFE_EVENTS).optional(),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .openapi({ description: 'کد دورقمی استان' }),
  ...syncQueryFields,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

/** A version as the API presents it: with its agency and the laws it cites. */
async function versionBody(deps: Deps, service: Service, version: ServiceVersion) {
  const s = await withAgencyAndLaws(deps, service, version)
  return presentVersion(service, version, s.agency, s.laws.values())
}

async function assertLawsExist(
  deps: Deps,
  lawIds: string[],
  pathOf = (i: number) => `content.legalBases.${i}.lawId`,
): Promise<void> {
  const found = new Set((await findLawsByIds(deps.db, lawIds)).map((l) => l.id))
  const errors: Record<string, string> = {}
  lawIds.forEach((id, i) => {
    if (!found.has(id)) errors[pathOf(i)] = 'این قانون در فهرست قوانین نیست.'
  })
  if (Object.keys(errors).length)
    throw new ValidationError('داده‌های فرستاده‌شده معتبر نیستند.', errors)
}

export function serviceApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/services',
      tags,
      summary: 'فهرست خدمات منتشرشده',
      description:
        'با updated_since، به‌جای فهرست الفبایی، تغییرات از آن زمان (ServiceChanges) برمی‌گردد و پالایه‌های دیگر (دستگاه، گیرنده، رویداد، استان) به کار نمی‌روند.',
      request: { query: listQuery },
      responses: {
        200: {
          description: 'یک صفحه از خدمات، به ترتیب الفبا؛ یا با updated_since، تغییرات',
          content: {
            'application/json': {
              schema: z.union([
                z.object({
                  items: z.array(serviceSummaryJson),
                  total: z.number().int(),
                  page: z.number().int(),
                  pageSize: z.number().int(),
                }),
                changesPageJson,
              ]),
            },
          },
        },
        ...problemResponses(422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      if (q.updated_since !== undefined)
        return c.json(await changesPage(deps, { ...q, updated_since: q.updated_since }), 200)
      const agency = q.agency ? await findAgencyByCode(deps.db, q.agency) : undefined
      if (q.agency && !agency)
        return c.json({ items: [], total: 0, page: q.page, pageSize: q.pageSize }, 200)
      const { items, total } = await listPublishedServices(
        deps.db,
        {
          agencyId: agency?.id,
          audience: q.audience,
          lifeEvent: q.lifeEvent,
          provinceCode: q.province,
        },
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      )
      return c.json(
        {
          items: items.map((s) => presentSummary(s, deps.config.publicUrl)),
          total,
          page: q.page,
          pageSize: q.pageSize,
        },
        200,
      )
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}',
      tags,
      summary: 'نسخهٔ منتشرشدهٔ یک خدمت',
      request: { params: idParam },
      responses: {
        200: {
          description: 'شناسنامهٔ خدمت',
          content: { 'application/json': { schema: serviceVersionJson } },
        },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const service = await loadServiceById(deps.db, c.req.valid('param').id)
      const version = await findPublished(deps.db, service.id)
      if (!version) throw new NotFoundError('service.not-found', msg.notFound)
      return c.json(await versionBody(deps, service, version), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/versions',
      tags,
      summary: 'همهٔ نسخه‌های منتشرشدهٔ یک خدمت (تاریخچه)',
      request: { params: idParam },
      responses: {
        200: {
          description: 'نسخه‌ها، از قدیم به جدید',
          content: { 'application/json': { schema: versionListJson } },
        },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const service = await loadServiceById(deps.db, c.req.valid('param').id)
      const versions = await listPublicVersions(deps.db, service.id)
      return c.json(
        {
          items: versions.map((v) => ({
            versionNo: v.versionNo,
            status: v.status,
            publishedAt: v.publishedAt?.toISOString() ?? null,
            changeNote: v.changeNote,
          })),
        },
        200,
      )
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/versions/{n}',
      tags,
      summary: 'یک نسخهٔ منتشرشده (کنونی یا پیشین)',
      request: { params: versionParam },
      responses: {
        200: {
          description: 'شناسنامهٔ خدمت در آن نسخه',
          content: { 'application/json': { schema: serviceVersionJson } },
        },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const { id, n } = c.req.valid('param')
      const service = await loadServiceById(deps.db, id)
      const version = await findPublicVersion(deps.db, service.id, n)
      if (!version) throw new NotFoundError('service.version-not-found', msg.versionNotFound)
      return c.json(await versionBody(deps, service, version), 200)
    },
  )

  // Not JSON but JSON-LD: documented in the registry, served by a plain handler.
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/services/{id}/cpsv-ap',
    tags,
    summary: 'خدمت منتشرشده در قالب CPSV-AP 3.2.0 (JSON-LD)',
    description: 'سند JSON-LD مطابق با شکل‌های SHACL رسمی CPSV-AP 3.2.0.',
    request: { params: idParam },
    responses: {
      200: {
        description: 'JSON-LD',
        content: {
          'application/ld+json': {
            schema: z.object({
              '@context': z.object({}).passthrough(),
              '@graph': z.array(z.object({}).passthrough()),
            }),
          },
        },
      },
      ...problemResponses(404),
    },
  })
  api.get('/services/:id/cpsv-ap', async (c) => {
    const id = c.req.param('id')
    const { service, version } = await loadPublishedById(deps.db, id)
    const doc = toCpsvAp(await cpsvInputOf(deps, await withAgencyAndLaws(deps, service, version)))
    return c.body(JSON.stringify(doc), 200, {
      'Content-Type': 'application/ld+json; charset=utf-8',
    })
  })

  api.openapi(
    createRoute({
      method: 'post',
      path: '/services',
      tags,
      summary: 'افزودن خدمت تازه (پیش‌نویس) برای دستگاه خود',
      security: bearer,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                title: z.string().min(1, msg.titleRequired).max(200),
                slug: z
                  .string()
                  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, msg.slugInvalid)
                  .max(80)
                  .optional(),
              }),
            },
          },
        },
      },
      responses: {
        201: {
          description: 'پیش‌نویس ساخته شد',
          content: { 'application/json': { schema: serviceVersionJson } },
        },
        ...problemResponses(401, 403, 422),
      },
    }),
    async (c) => {
      const actor = c.get('actor')
      const body = c.req.valid('json')
      const result = await createService(deps, actor, {
        title: body.title,
        slug: body.slug ?? null,
      })
      if (!result.ok) throw new ValidationError('داده‌های فرستاده‌شده معتبر نیستند.', result.errors)
      const agency = await findAgencyById(deps.db, result.service.agencyId)
      if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
      return c.json(presentVersion(result.service, result.draft, agency, []), 201)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/draft',
      tags,
      summary: 'پیش‌نویس خدمت (ساخته می‌شود اگر نباشد)',
      description:
        'اگر پیش‌نویسی نباشد، از نسخهٔ منتشرشده ساخته می‌شود. revision را هنگام ذخیره برگردانید.',
      security: bearer,
      request: { params: idParam },
      responses: {
        200: {
          description: 'پیش‌نویس',
          content: { 'application/json': { schema: serviceVersionJson } },
        },
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const service = await loadServiceById(deps.db, c.req.valid('param').id)
      const draft = await startDraft(deps, c.get('actor'), service.id)
      return c.json(await versionBody(deps, service, draft), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'put',
      path: '/services/{id}/draft',
      tags,
      summary: 'ذخیرهٔ پیش‌نویس خدمت',
      description:
        'اگر پس از خواندن پیش‌نویس کس دیگری آن را ذخیره کرده باشد، پاسخ ۴۰۹ است و چیزی بازنویسی نمی‌شود.',
      security: bearer,
      request: {
        params: idParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                revision: z.number().int().min(1),
                content: serviceContentSchema,
              }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'ذخیره شد',
          content: { 'application/json': { schema: serviceVersionJson } },
        },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const actor = c.get('actor')
      assertSignedIn(actor)
      const service = await loadServiceById(deps.db, c.req.valid('param').id)
      assertCanEditServicesOf(actor, service.agencyId)
      const body = c.req.valid('json')
      await assertLawsExist(
        deps,
        body.content.legalBases.map((b) => b.lawId),
      )
      assertChannelsConsistent(body.content)
      if (!(await findDraft(deps.db, service.id))) await startDraft(deps, actor, service.id)
      const result = await saveDraft(deps, actor, service.id, body.revision, () => body.content)
      if (!result.ok)
        throw new ConflictError(
          'service.draft-conflict',
          `${msg.conflict} نسخهٔ کنونی: ${result.current.revision}`,
        )
      return c.json(await versionBody(deps, service, result.draft), 200)
    },
  )

  const processBody = z
    .object({
      revision: z.number().int().openapi({ description: 'شمارهٔ بازبینی پیش‌نویس که خوانده‌اید' }),
      process: processSchema,
    })
    .openapi('DraftProcessUpdate')
  const processJson = z
    .object({
      revision: z.number().int(),
      process: processSchema,
      problems: z.array(z.string()).openapi({
        description: 'ایرادهای ساختاری فرایند به فارسی؛ فرایند دارای ایراد منتشر نمی‌شود',
      }),
      total: z
        .string()
        .nullable()
        .openapi({ description: 'زمان کل مسیر بحرانی، مانند «۷ تا ۱۲ روز کاری»' }),
    })
    .openapi('DraftProcess')
  const presentProcess = (draft: { revision: number; content: { process: ServiceProcess } }) => {
    const timing = processTiming(draft.content.process)
    return {
      revision: draft.revision,
      process: draft.content.process,
      problems: processProblems(draft.content.process),
      total: timing ? timingRangeText(timing) : null,
    }
  }

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/draft/process',
      tags,
      summary: 'فرایند پیش‌نویس خدمت (با ایرادها و زمان کل)',
      description: 'اگر پیش‌نویسی نباشد، از نسخهٔ منتشرشده ساخته می‌شود.',
      security: bearer,
      request: { params: idParam },
      responses: {
        200: {
          description: 'فرایند پیش‌نویس',
          content: { 'application/json': { schema: processJson } },
        },
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const service = await loadServiceById(deps.db, c.req.valid('param').id)
      const draft = await startDraft(deps, c.get('actor'), service.id)
      return c.json(presentProcess(draft), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'put',
      path: '/services/{id}/draft/process',
      tags,
      summary: 'ذخیرهٔ فرایند پیش‌نویس خدمت',
      description:
        'فقط فرایند جایگزین می‌شود؛ باقی شناسنامه دست نمی‌خورد. پیش‌نویسی که در این فاصله تغییر کرده باشد پاسخ ۴۰۹ می‌گیرد.',
      security: bearer,
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: processBody } } },
      },
      responses: {
        200: { description: 'ذخیره شد', content: { 'application/json': { schema: processJson } } },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const actor = c.get('actor')
      assertSignedIn(actor)
      const service = await loadServiceById(deps.db, c.req.valid('param').id)
      assertCanEditServicesOf(actor, service.agencyId)
      const body = c.req.valid('json')
      const cited = body.process.steps.flatMap((s, i) =>
        s.legalBasis ? [{ i, lawId: s.legalBasis.lawId }] : [],
      )
      await assertLawsExist(
        deps,
        cited.map((x) => x.lawId),
        (n) => `process.steps.${cited[n]?.i ?? n}.legalBasis.lawId`,
      )
      if (!(await findDraft(deps.db, service.id))) await startDraft(deps, actor, service.id)
      const result = await saveDraft(deps, actor, service.id, body.revision, (content) => ({
        ...content,
        process: body.process,
      }))
      if (!result.ok)
        throw new ConflictError(
          'service.draft-conflict',
          `${msg.conflict} نسخهٔ کنونی: ${result.current.revision}`,
        )
      return c.json(presentProcess(result.draft), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'post',
      path: '/services/{id}/publish',
      tags,
      summary: 'انتشار پیش‌نویس (مدیر دستگاه)',
      security: bearer,
      request: {
        params: idParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ changeNote: z.string().min(1, msg.changeNoteRequired).max(2000) }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'منتشر شد',
          content: { 'application/json': { schema: serviceVersionJson } },
        },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const service = await loadServiceById(deps.db, c.req.valid('param').id)
      const result = await publishService(
        deps,
        c.get('actor'),
        service.id,
        c.req.valid('json').changeNote,
      )
      if (!result.ok) throw new ValidationError(msg.notReady, result.errors)
      return c.json(await versionBody(deps, service, result.version), 200)
    },
  )
}
