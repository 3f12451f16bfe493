import { createRoute, z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { assertSignedIn } from '../../lib/actor.ts'
import { ConflictError, NotFoundError } from '../../lib/errors.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import { findAgencyByCode, listAgencyBriefs } from '../agencies/index.ts'
import type { ServiceContent } from '../services/index.ts'
import {
  assertCanEditServicesOf,
  channelSchema,
  findDraft,
  findPublished,
  loadServiceById,
  servicesMsg as msg,
  saveDraft,
  stageMatrixSchema,
  startDraft,
} from '../services/index.ts'
import { setChannelsAndStages } from './channel.changes.ts'
import { assertChannelsConsistent } from './channel.input.ts'
import { listPublishedLevels } from './channel.queries.ts'
import { type MaturityLevel, maturityLevel, summarizeMaturity } from './maturity.model.ts'
import { MATURITY_LABELS } from './messages.fa.ts'

const tags = ['راه‌های دسترسی']
const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) })
const bearer = [{ bearerAuth: [] }]

const maturityJson = z
  .object({
    level: z.number().int().min(1).max(5),
    label: z.string(),
    definition: z.string().openapi({ format: 'uri' }),
  })
  .openapi('EServiceMaturity', {
    description: 'سطح بلوغ خدمت الکترونیکی (۱ اطلاع‌رسانی … ۵ الکترونیکی کامل)، حساب‌شده از شناسنامه',
  })

const channelsJson = z
  .object({
    channels: z.array(channelSchema),
    stages: stageMatrixSchema,
    maturity: maturityJson,
  })
  .openapi('ServiceChannels')

const draftChannelsJson = z
  .object({
    revision: z.number().int(),
    channels: z.array(channelSchema),
    stages: stageMatrixSchema,
    maturity: maturityJson,
  })
  .openapi('DraftChannels')

const draftChannelsBody = z
  .object({
    revision: z.number().int().openapi({ description: 'شمارهٔ بازبینی پیش‌نویس که خوانده‌اید' }),
    channels: z.array(channelSchema).max(30).openapi({
      description:
        'همهٔ راه‌های دسترسی. شناسهٔ راه‌های موجود را نگه دارید (جدول مراحل به آن اشاره می‌کند)؛ برای راه تازه شناسه‌ای کوتاه مانند ch-abc123 بسازید.',
    }),
    stages: stageMatrixSchema,
  })
  .openapi('DraftChannelsUpdate')

const countsJson = z.object({
  1: z.number().int(),
  2: z.number().int(),
  3: z.number().int(),
  4: z.number().int(),
  5: z.number().int(),
})
const agencyMaturityJson = z
  .object({
    agency: z.object({ code: z.string(), nameFa: z.string() }),
    services: z.number().int(),
    counts: countsJson.openapi({ description: 'تعداد خدمات منتشرشده در هر سطح' }),
    average: z.number().nullable(),
  })
  .openapi('AgencyEServiceMaturity')

function maturityOf(publicUrl: string, c: Pick<ServiceContent, 'channels' | 'stages' | 'forms'>) {
  const level = maturityLevel(c)
  return {
    level,
    label: MATURITY_LABELS[level],
    definition: `${publicUrl}/help/e-service-maturity`,
  }
}

export function channelApiRoutes(api: Api, deps: Deps): void {
  const loadService = (id: string) => loadServiceById(deps.db, id)

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/channels',
      tags,
      summary: 'راه‌های دسترسی، جدول مراحل و سطح بلوغ نسخهٔ منتشرشده',
      request: { params: idParam },
      responses: {
        200: {
          description: 'راه‌های دسترسی',
          content: { 'application/json': { schema: channelsJson } },
        },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const service = await loadService(c.req.valid('param').id)
      const version = service.withdrawnAt ? undefined : await findPublished(deps.db, service.id)
      if (!version) throw new NotFoundError('service.not-found', msg.notFound)
      const content = version.content
      return c.json(
        {
          channels: content.channels,
          stages: content.stages,
          maturity: maturityOf(deps.config.publicUrl, content),
        },
        200,
      )
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/draft/channels',
      tags,
      summary: 'راه‌های دسترسی و جدول مراحل پیش‌نویس',
      description:
        'اگر پیش‌نویسی نباشد، از نسخهٔ منتشرشده ساخته می‌شود. revision را هنگام ذخیره برگردانید.',
      security: bearer,
      request: { params: idParam },
      responses: {
        200: {
          description: 'پیش‌نویس',
          content: { 'application/json': { schema: draftChannelsJson } },
        },
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const service = await loadService(c.req.valid('param').id)
      const draft = await startDraft(deps, c.get('actor'), service.id)
      const content = draft.content
      return c.json(
        {
          revision: draft.revision,
          channels: content.channels,
          stages: content.stages,
          maturity: maturityOf(deps.config.publicUrl, content),
        },
        200,
      )
    },
  )

  api.openapi(
    createRoute({
      method: 'put',
      path: '/services/{id}/draft/channels',
      tags,
      summary: 'جایگزینی راه‌های دسترسی و جدول مراحل پیش‌نویس',
      description:
        'فقط راه‌ها و جدول مراحل جایگزین می‌شوند. جدول مراحل فقط به راه‌های همین خدمت اشاره می‌کند و هر مرحلهٔ الکترونیکی دست‌کم یک راه الکترونیکی دارد؛ وگرنه ۴۲۲. پیش‌نویسی که در این فاصله تغییر کرده باشد پاسخ ۴۰۹ می‌گیرد.',
      security: bearer,
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: draftChannelsBody } } },
      },
      responses: {
        200: {
          description: 'ذخیره شد',
          content: { 'application/json': { schema: draftChannelsJson } },
        },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const actor = c.get('actor')
      assertSignedIn(actor)
      const service = await loadService(c.req.valid('param').id)
      assertCanEditServicesOf(actor, service.agencyId)
      const body = c.req.valid('json')
      assertChannelsConsistent(body)
      if (!(await findDraft(deps.db, service.id))) await startDraft(deps, actor, service.id)
      const result = await saveDraft(
        deps,
        actor,
        service.id,
        body.revision,
        setChannelsAndStages(body.channels, body.stages),
      )
      if (!result.ok)
        throw new ConflictError(
          'service.draft-conflict',
          `${msg.conflict} نسخهٔ کنونی: ${result.current.revision}`,
        )
      const content = result.draft.content
      return c.json(
        {
          revision: result.draft.revision,
          channels: content.channels,
          stages: content.stages,
          maturity: maturityOf(deps.config.publicUrl, content),
        },
        200,
      )
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/indicators/e-service-maturity',
      tags: ['شاخص‌ها'],
      summary: 'شاخص سطح بلوغ خدمات الکترونیکی هر دستگاه',
      description:
        'توزیع و میانگین سطح بلوغ خدمات منتشرشدهٔ هر دستگاه (خدمات لغوشده شمرده نمی‌شوند). بدون agency، همهٔ دستگاه‌ها.',
      request: {
        query: z.object({
          agency: z.string().max(20).optional().openapi({ description: 'کد دستگاه' }),
        }),
      },
      responses: {
        200: {
          description: 'شاخص',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(agencyMaturityJson), definition: z.string() }),
            },
          },
        },
        ...problemResponses(404, 422),
      },
    }),
    async (c) => {
      const code = c.req.valid('query').agency
      const agencies = code
        ? [await findAgencyByCode(deps.db, code)].filter((a) => a !== undefined)
        : await listAgencyBriefs(deps.db)
      if (code && agencies.length === 0)
        throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
      const levels = await listPublishedLevels(deps.db, code ? agencies[0]?.id : undefined)
      const byAgency = new Map<string, MaturityLevel[]>()
      for (const l of levels)
        byAgency.set(l.agencyId, [...(byAgency.get(l.agencyId) ?? []), l.level])
      return c.json(
        {
          items: agencies.map((a) => ({
            agency: { code: a.code, nameFa: a.nameFa },
            ...summarizeMaturity(byAgency.get(a.id) ?? []),
          })),
          definition: `${deps.config.publicUrl}/help/e-service-maturity`,
        },
        200,
      )
    },
  )
}
