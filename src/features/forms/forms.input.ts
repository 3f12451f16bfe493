import { z } from 'zod'
import { normalizeFaInput } from '../../lib/fa/normalize.ts'
import { FORM_LANGUAGES, type FormLanguage } from '../services/index.ts'
import { FORM_EXTENSIONS, type FormFileKind } from './form-file.model.ts'
import { formsMsg as m } from './messages.fa.ts'

/** The title, code and language of a form, as the editor's form and the API send them. */
export const formDetailsSchema = z.object({
  title: z
    .string()
    .max(200, m.titleTooLong)
    .transform((s) => normalizeFaInput(s))
    .pipe(z.string().min(1, m.titleRequired)),
  code: z
    .string()
    .max(50, m.codeInvalid)
    .optional()
    .transform((s) => {
      const v = normalizeFaInput(s ?? '')
      return v === '' ? null : v
    }),
  language: z.enum(FORM_LANGUAGES, m.languageInvalid),
})

export interface FormDetails {
  title: string
  code: string | null
  language: FormLanguage
}

/**
 * The name a form downloads under: the uploaded name without any folder, control or
 * path characters, at most 200 characters, ending in the extension of its real kind.
 * Falls back to the form's title when the upload had no usable name.
 */
export function downloadFileName(uploaded: string, kind: FormFileKind, title: string): string {
  const ext = FORM_EXTENSIONS[kind]
  const base = (uploaded.split(/[\\/]/).pop() ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '')
    .normalize('NFC')
    .trim()
  const stem = (base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || title).trim().slice(0, 180) || 'form'
  return `${stem}.${ext}`
}
