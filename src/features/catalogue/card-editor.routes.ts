import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { readFields } from '../../web/form.ts'
import type { ServiceContent } from '../services/index.ts'
import {
  baseFieldName,
  changedFields,
  FORM_SECTIONS,
  fieldValue,
  findDraft,
  findPublished,
  ID,
  parseFields,
  replaceFields,
  SECTION_FORMS,
  SECTION_LABELS,
  staffService,
  stampOf,
  stampOfDraft,
} from '../services/index.ts'
import { base, save } from './card-editor.kit.ts'
import {
  discardConfirmResponse,
  sectionFormResponse,
  sectionFormValues,
} from './card-editor.pages.ts'

/**
 * The card's section forms (basics, classification, details, time) under
 * `/admin/services/:id/edit/…`; a save that lost the race gets the section-editor kit's conflict
 * page. The list sections (legal bases, documents, fees) are `card-editor-lists.routes.ts`. Also
 * the question asked before the draft is discarded.
 */
export function serviceEditorRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  for (const section of FORM_SECTIONS) {
    const path = `/:id${ID}/edit/${section}`

    app.get(path, async (c) => {
      const { service } = await staffService(deps, c, c.req.param('id'), 'edit')
      const draft = await findDraft(deps.db, service.id)
      if (!draft) return c.redirect(base(service.id), 303)
      return sectionFormResponse(
        c,
        service,
        draft.content.title,
        section,
        stampOfDraft(draft),
        sectionFormValues(section, draft.content),
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
        return sectionFormResponse(
          c,
          service,
          title,
          section,
          stampOf(fields),
          fields,
          parsed.errors,
        )
      }
      const changed = changedFields(
        parsed.data,
        (f) => fieldValue(fields, baseFieldName(f)) || undefined,
      )
      return save(deps, c, actor, service, fields, replaceFields(changed), {
        action: `${base(service.id)}/edit/${section}`,
        backHref: `${base(service.id)}/edit/${section}`,
        sectionLabel: SECTION_LABELS[section],
        done: `${base(service.id)}?done=saved`,
      })
    })
  }

  // Discarding the draft asks first: this page says what is lost; its form posts to
  // `…/discard` (staff-publish.routes.ts), which does it.
  app.get(`/:id${ID}/discard`, async (c) => {
    const { service } = await staffService(deps, c, c.req.param('id'), 'edit')
    const [draft, published] = await Promise.all([
      findDraft(deps.db, service.id),
      findPublished(deps.db, service.id),
    ])
    if (!draft) return c.redirect(base(service.id), 303)
    return discardConfirmResponse(deps, c, service, draft, published)
  })

  return app
}
