import { z } from '@hono/zod-openapi'
import { AGENCY_LEVELS, type Agency } from './agency.model.ts'

/** The public JSON shape of an agency; the only way agencies leave through /api. */
export const agencyJson = z
  .object({
    id: z.uuid(),
    code: z.string().openapi({ description: 'کد دستگاه که پرتال صادر کرده است', example: '10042' }),
    parentId: z.uuid().nullable(),
    level: z.enum(AGENCY_LEVELS),
    nameFa: z.string(),
    nameEn: z.string().nullable(),
    shortNameFa: z.string().nullable(),
    website: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    provinceCode: z.string().nullable(),
    credentialsIssued: z
      .boolean()
      .openapi({ description: 'آیا کد و رمز ورود برای دستگاه صادر شده است' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Agency')

export type AgencyJson = z.infer<typeof agencyJson>

export function presentAgency(a: Agency): AgencyJson {
  return {
    id: a.id,
    code: a.code,
    parentId: a.parentId,
    level: a.level,
    nameFa: a.nameFa,
    nameEn: a.nameEn,
    shortNameFa: a.shortNameFa,
    website: a.website,
    phone: a.phone,
    email: a.email,
    address: a.address,
    provinceCode: a.provinceCode,
    credentialsIssued: a.credentialsIssuedAt !== null,
    updatedAt: a.updatedAt.toISOString(),
  }
}

/** Form/API field values of an existing agency (for edit forms and PATCH merges). */
export function agencyValues(a: Agency): Record<string, string> {
  return {
    nameFa: a.nameFa,
    nameEn: a.nameEn ?? '',
    shortNameFa: a.shortNameFa ?? '',
    level: a.level,
    parentId: a.parentId ?? '',
    website: a.website ?? '',
    phone: a.phone ?? '',
    email: a.email ?? '',
    address: a.address ?? '',
    provinceCode: a.provinceCode ?? '',
  }
}
