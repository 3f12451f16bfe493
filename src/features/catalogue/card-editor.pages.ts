import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import { ConflictError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import { newFormOnceToken } from '../../web/form-once.ts'
import { page } from '../../web/page.ts'
import type { Service, ServiceContent, ServiceVersion } from '../services/index.ts'
import {
  baseFieldName,
  type DraftStamp,
  doneBanner,
  editorMsg as em,
  type FormSection,
  itemFingerprint,
  itemPage,
  LIST_MAX,
  type ListSection,
  listPage,
  SECTION_FIELDS,
  SECTION_LABELS,
  sectionFormPage,
  sectionValues,
  stampOfDraft,
} from '../services/index.ts'
import { base, lawChoices, lawLabeller } from './card-editor.kit.ts'
import { ADAPTERS } from './card-editor.lists.ts'
import { diffContent } from './content.text.ts'
import { discardConfirmPage, discardMsg } from './views/discard-confirm.ts'

/**
 * The card editor's pages as responses (a section's form, a list section, one item of a list):
 * each builds its view model from the draft and the form being shown again with its errors, so
 * no route handler builds one inline.
 */

const crumbs = (service: Service, serviceTitle: string) => [
  { href: '/admin/services', text: em.listTitle },
  { href: base(service.id), text: serviceTitle || em.untitled },
]

/** A section's fields as the form was opened, as fingerprints (see `changedFields`). */
function baseValues(section: FormSection, content: ServiceContent): FormFields {
  return Object.fromEntries(
    SECTION_FIELDS[section].map((f) => [baseFieldName(f), itemFingerprint(content[f])]),
  )
}

/** A section form's values as the draft has them, with the fingerprints it was opened from. */
export function sectionFormValues(section: FormSection, content: ServiceContent): FormFields {
  return { ...sectionValues(section, content), ...baseValues(section, content) }
}

/** A section's form (basics, classification, details, time). */
export function sectionFormResponse(
  c: Context<AppEnv>,
  service: Service,
  serviceTitle: string,
  section: FormSection,
  stamp: DraftStamp,
  values: FormFields,
  errors: FieldErrors,
) {
  const invalid = Object.keys(errors).length > 0
  return page(
    c,
    {
      title: `${invalid ? 'خطا: ' : ''}${SECTION_LABELS[section]}`,
      breadcrumbs: crumbs(service, serviceTitle),
      content: sectionFormPage({
        csrfToken: c.get('csrfToken'),
        serviceId: service.id,
        serviceTitle,
        section,
        stamp,
        values,
        errors,
      }),
    },
    invalid ? 422 : 200,
  )
}

/** A list section: its items, the add form, and for documents the «none required» box. */
export async function listPageResponse(
  deps: Deps,
  c: Context<AppEnv>,
  service: Service,
  list: ListSection,
  draft: ServiceVersion,
  add: { values: FormFields; errors: FieldErrors },
  noDocumentsErrors: FieldErrors = {},
) {
  const a = ADAPTERS[list]
  const lawLabel = await lawLabeller(deps, [draft.content])
  const invalid = Object.keys(add.errors).length + Object.keys(noDocumentsErrors).length > 0
  const banner = invalid ? undefined : doneBanner(c)
  return page(
    c,
    {
      title: `${invalid ? 'خطا: ' : ''}${SECTION_LABELS[list]}`,
      breadcrumbs: crumbs(service, draft.content.title),
      ...(banner ? { banner } : {}),
      content: listPage({
        csrfToken: c.get('csrfToken'),
        serviceId: service.id,
        serviceTitle: draft.content.title,
        list,
        stamp: stampOfDraft(draft),
        rows: a.rows(draft.content, lawLabel),
        addValues: add.values,
        addErrors: add.errors,
        laws: list === 'legal' ? await lawChoices(deps) : [],
        noDocuments:
          list === 'documents'
            ? { checked: draft.content.noDocumentsRequired, errors: noDocumentsErrors }
            : null,
        full: a.count(draft.content) >= LIST_MAX[list],
        // Each showing of the add form, a refused one included, gets a new one-time token.
        onceToken: newFormOnceToken(),
      }),
    },
    invalid ? 422 : 200,
  )
}

/** One item of a list section, in its edit form. */
export async function itemPageResponse(
  deps: Deps,
  c: Context<AppEnv>,
  service: Service,
  list: ListSection,
  index: number,
  serviceTitle: string,
  form: { stamp: DraftStamp; fingerprint: string; values: FormFields; errors: FieldErrors },
) {
  const invalid = Object.keys(form.errors).length > 0
  return page(
    c,
    {
      title: `${invalid ? 'خطا: ' : ''}${em.editItem}`,
      breadcrumbs: [
        ...crumbs(service, serviceTitle),
        { href: `${base(service.id)}/edit/${list}`, text: SECTION_LABELS[list] },
      ],
      content: itemPage({
        csrfToken: c.get('csrfToken'),
        serviceId: service.id,
        serviceTitle,
        list,
        index,
        ...form,
        laws: list === 'legal' ? await lawChoices(deps) : [],
      }),
    },
    invalid ? 422 : 200,
  )
}

/**
 * The question before a draft is discarded: which parts of the card lose their changes (the
 * fields that differ from the published version). A service never published has nothing to
 * fall back to, so its first draft cannot be discarded (as `discardDraft` refuses).
 */
export async function discardConfirmResponse(
  deps: Deps,
  c: Context<AppEnv>,
  service: Service,
  draft: ServiceVersion,
  published: ServiceVersion | undefined,
) {
  if (!published && draft.versionNo === 1)
    throw new ConflictError('service.discard-first', discardMsg.firstDraft)
  const contents = published ? [published.content, draft.content] : [draft.content]
  const lost = published
    ? diffContent(published.content, draft.content, await lawLabeller(deps, contents)).map(
        (change) => change.label,
      )
    : []
  return page(c, {
    title: `${discardMsg.title} ${em.discardHeading}`,
    breadcrumbs: crumbs(service, draft.content.title),
    content: discardConfirmPage({
      csrfToken: c.get('csrfToken'),
      serviceId: service.id,
      serviceTitle: draft.content.title,
      draftVersionNo: draft.versionNo,
      savedAt: draft.updatedAt,
      publishedVersionNo: published?.versionNo ?? null,
      lost,
    }),
  })
}
