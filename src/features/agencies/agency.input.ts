import { z } from 'zod'
import { isProvinceCode } from '../../lib/iran/provinces.ts'
import {
  choice,
  optionalEmail,
  optionalPhone,
  optionalText,
  optionalUrl,
  requiredText,
} from '../../web/fields.ts'
import { AGENCY_LEVELS, needsProvince } from './agency.model.ts'
import { msg } from './messages.fa.ts'

/** The fields of an agency, each normalised and checked on its own. */
export const agencyFields = z.object({
  // agencies_name_fa_check: 2–200 characters.
  nameFa: requiredText(msg.nameFa, 200, 2),
  nameEn: optionalText(msg.nameEn, 200),
  shortNameFa: optionalText(msg.shortNameFa, 100),
  level: choice(AGENCY_LEVELS, msg.levelRequired),
  parentId: z
    .string()
    .optional()
    .nullable()
    .transform((s) => s || null)
    .pipe(z.uuid(msg.parentMissing).nullable()),
  website: optionalUrl(msg.website),
  phone: optionalPhone(msg.phone),
  email: optionalEmail(msg.email),
  address: optionalText(msg.address, 500),
  provinceCode: z
    .string()
    .optional()
    .nullable()
    .transform((s) => s || null)
    .refine((s) => s === null || isProvinceCode(s), msg.provinceUnknown),
})

/** One schema for the admin form and the API body: the fields plus the rules that join them. */
export const agencyInput = agencyFields.superRefine((v, ctx) => {
  if (needsProvince(v.level) && !v.provinceCode) {
    ctx.addIssue({ code: 'custom', path: ['provinceCode'], message: msg.provinceRequired })
  }
})

export type AgencyInput = z.output<typeof agencyInput>
