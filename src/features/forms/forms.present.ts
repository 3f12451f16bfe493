import type { Db } from '../../db/create-db.ts'
import type { ServiceForm } from '../services/index.ts'
import { fileSizeFa } from './download.ts'
import type { FormFileMeta } from './form-file.model.ts'
import { formFileMeta } from './form-file.store.ts'
import { FORM_KIND_LABELS, FORM_LANGUAGE_LABELS } from './messages.fa.ts'
import type { PublicFormItem } from './views/forms-public.ts'

/** A form of a version with what the store knows of its file (null if the file is missing). */
export interface FormWithFile {
  form: ServiceForm
  file: FormFileMeta | null
}

export async function withFiles(db: Db, forms: ServiceForm[]): Promise<FormWithFile[]> {
  const metas = await formFileMeta(
    db,
    forms.map((f) => f.sha256),
  )
  return forms.map((form) => ({ form, file: metas.get(form.sha256) ?? null }))
}

export function publicServiceFormHref(slug: string, sha256: string): string {
  return `/services/${slug}/forms/${sha256}`
}

export function staffFormHref(serviceId: string, sha256: string): string {
  return `/admin/services/${serviceId}/forms/${sha256}`
}

/**
 * The forms of a version as the service page lists them, each linking to `hrefOf(sha256)`.
 * A form whose file is missing from the store is left out rather than linked to a 404.
 */
export async function publicFormItems(
  db: Db,
  forms: ServiceForm[],
  hrefOf: (sha256: string) => string,
): Promise<PublicFormItem[]> {
  return (await withFiles(db, forms)).flatMap(({ form, file }) =>
    file
      ? [
          {
            title: form.title,
            code: form.code,
            language: FORM_LANGUAGE_LABELS[form.language],
            kind: FORM_KIND_LABELS[file.kind],
            size: fileSizeFa(file.sizeBytes),
            href: hrefOf(form.sha256),
          },
        ]
      : [],
  )
}
