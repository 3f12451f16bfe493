import { createRoute, z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { assertSignedIn } from '../../lib/actor.ts'
import { NotFoundError, ValidationError } from '../../lib/errors.ts'
import { type Api, problemResponses } from '../../web/api.ts'
import { fieldErrorsOf } from '../../web/form.ts'
import { findAgencyById } from '../agencies/index.ts'
import { loadPublishedById } from '../services/index.ts'
import { msg } from './messages.fa.ts'
import { changeOffice, createOffice } from './office.actions.ts'
import { bodyOf, officeFields, officeInput } from './office.input.ts'
import { type Office, osmUrl, timeText, WEEKDAYS } from './office.model.ts'
import { assertCanManageOfficesOf } from './office.policy.ts'
import { findOfficeById, findOfficesByIds, listAgencyOffices } from './office.queries.ts'
import { calendarAround } from './office.read.ts'
import { openStatus } from './open-now.ts'

const OFFICE_BODY_NOTE =
  'ساعت‌ها به شکل HH:MM و روزها به شکل yyyy-mm-dd؛ رقم‌های فارسی و عربی هم پذیرفته می‌شوند.'

/**
 * The JSON Schema of a write body, for the OpenAPI document only. The body is parsed in
 * the handler, after the permission check (a stranger learns nothing from validation), so
 * the route must not give the router a Zod schema to validate with.
 */
function bodyDoc(schema: z.ZodType, description: string): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
  return { ...json, description }
}

const tags = ['محل‌های مراجعه']
const bearer = [{ bearerAuth: [] }]
const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) })

const intervalJson = z.object({
  start: z.string().openapi({ example: '07:30' }),
  end: z.string().openapi({ example: '14:30' }),
})
const officeJson = z
  .object({
    id: z.uuid(),
    agencyId: z.uuid(),
    name: z.string(),
    address: z.string(),
    provinceCode: z.string(),
    city: z.string(),
    postalCode: z.string().openapi({ description: 'ده رقم' }),
    lat: z.number(),
    lng: z.number(),
    phones: z.array(z.string()),
    email: z.string().nullable(),
    accessibility: z.object({ features: z.array(z.string()), notes: z.string().nullable() }),
    hours: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(intervalJson)]))),
    exceptions: z.array(
      z.object({ day: z.string(), hours: z.array(intervalJson), note: z.string().nullable() }),
    ),
    closures: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string() })),
    mapUrl: z.string(),
    openNow: z.object({
      open: z.boolean(),
      today: z.object({
        day: z.string(),
        kind: z.string(),
        hours: z.array(intervalJson),
        note: z.string().nullable(),
      }),
      nextOpen: z.string().nullable(),
      nextClose: z.string().nullable(),
    }),
  })
  .openapi('Office')
const officeListJson = z.object({ items: z.array(officeJson) }).openapi('OfficeList')

/** An office in the API's shape, with its open-now status at `now`. */
function present(
  o: Office,
  cal: Parameters<typeof openStatus>[1],
  now: Date,
): z.infer<typeof officeJson> {
  const s = openStatus(o, cal, now)
  return {
    id: o.id,
    agencyId: o.agencyId,
    ...bodyOf(o),
    mapUrl: osmUrl(o.lat, o.lng),
    openNow: {
      open: s.open,
      today: {
        day: s.today.day,
        kind: s.today.kind,
        hours: s.today.intervals.map((i) => ({ start: timeText(i.start), end: timeText(i.end) })),
        note: s.today.note,
      },
      nextOpen: s.nextOpen?.toISOString() ?? null,
      nextClose: s.nextClose?.toISOString() ?? null,
    },
  }
}

async function presentAll(deps: Deps, offices: Office[]) {
  const now = deps.clock.now()
  const cal = await calendarAround(deps, now)
  return offices.map((o) => present(o, cal, now))
}

async function presentOne(deps: Deps, office: Office) {
  const now = deps.clock.now()
  return present(office, await calendarAround(deps, now), now)
}

function invalid(error: z.ZodError): never {
  throw new ValidationError(msg.invalid, fieldErrorsOf(error))
}

export function officeApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/agencies/{id}/offices',
      tags,
      summary: 'محل‌های مراجعهٔ یک دستگاه',
      request: { params: idParam },
      responses: {
        200: { description: 'فهرست', content: { 'application/json': { schema: officeListJson } } },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const agency = await findAgencyById(deps.db, c.req.valid('param').id)
      if (!agency) throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
      return c.json(
        { items: await presentAll(deps, await listAgencyOffices(deps.db, agency.id)) },
        200,
      )
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/offices/{id}',
      tags,
      summary: 'یک محل مراجعه، با ساعات کار و باز یا بسته بودن اکنون',
      request: { params: idParam },
      responses: {
        200: { description: 'محل مراجعه', content: { 'application/json': { schema: officeJson } } },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const office = await findOfficeById(deps.db, c.req.valid('param').id)
      if (!office) throw new NotFoundError('office.not-found', msg.notFound)
      return c.json(await presentOne(deps, office), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/offices',
      tags,
      summary: 'محل‌های مراجعهٔ نسخهٔ منتشرشدهٔ یک خدمت',
      request: { params: idParam },
      responses: {
        200: {
          description: 'محل‌ها، به ترتیب شناسنامهٔ خدمت، با توضیح هر پیوند',
          content: {
            'application/json': {
              schema: z
                .object({
                  items: z.array(z.object({ note: z.string().nullable(), office: officeJson })),
                })
                .openapi('ServiceOfficeList'),
            },
          },
        },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const { version } = await loadPublishedById(deps.db, c.req.valid('param').id)
      const links = version.content.offices
      const offices = await findOfficesByIds(
        deps.db,
        links.map((l) => l.officeId),
      )
      const presented = new Map((await presentAll(deps, offices)).map((o) => [o.id, o]))
      const items = links.flatMap((l) => {
        const office = presented.get(l.officeId)
        return office ? [{ note: l.note, office }] : []
      })
      return c.json({ items }, 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'post',
      path: '/agencies/{id}/offices',
      tags,
      summary: 'افزودن محل مراجعه (کارکنان همان دستگاه)',
      security: bearer,
      request: {
        params: idParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: bodyDoc(officeFields, OFFICE_BODY_NOTE),
            },
          },
        },
      },
      responses: {
        201: { description: 'افزوده شد', content: { 'application/json': { schema: officeJson } } },
        ...problemResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const actor = c.get('actor')
      assertSignedIn(actor)
      const agency = await findAgencyById(deps.db, c.req.valid('param').id)
      if (!agency) throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
      // Authorised before the body is looked at.
      assertCanManageOfficesOf(actor, agency.id)
      const parsed = officeInput.safeParse(await c.req.json().catch(() => null))
      if (!parsed.success) invalid(parsed.error)
      const office = await createOffice(deps, actor, agency.id, parsed.data)
      return c.json(await presentOne(deps, office), 201)
    },
  )

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/offices/{id}',
      tags,
      summary: 'ویرایش محل مراجعه (کارکنان همان دستگاه)',
      description:
        'فقط فیلدهای فرستاده‌شده تغییر می‌کنند؛ hours، exceptions و closures هر کدام به‌تمامی جایگزین می‌شوند.',
      security: bearer,
      request: {
        params: idParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: bodyDoc(officeFields.partial(), `${OFFICE_BODY_NOTE} همهٔ فیلدها اختیاری‌اند.`),
            },
          },
        },
      },
      responses: {
        200: { description: 'ویرایش شد', content: { 'application/json': { schema: officeJson } } },
        ...problemResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const actor = c.get('actor')
      assertSignedIn(actor)
      const existing = await findOfficeById(deps.db, c.req.valid('param').id)
      if (!existing) throw new NotFoundError('office.not-found', msg.notFound)
      assertCanManageOfficesOf(actor, existing.agencyId)
      const raw: unknown = await c.req.json().catch(() => null)
      const changes = officeFields.partial().safeParse(raw)
      if (!changes.success) invalid(changes.error)
      const sent = typeof raw === 'object' && raw !== null ? raw : {}
      const merged = {
        ...bodyOf(existing),
        ...Object.fromEntries(
          Object.entries(sent).filter(([k, v]) => v !== undefined && k in officeFields.shape),
        ),
      }
      const parsed = officeInput.safeParse(merged)
      if (!parsed.success) invalid(parsed.error)
      const result = await changeOffice(deps, actor, existing.id, () => ({
        ok: true,
        input: parsed.data,
      }))
      if (!result.ok) throw new ValidationError(msg.invalid, result.errors)
      return c.json(await presentOne(deps, result.office), 200)
    },
  )
}
