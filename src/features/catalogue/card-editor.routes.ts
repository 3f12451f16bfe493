import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError, NotFoundError } from '../../lib/errors.ts'
import { toPersianDigits } from '../../lib/fa/digits.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors } from '../../web/form.ts'
import { type FormFields, readFields } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { findLawsByIds, LAW_KIND_LABELS, listLawChoices } from '../laws/index.ts'
import { officeNamer } from '../offices/index.ts'
import type {
  Fee,
  LegalBasis,
  RequiredDocument,
  Service,
  ServiceContent,
  ServiceVersion,
} from '../services/index.ts'
import {
  addItem,
  baseFieldName,
  type ContentChange,
  changedFields,
  DOCUMENT_FORM_LABELS,
  type DraftStamp,
  doneBanner,
  editorMsg as em,
  FORM_SECTIONS,
  type FormSection,
  feeAmountText,
  fieldValue,
  findDraft,
  ID,
  type ItemOf,
  itemFingerprint,
  itemPage,
  itemsOf,
  type LawChoice,
  LIST_DEFS,
  LIST_MAX,
  LIST_SECTIONS,
  type ListDef,
  type ListKey,
  type ListRow,
  type ListSection,
  listPage,
  servicesMsg as msg,
  noDocumentsForm,
  parseFields,
  removeItem,
  replaceFields,
  replaceItem,
  SECTION_FIELDS,
  SECTION_FORMS,
  SECTION_LABELS,
  saveSection,
  sectionFormPage,
  sectionValues,
  staffService,
  stampOf,
  stampOfDraft,
} from '../services/index.ts'
import { diffContent } from './content.text.ts'

const FINGERPRINT = /^[0-9a-f]{16}$/

function base(serviceId: string): string {
  return `/admin/services/${serviceId}`
}

/** A section's fields as the form was opened, as fingerprints (see `changedFields`). */
function baseValues(section: FormSection, content: ServiceContent): FormFields {
  return Object.fromEntries(
    SECTION_FIELDS[section].map((f) => [baseFieldName(f), itemFingerprint(content[f])]),
  )
}

/** A change that also checks the whole card it produces: the last guard before saving. */
/** How a list section is shown and changed, for one kind of item. */
interface ListAdapter {
  list: ListSection
  count(c: ServiceContent): number
  rows(c: ServiceContent, lawLabel: (id: string) => string): ListRow[]
  /** The item at `index` as form values, with its fingerprint. */
  item(c: ServiceContent, index: number): { values: FormFields; fingerprint: string } | undefined
  blank: FormFields
  parse(fields: FormFields):
    | {
        ok: true
        add: ContentChange
        replace: (index: number, fingerprint: string) => ContentChange
      }
    | { ok: false; errors: FieldErrors }
  remove(index: number, fingerprint: string): ContentChange
}

function adapter<K extends ListKey>(
  list: ListSection,
  def: ListDef<K>,
  describe: (
    item: ItemOf<K>,
    lawLabel: (id: string) => string,
  ) => { name: string; cells: string[] },
): ListAdapter {
  return {
    list,
    count: (c) => itemsOf(c, def.key).length,
    rows: (c, lawLabel) =>
      itemsOf(c, def.key).map((item, index) => ({
        index,
        fingerprint: itemFingerprint(item),
        ...describe(item, lawLabel),
      })),
    item: (c, index) => {
      const item = itemsOf(c, def.key)[index]
      return item === undefined
        ? undefined
        : { values: def.values(item), fingerprint: itemFingerprint(item) }
    },
    blank: def.blank,
    parse: (fields) => {
      const parsed = parseFields(def.form, fields)
      if (!parsed.ok) return parsed
      const item = parsed.data
      return {
        ok: true,
        add: addItem(def.key, item),
        replace: (index, fingerprint) => replaceItem(def.key, index, fingerprint, item),
      }
    },
    remove: (index, fingerprint) => removeItem(def.key, index, fingerprint),
  }
}

const dash = (s: string | null) => (s === null || s === '' ? '—' : s)

const ADAPTERS: Record<ListSection, ListAdapter> = {
  legal: adapter('legal', LIST_DEFS.legal, (b: LegalBasis, law) => ({
    name: law(b.lawId),
    cells: [law(b.lawId), dash(b.article && toPersianDigits(b.article)), dash(b.note)],
  })),
  documents: adapter('documents', LIST_DEFS.documents, (d: RequiredDocument) => ({
    name: d.name,
    cells: [
      d.name,
      DOCUMENT_FORM_LABELS[d.form],
      toPersianDigits(d.count),
      dash(d.issuer),
      d.obtainableByInquiry ? em.yes : em.no,
    ],
  })),
  fees: adapter('fees', LIST_DEFS.fees, (f: Fee) => ({
    name: f.description,
    cells: [f.description, feeAmountText(f)],
  })),
}

/** The section editors under `/admin/services/:id/edit/…`, with the conflict page. */
export function serviceEditorRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  async function lawChoices(): Promise<LawChoice[]> {
    return (await listLawChoices(deps.db)).map((l) => ({
      id: l.id,
      label: `${l.title} (${LAW_KIND_LABELS[l.kind]}${l.number ? ` ${toPersianDigits(l.number)}` : ''})`,
    }))
  }

  async function lawLabeller(contents: ServiceContent[]): Promise<(id: string) => string> {
    const laws = await findLawsByIds(
      deps.db,
      contents.flatMap((c) => c.legalBases.map((b) => b.lawId)),
    )
    const titles = new Map(laws.map((l) => [l.id, l.title]))
    return (id) => titles.get(id) ?? em.lawRemoved
  }

  /** Saves `change` against the draft the form was rendered from (the section-editor kit). */
  function save(
    c: Context<AppEnv>,
    actor: Actor,
    service: Service,
    fields: FormFields,
    change: ContentChange,
    target: { action: string; backHref: string; sectionLabel: string; done: string },
  ): Promise<Response> {
    return saveSection(deps, c, {
      actor,
      service,
      fields,
      change,
      target,
      changes: async (current, mine) =>
        diffContent(
          current,
          mine,
          await lawLabeller([current, mine]),
          await officeNamer(deps, [current, mine]),
        ),
    })
  }

  // ——— Section forms ———

  function sectionForm(
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
        breadcrumbs: [
          { href: '/admin/services', text: em.listTitle },
          { href: base(service.id), text: serviceTitle || em.untitled },
        ],
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

  for (const section of FORM_SECTIONS) {
    const path = `/:id${ID}/edit/${section}`

    app.get(path, async (c) => {
      const { service } = await staffService(deps, c, c.req.param('id'), 'edit')
      const draft = await findDraft(deps.db, service.id)
      if (!draft) return c.redirect(base(service.id), 303)
      return sectionForm(
        c,
        service,
        draft.content.title,
        section,
        stampOfDraft(draft),
        { ...sectionValues(section, draft.content), ...baseValues(section, draft.content) },
        {},
      )
    })

    app.post(path, async (c) => {
      const { actor, service } = await staffService(deps, c, c.req.param('id'), 'edit')
      const fields = await readFields(c)
      const parsed = parseFields<Partial<ServiceContent>>(SECTION_FORMS[section], fields)
      if (!parsed.ok) {
        const draft = await findDraft(deps.db, service.id)
        const title = draft?.content.title ?? ''
        return sectionForm(c, service, title, section, stampOf(fields), fields, parsed.errors)
      }
      const changed = changedFields(
        parsed.data,
        (f) => fieldValue(fields, baseFieldName(f)) || undefined,
      )
      return save(c, actor, service, fields, replaceFields(changed), {
        action: `${base(service.id)}/edit/${section}`,
        backHref: `${base(service.id)}/edit/${section}`,
        sectionLabel: SECTION_LABELS[section],
        done: `${base(service.id)}?done=saved`,
      })
    })
  }

  // ——— List sections ———

  async function listForm(
    c: Context<AppEnv>,
    service: Service,
    list: ListSection,
    draft: ServiceVersion,
    add: { values: FormFields; errors: FieldErrors },
    noDocumentsErrors: FieldErrors = {},
  ) {
    const a = ADAPTERS[list]
    const lawLabel = await lawLabeller([draft.content])
    const invalid = Object.keys(add.errors).length + Object.keys(noDocumentsErrors).length > 0
    const banner = invalid ? undefined : doneBanner(c)
    return page(
      c,
      {
        title: `${invalid ? 'خطا: ' : ''}${SECTION_LABELS[list]}`,
        breadcrumbs: [
          { href: '/admin/services', text: em.listTitle },
          { href: base(service.id), text: draft.content.title || em.untitled },
        ],
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
          laws: list === 'legal' ? await lawChoices() : [],
          noDocuments:
            list === 'documents'
              ? { checked: draft.content.noDocumentsRequired, errors: noDocumentsErrors }
              : null,
          full: a.count(draft.content) >= LIST_MAX[list],
        }),
      },
      invalid ? 422 : 200,
    )
  }

  async function itemForm(
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
          { href: '/admin/services', text: em.listTitle },
          { href: base(service.id), text: serviceTitle || em.untitled },
          { href: `${base(service.id)}/edit/${list}`, text: SECTION_LABELS[list] },
        ],
        content: itemPage({
          csrfToken: c.get('csrfToken'),
          serviceId: service.id,
          serviceTitle,
          list,
          index,
          ...form,
          laws: list === 'legal' ? await lawChoices() : [],
        }),
      },
      invalid ? 422 : 200,
    )
  }

  /** The law chosen for a legal basis must be in the registry. */
  async function lawErrors(list: ListSection, fields: FormFields): Promise<FieldErrors> {
    if (list !== 'legal') return {}
    const found = await findLawsByIds(deps.db, [fieldValue(fields, 'lawId').trim()])
    return found.length === 1 ? {} : { lawId: msg.lawUnknown }
  }

  for (const list of LIST_SECTIONS) {
    const a = ADAPTERS[list]
    const path = `/:id${ID}/edit/${list}`
    const itemPath = `${path}/:index{[0-9]{1,3}}`
    const listHref = (id: string) => `${base(id)}/edit/${list}`

    app.get(path, async (c) => {
      const { service } = await staffService(deps, c, c.req.param('id'), 'edit')
      const draft = await findDraft(deps.db, service.id)
      if (!draft) return c.redirect(base(service.id), 303)
      return listForm(c, service, list, draft, { values: a.blank, errors: {} })
    })

    app.post(path, async (c) => {
      const { actor, service } = await staffService(deps, c, c.req.param('id'), 'edit')
      const fields = await readFields(c)
      const draft = await findDraft(deps.db, service.id)
      if (!draft) throw new ConflictError('service.no-draft', msg.noDraft)
      const parsed = a.parse(fields)
      const errors: FieldErrors = parsed.ok ? await lawErrors(list, fields) : parsed.errors
      if (a.count(draft.content) >= LIST_MAX[list])
        errors._form = em.listFull(toPersianDigits(LIST_MAX[list]))
      if (!parsed.ok || Object.keys(errors).length > 0)
        return listForm(c, service, list, draft, { values: fields, errors })
      return save(c, actor, service, fields, parsed.add, {
        action: listHref(service.id),
        backHref: listHref(service.id),
        sectionLabel: SECTION_LABELS[list],
        done: `${listHref(service.id)}?done=added`,
      })
    })

    app.get(itemPath, async (c) => {
      const { service } = await staffService(deps, c, c.req.param('id'), 'edit')
      const draft = await findDraft(deps.db, service.id)
      if (!draft) return c.redirect(base(service.id), 303)
      const index = Number(c.req.param('index'))
      const item = a.item(draft.content, index)
      if (!item) throw new NotFoundError('service.item-not-found', em.itemNotFound)
      return itemForm(c, service, list, index, draft.content.title, {
        stamp: stampOfDraft(draft),
        fingerprint: item.fingerprint,
        values: item.values,
        errors: {},
      })
    })

    app.post(itemPath, async (c) => {
      const { actor, service } = await staffService(deps, c, c.req.param('id'), 'edit')
      const index = Number(c.req.param('index'))
      const fields = await readFields(c)
      const original = fieldValue(fields, 'original')
      const parsed = a.parse(fields)
      const errors: FieldErrors = parsed.ok ? await lawErrors(list, fields) : parsed.errors
      if (!FINGERPRINT.test(original)) errors._form = em.itemNotFound
      if (!parsed.ok || Object.keys(errors).length > 0) {
        const draft = await findDraft(deps.db, service.id)
        return itemForm(c, service, list, index, draft?.content.title ?? '', {
          stamp: stampOf(fields),
          fingerprint: original,
          values: fields,
          errors,
        })
      }
      return save(c, actor, service, fields, parsed.replace(index, original), {
        action: `${listHref(service.id)}/${index}`,
        backHref: listHref(service.id),
        sectionLabel: SECTION_LABELS[list],
        done: `${listHref(service.id)}?done=updated`,
      })
    })

    app.post(`${itemPath}/delete`, async (c) => {
      const { actor, service } = await staffService(deps, c, c.req.param('id'), 'edit')
      const index = Number(c.req.param('index'))
      const fields = await readFields(c)
      const original = fieldValue(fields, 'original')
      if (!FINGERPRINT.test(original)) {
        const draft = await findDraft(deps.db, service.id)
        if (!draft) throw new ConflictError('service.no-draft', msg.noDraft)
        return listForm(c, service, list, draft, {
          values: a.blank,
          errors: { _form: em.itemNotFound },
        })
      }
      return save(c, actor, service, fields, a.remove(index, original), {
        action: `${listHref(service.id)}/${index}/delete`,
        backHref: listHref(service.id),
        sectionLabel: SECTION_LABELS[list],
        done: `${listHref(service.id)}?done=removed`,
      })
    })
  }

  app.post(`/:id${ID}/edit/documents/none`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'edit')
    const fields = await readFields(c)
    const parsed = parseFields(noDocumentsForm, fields)
    const draft = await findDraft(deps.db, service.id)
    if (!draft) throw new ConflictError('service.no-draft', msg.noDraft)
    const errors: FieldErrors = parsed.ok ? {} : parsed.errors
    if (parsed.ok && parsed.data.noDocumentsRequired && draft.content.documents.length > 0)
      errors.noDocumentsRequired = em.noDocumentsConflict
    if (!parsed.ok || Object.keys(errors).length > 0)
      return listForm(
        c,
        service,
        'documents',
        draft,
        { values: ADAPTERS.documents.blank, errors: {} },
        errors,
      )
    return save(c, actor, service, fields, replaceFields(parsed.data), {
      action: `${base(service.id)}/edit/documents/none`,
      backHref: `${base(service.id)}/edit/documents`,
      sectionLabel: SECTION_LABELS.documents,
      done: `${base(service.id)}/edit/documents?done=saved`,
    })
  })

  return app
}
