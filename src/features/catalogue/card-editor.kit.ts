import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { toPersianDigits } from '../../lib/fa/digits.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import { findLawsByIds, LAW_KIND_LABELS, listLawChoices } from '../laws/index.ts'
import { officeNamer } from '../offices/index.ts'
import type { Service, ServiceContent } from '../services/index.ts'
import {
  type ContentChange,
  editorMsg as em,
  fieldValue,
  type LawChoice,
  type ListSection,
  servicesMsg as msg,
  saveSection,
} from '../services/index.ts'
import { diffContent } from './content.text.ts'

/**
 * What the card editor's route modules (the section forms and the list sections) share: the
 * service's admin address, the law registry's choices and labels, and the save through the
 * section-editor kit with the whole card's field diff for its conflict page.
 */

/** An item's fingerprint as a form carries it (see `itemFingerprint`). */
export const FINGERPRINT = /^[0-9a-f]{16}$/

/** The service's page in the staff hub; its editor sections are under `…/edit/`. */
export function base(serviceId: string): string {
  return `/admin/services/${serviceId}`
}

/** The registry's laws, labelled for a legal basis's choice. */
export async function lawChoices(deps: Deps): Promise<LawChoice[]> {
  return (await listLawChoices(deps.db)).map((l) => ({
    id: l.id,
    label: `${l.title} (${LAW_KIND_LABELS[l.kind]}${l.number ? ` ${toPersianDigits(l.number)}` : ''})`,
  }))
}

/** The title of each law these cards cite, by id (a law removed from the registry says so). */
export async function lawLabeller(
  deps: Deps,
  contents: ServiceContent[],
): Promise<(id: string) => string> {
  const laws = await findLawsByIds(
    deps.db,
    contents.flatMap((c) => c.legalBases.map((b) => b.lawId)),
  )
  const titles = new Map(laws.map((l) => [l.id, l.title]))
  return (id) => titles.get(id) ?? em.lawRemoved
}

/** The law chosen for a legal basis must be in the registry. */
export async function lawErrors(
  deps: Deps,
  list: ListSection,
  fields: FormFields,
): Promise<FieldErrors> {
  if (list !== 'legal') return {}
  const found = await findLawsByIds(deps.db, [fieldValue(fields, 'lawId').trim()])
  return found.length === 1 ? {} : { lawId: msg.lawUnknown }
}

/** Saves `change` against the draft the form was rendered from (the section-editor kit). */
export function save(
  deps: Deps,
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
        await lawLabeller(deps, [current, mine]),
        await officeNamer(deps, [current, mine]),
      ),
  })
}
