import { z } from '@hono/zod-openapi'
import { AGENCY_LEVELS } from './agency.model.ts'
import { agencyJson } from './agency.present.ts'

/** The agencies API's parameters and list shape (an agency's own shape is `agencyJson`). */

export const tags = ['دستگاه‌ها']

export const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) })

export const listQuery = z.object({
  q: z.string().max(100).optional().openapi({ description: 'بخشی از نام یا کد دستگاه' }),
  level: z.enum(AGENCY_LEVELS).optional(),
  parentId: z.uuid().optional(),
  provinceCode: z.string().max(2).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

export const listResponse = z
  .object({
    items: z.array(agencyJson),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('AgencyList')
