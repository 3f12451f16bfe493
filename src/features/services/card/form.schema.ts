import { z } from 'zod'
import { msg } from '../messages.fa.ts'
import { nullableText, text } from './fields.schema.ts'
import { FORM_LANGUAGES } from './form.model.ts'

export const serviceFormSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, msg.formFileInvalid),
  title: text(200).pipe(z.string().min(1, msg.formTitleRequired)),
  code: nullableText(50),
  language: z.enum(FORM_LANGUAGES),
  fileName: text(200).pipe(z.string().min(1, msg.formFileInvalid)),
})
