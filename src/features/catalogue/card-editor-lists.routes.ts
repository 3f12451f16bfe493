import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { ConflictError, NotFoundError } from '../../lib/errors.ts'
import { toPersianDigits } from '../../lib/fa/digits.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors } from '../../web/form.ts'
import { readFields } from '../../web/form.ts'
import {
  checkContent,
  editorMsg as em,
  fieldValue,
  findDraft,
  ID,
  LIST_MAX,
  LIST_SECTIONS,
  servicesMsg as msg,
  noDocumentsForm,
  parseFields,
  replaceFields,
  SECTION_LABELS,
  staffService,
  stampOf,
  stampOfDraft,
} from '../services/index.ts'
import { base, FINGERPRINT, lawErrors, save } from './card-editor.kit.ts'
import { ADAPTERS } from './card-editor.lists.ts'
import { itemPageResponse, listPageResponse } from './card-editor.pages.ts'
import { catalogueMsg as cm } from './messages.fa.ts'
import { claimListAdd, withFreshToken, withoutToken } from './staff.once.ts'

/**
 * The card's list sections (legal bases, documents, fees) under `/admin/services/:id/edit/…`:
 * the list with its add form, one item's edit form, removing an item, and the documents
 * section's «no documents required». Items are named by index and fingerprint, so a change
 * to a list that moved meanwhile is a conflict, never a change to the wrong item.
 */
export function serviceListEditorRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  for (const list of LIST_SECTIONS) {
    const a = ADAPTERS[list]
    const path = `/:id${ID}/edit/${list}`
    const itemPath = `${path}/:index{[0-9]{1,3}}`
    const listHref = (id: string) => `${base(id)}/edit/${list}`

    app.get(path, async (c) => {
      const { service } = await staffService(deps, c, c.req.param('id'), 'edit')
      const draft = await findDraft(deps.db, service.id)
      if (!draft) return c.redirect(base(service.id), 303)
      return listPageResponse(deps, c, service, list, draft, { values: a.blank, errors: {} })
    })

    app.post(path, async (c) => {
      const { actor, service } = await staffService(deps, c, c.req.param('id'), 'edit')
      const fields = await readFields(c)
      const draft = await findDraft(deps.db, service.id)
      if (!draft) throw new ConflictError('service.no-draft', msg.noDraft)
      const parsed = a.parse(fields)
      const errors: FieldErrors = parsed.ok ? await lawErrors(deps, list, fields) : parsed.errors
      if (a.count(draft.content) >= LIST_MAX[list])
        errors._form = em.listFull(toPersianDigits(LIST_MAX[list]))
      // The whole card with the item added, checked before the form's token is claimed (below).
      if (parsed.ok && Object.keys(errors).length === 0) {
        const card = checkContent(parsed.add(draft.content))
        if (!card.ok) errors._form = Object.values(card.errors)[0] ?? em.contentInvalid
      }
      const shownAgain = { values: withoutToken(fields), errors }
      if (!parsed.ok || Object.keys(errors).length > 0)
        return listPageResponse(deps, c, service, list, draft, shownAgain)
      // Once per form (issue 17 item 10, staff.once.ts): the same form sent again adds no second
      // item and goes to the list, as the first submission did.
      const done = `${listHref(service.id)}?done=added`
      const claim = await claimListAdd(deps, c, actor, list, fields, done)
      if (claim.kind === 'missing')
        return listPageResponse(deps, c, service, list, draft, {
          ...shownAgain,
          errors: { _form: cm.formOnceMissing },
        })
      if (claim.kind === 'again') return c.redirect(claim.resultPath, 303)
      return save(deps, c, actor, service, withFreshToken(fields), parsed.add, {
        action: listHref(service.id),
        backHref: listHref(service.id),
        sectionLabel: SECTION_LABELS[list],
        done,
      })
    })

    app.get(itemPath, async (c) => {
      const { service } = await staffService(deps, c, c.req.param('id'), 'edit')
      const draft = await findDraft(deps.db, service.id)
      if (!draft) return c.redirect(base(service.id), 303)
      const index = Number(c.req.param('index'))
      const item = a.item(draft.content, index)
      if (!item) throw new NotFoundError('service.item-not-found', em.itemNotFound)
      return itemPageResponse(deps, c, service, list, index, draft.content.title, {
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
      const errors: FieldErrors = parsed.ok ? await lawErrors(deps, list, fields) : parsed.errors
      if (!FINGERPRINT.test(original)) errors._form = em.itemNotFound
      if (!parsed.ok || Object.keys(errors).length > 0) {
        const draft = await findDraft(deps.db, service.id)
        return itemPageResponse(deps, c, service, list, index, draft?.content.title ?? '', {
          stamp: stampOf(fields),
          fingerprint: original,
          values: fields,
          errors,
        })
      }
      return save(deps, c, actor, service, fields, parsed.replace(index, original), {
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
        return listPageResponse(deps, c, service, list, draft, {
          values: a.blank,
          errors: { _form: em.itemNotFound },
        })
      }
      return save(deps, c, actor, service, fields, a.remove(index, original), {
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
      return listPageResponse(
        deps,
        c,
        service,
        'documents',
        draft,
        { values: ADAPTERS.documents.blank, errors: {} },
        errors,
      )
    return save(deps, c, actor, service, fields, replaceFields(parsed.data), {
      action: `${base(service.id)}/edit/documents/none`,
      backHref: `${base(service.id)}/edit/documents`,
      sectionLabel: SECTION_LABELS.documents,
      done: `${base(service.id)}/edit/documents?done=saved`,
    })
  })

  return app
}
