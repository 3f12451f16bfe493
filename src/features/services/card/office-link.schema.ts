import { z } from 'zod'
import { msg } from '../messages.fa.ts'
import { nullableText } from './fields.schema.ts'

export const officeLinkSchema = z.object({
  officeId: z.uuid(msg.officeRequired),
  note: nullableText(500),
})
