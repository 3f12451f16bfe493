import { z } from '@hono/zod-openapi'
import { officeFields } from './office.input.ts'
import { WEEKDAYS } from './office.model.ts'

/** The offices API's parameters, response shapes and documented write bodies. */

export const tags = ['محل‌های مراجعه']
export const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) })

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

/** POST /agencies/{id}/offices: a whole office. */
export const newOfficeBodyDoc = () => bodyDoc(officeFields, OFFICE_BODY_NOTE)

/** PATCH /offices/{id}: any of an office's fields. */
export const officePatchBodyDoc = () =>
  bodyDoc(officeFields.partial(), `${OFFICE_BODY_NOTE} همهٔ فیلدها اختیاری‌اند.`)

const intervalJson = z.object({
  start: z.string().openapi({ example: '07:30' }),
  end: z.string().openapi({ example: '14:30' }),
})

export const officeJson = z
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

export type OfficeJson = z.infer<typeof officeJson>

export const officeListJson = z.object({ items: z.array(officeJson) }).openapi('OfficeList')

export const serviceOfficeListJson = z
  .object({
    items: z.array(z.object({ note: z.string().nullable(), office: officeJson })),
  })
  .openapi('ServiceOfficeList')
