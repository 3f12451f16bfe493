import { createRoute, z } from '@hono/zod-openapi'
import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { isCentralAdmin } from '../../lib/actor.ts'
import { NotFoundError, UnauthenticatedError, ValidationError } from '../../lib/errors.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import type { AppEnv } from '../../web/env.ts'
import { fieldErrorsOf, parseForm, readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { pageNumber } from '../../web/pagination.ts'
import { createAgency, editAgency } from './agency.actions.ts'
import { agencyFields, agencyInput } from './agency.input.ts'
import { AGENCY_LEVELS, type AgencyLevel } from './agency.model.ts'
import { assertCanManageAgencies } from './agency.policy.ts'
import { agencyJson, agencyValues, presentAgency } from './agency.present.ts'
import {
  findAgencyByCode,
  findAgencyById,
  listAgencies,
  listAgencyAncestry,
  listAgencyBriefs,
  listChildAgencies,
} from './agency.queries.ts'
import { msg } from './messages.fa.ts'
import { agencyFormPage, agencyIndexPage, agencyPage } from './views/agency-views.ts'

const PAGE_SIZE = 50

function parseLevel(value: string | undefined): AgencyLevel | undefined {
  return AGENCY_LEVELS.find((l) => l === value)
}

export function agencyPublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 100)
    const level = parseLevel(c.req.query('level'))
    const canCreate = isCentralAdmin(c.get('actor'))
    if (!q && !level) {
      const briefs = await listAgencyBriefs(deps.db)
      // National bodies only; each organisation's page lists its provincial offices.
      const tops = briefs.filter((b) => b.parentId === null)
      const tree = tops.map((node) => ({
        node,
        children: briefs.filter((b) => b.parentId === node.id),
      }))
      return page(c, {
        title: msg.indexTitle,
        content: agencyIndexPage({ q, level: '', tree, results: null, canCreate }),
      })
    }
    const current = pageNumber(c.req.query('page'))
    const { items, total } = await listAgencies(
      deps.db,
      { q, level },
      { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE },
    )
    const href = (p: number) =>
      `/agencies?${new URLSearchParams({ q, level: level ?? '', page: String(p) })}`
    return page(c, {
      title: msg.indexTitle,
      content: agencyIndexPage({
        q,
        level: level ?? '',
        tree: null,
        results: {
          items,
          total,
          page: current,
          pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
          href,
        },
        canCreate,
      }),
    })
  })

  app.get('/:code', async (c) => {
    const agency = await findAgencyByCode(deps.db, c.req.param('code'))
    if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
    const [ancestry, children] = await Promise.all([
      listAgencyAncestry(deps.db, agency.id),
      listChildAgencies(deps.db, agency.id),
    ])
    return page(c, {
      title: agency.nameFa,
      breadcrumbs: [
        { href: '/', text: 'خانه' },
        { href: '/agencies', text: msg.indexTitle },
        ...ancestry.slice(0, -1).map((a) => ({ href: `/agencies/${a.code}`, text: a.nameFa })),
      ],
      content: agencyPage({ agency, ancestry, children, canEdit: isCentralAdmin(c.get('actor')) }),
    })
  })

  return app
}

export function agencyAdminRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  const form = async (
    c: Context<AppEnv>,
    mode: 'new' | 'edit',
    action: string,
    values: Record<string, string>,
    errors: Record<string, string>,
  ) =>
    page(
      c,
      {
        title: mode === 'new' ? msg.newTitle : msg.editTitle,
        content: agencyFormPage({
          csrfToken: c.get('csrfToken'),
          mode,
          action,
          values,
          errors,
          parents: await listAgencyBriefs(deps.db),
        }),
      },
      Object.keys(errors).length ? 422 : 200,
    )

  app.get('/new', async (c) => {
    assertCanManageAgencies(c.get('actor'))
    return form(c, 'new', '/admin/agencies/new', {}, {})
  })

  app.post('/new', async (c) => {
    const actor = c.get('actor')
    assertCanManageAgencies(actor)
    const values = await readForm(c)
    const parsed = parseForm(agencyInput, values)
    if (!parsed.ok) return form(c, 'new', '/admin/agencies/new', values, parsed.errors)
    const result = await createAgency(deps, actor, parsed.data)
    if (!result.ok) return form(c, 'new', '/admin/agencies/new', values, result.errors)
    return c.redirect(`/admin/agencies/${result.agency.code}/credentials?created=1`, 303)
  })

  app.get('/:code/edit', async (c) => {
    assertCanManageAgencies(c.get('actor'))
    const agency = await findAgencyByCode(deps.db, c.req.param('code'))
    if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
    return form(c, 'edit', `/admin/agencies/${agency.code}/edit`, agencyValues(agency), {})
  })

  app.post('/:code/edit', async (c) => {
    const actor = c.get('actor')
    assertCanManageAgencies(actor)
    const agency = await findAgencyByCode(deps.db, c.req.param('code'))
    if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
    const action = `/admin/agencies/${agency.code}/edit`
    const values = await readForm(c)
    const parsed = parseForm(agencyInput, values)
    if (!parsed.ok) return form(c, 'edit', action, values, parsed.errors)
    const result = await editAgency(deps, actor, agency.id, parsed.data)
    if (!result.ok) return form(c, 'edit', action, values, result.errors)
    return c.redirect(`/agencies/${agency.code}?updated=1`, 303)
  })

  return app
}

const tags = ['دستگاه‌ها']
const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) })
const listQuery = z.object({
  q: z.string().max(100).optional().openapi({ description: 'بخشی از نام یا کد دستگاه' }),
  level: z.enum(AGENCY_LEVELS).optional(),
  parentId: z.uuid().optional(),
  provinceCode: z.string().max(2).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
const listResponse = z
  .object({
    items: z.array(agencyJson),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('AgencyList')

export function agencyApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/agencies',
      tags,
      summary: 'فهرست دستگاه‌ها',
      request: { query: listQuery },
      responses: {
        200: {
          description: 'فهرست صفحه‌بندی‌شده',
          content: { 'application/json': { schema: listResponse } },
        },
        ...problemResponses(422),
      },
    }),
    async (c) => {
      const { page: p, pageSize, ...filter } = c.req.valid('query')
      const { items, total } = await listAgencies(deps.db, filter, {
        limit: pageSize,
        offset: (p - 1) * pageSize,
      })
      return c.json({ items: items.map(presentAgency), total, page: p, pageSize }, 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/agencies/{id}',
      tags,
      summary: 'یک دستگاه',
      request: { params: idParam },
      responses: {
        200: { description: 'دستگاه', content: { 'application/json': { schema: agencyJson } } },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const agency = await findAgencyById(deps.db, c.req.valid('param').id)
      if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
      return c.json(presentAgency(agency), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'post',
      path: '/agencies',
      tags,
      summary: 'افزودن دستگاه (مدیر سامانه)',
      security: [{ bearerAuth: [] }],
      request: {
        body: { required: true, content: { 'application/json': { schema: agencyInput } } },
      },
      responses: {
        201: { description: 'افزوده شد', content: { 'application/json': { schema: agencyJson } } },
        ...problemResponses(401, 403, 422),
      },
    }),
    async (c) => {
      const actor = c.get('actor')
      if (!actor) throw new UnauthenticatedError('token.required', 'توکن API لازم است.')
      const result = await createAgency(deps, actor, c.req.valid('json'))
      if (!result.ok) throw new ValidationError('داده‌های فرستاده‌شده معتبر نیستند.', result.errors)
      return c.json(presentAgency(result.agency), 201)
    },
  )

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/agencies/{id}',
      tags,
      summary: 'ویرایش دستگاه (مدیر سامانه)',
      description: 'فقط فیلدهای فرستاده‌شده تغییر می‌کنند.',
      security: [{ bearerAuth: [] }],
      request: {
        params: idParam,
        body: {
          required: true,
          content: { 'application/json': { schema: agencyFields.partial() } },
        },
      },
      responses: {
        200: { description: 'ویرایش شد', content: { 'application/json': { schema: agencyJson } } },
        ...problemResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const actor = c.get('actor')
      if (!actor) throw new UnauthenticatedError('token.required', 'توکن API لازم است.')
      assertCanManageAgencies(actor)
      const existing = await findAgencyById(deps.db, c.req.valid('param').id)
      if (!existing) throw new NotFoundError('agency.not-found', msg.notFound)
      const changes = Object.fromEntries(
        Object.entries(c.req.valid('json')).filter(([, v]) => v !== undefined),
      )
      const merged = { ...agencyValues(existing), ...changes }
      const parsed = agencyInput.safeParse(merged)
      if (!parsed.success) {
        throw new ValidationError('داده‌های فرستاده‌شده معتبر نیستند.', fieldErrorsOf(parsed.error))
      }
      const result = await editAgency(deps, actor, existing.id, parsed.data)
      if (!result.ok) throw new ValidationError('داده‌های فرستاده‌شده معتبر نیستند.', result.errors)
      return c.json(presentAgency(result.agency), 200)
    },
  )
}
