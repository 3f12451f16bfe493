import type { Context } from 'hono'
import type { Deps } from '../../../deps.ts'
import type { Actor } from '../../../lib/actor.ts'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import type { AppEnv } from '../../../web/env.ts'
import { type FieldErrors, type FormFields, plainValues } from '../../../web/form.ts'
import type { FormOnce } from '../../../web/form-once.ts'
import { recordIfDone, type SentBefore, sentBefore } from '../../../web/form-once-claim.ts'
import { formOnceOf } from '../../accounts/index.ts'
import { findLawsByIds } from '../../laws/index.ts'
import type { ProcessStep, Service, ServiceContent } from '../../services/index.ts'
import { ID, lineChanges, saveSection, staffService } from '../../services/index.ts'
import { processEditorMsg as m } from './messages.fa.ts'
import { onProcess, type ProcessChange } from './process.changes.ts'
import { legalBasisKey, type StepChoices } from './process.input.ts'
import { processLines } from './process-editor.present.ts'
import { processHref, stepNamer } from './views/process-page.ts'
import type { StepFormOptions } from './views/step-fields.ts'

/**
 * What the process editor's route modules share (the process page and variants, the step pages,
 * transitions, BPMN import and the live preview): their paths, the permission check, the step
 * form's choices and the save through the section-editor kit.
 */

/** A step or variant id in a path. */
export const STEP_ID = '{[a-z0-9_-]{1,40}}'

/** The process page, under the mount point `/admin/services`. */
export const PROCESS_PATH = `/:id${ID}/edit/process`

/** One step's page. */
export const STEP_PATH = `${PROCESS_PATH}/steps/:step${STEP_ID}`

/** Whether a form has any error. */
export function hasAny(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0
}

/** The first message of a form's errors. */
export function firstError(errors: FieldErrors): string {
  return Object.values(errors)[0] ?? m.choiceInvalid
}

/** The service named by `:id`, when the signed-in person may edit it. */
export function editable(deps: Deps, c: Context<AppEnv>) {
  return staffService(deps, c, c.req.param('id'), 'edit')
}

/** What a step form may refer to in this draft, and the same with labels for the page. */
export async function formChoices(
  deps: Deps,
  content: ServiceContent,
  step: ProcessStep | undefined,
  withAfter: boolean,
): Promise<{ choices: StepChoices; options: (serviceId: string) => StepFormOptions }> {
  const bases = content.legalBases.map((b) => ({ lawId: b.lawId, article: b.article }))
  const own = step?.legalBasis
  if (own && !bases.some((b) => legalBasisKey(b) === legalBasisKey(own))) bases.push(own)
  const laws = await findLawsByIds(
    deps.db,
    bases.map((b) => b.lawId),
  )
  const titles = new Map(laws.map((l) => [l.id, l.title]))
  const documents = content.documents.map((d) => d.name)
  const fees = content.fees.map((f) => f.description)
  const steps = content.process.steps
  const name = stepNamer(content.process)
  return {
    choices: {
      documents: [...new Set([...documents, ...(step?.documents ?? [])])],
      fees: [...new Set([...fees, ...(step?.fees ?? [])])],
      legalBases: bases,
      variants: content.process.variants.map((v) => v.id),
      steps: withAfter ? steps.map((s) => s.id) : [],
      decisions: withAfter ? steps.filter((s) => s.kind === 'decision').map((s) => s.id) : [],
    },
    options: (serviceId) => ({
      serviceId,
      documents,
      fees,
      legalBases: bases.map((b) => ({
        key: legalBasisKey(b),
        label: `${titles.get(b.lawId) ?? m.lawRemoved}${b.article ? `، ${toPersianDigits(b.article)}` : ''}`,
      })),
      variants: content.process.variants.map((v) => ({ id: v.id, label: v.label })),
      after: withAfter ? steps.map((s) => ({ id: s.id, label: name(s.id) })) : null,
    }),
  }
}

/** Saves `change` to the process against the draft the form came from (the section-editor kit). */
export function save(
  deps: Deps,
  c: Context<AppEnv>,
  actor: Actor,
  service: Service,
  fields: FormFields,
  change: ProcessChange,
  target: { action: string; backHref: string; done: string },
): Promise<Response> {
  return saveSection(deps, c, {
    actor,
    service,
    fields,
    change: onProcess(change),
    target: { ...target, sectionLabel: m.sectionLabel, sectionHref: processHref(service.id) },
    changes: lineChanges('process', m.sectionLabel, (content) => processLines(content.process)),
  })
}

/**
 * A form that adds to the process (a step, a variant, a transition), checked against its one-time
 * token (issue 17 item 10) before anything else (web/form-once-claim.ts).
 */
export function addOnce(
  deps: Deps,
  c: Context<AppEnv>,
  actor: Actor,
  purpose: string,
  fields: FormFields,
): Promise<SentBefore> {
  const once = formOnceOf(deps, c, actor, purpose, plainValues(fields))
  return sentBefore(deps.db, once, deps.clock.now())
}

/**
 * {@link save} for a form that adds something, recording its token once the draft is saved.
 * saveDraft (services) opens its own transaction and takes none, so the token cannot be claimed
 * inside it; it needs not be: the draft stamp the form carries already refuses a second save of
 * the same form (409), so recording after the save leaves no window for a duplicate, and a
 * conflict records nothing (its «save anyway» form, carrying the same token, still works).
 */
export async function saveOnce(
  deps: Deps,
  c: Context<AppEnv>,
  actor: Actor,
  service: Service,
  fields: FormFields,
  change: ProcessChange,
  target: { action: string; backHref: string; done: string },
  once: FormOnce,
): Promise<Response> {
  const res = await save(deps, c, actor, service, fields, change, target)
  return recordIfDone(deps.db, once, deps.clock.now(), res, target.done)
}
