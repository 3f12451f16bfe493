import type { Context } from 'hono'
import type { Deps } from '../../../deps.ts'
import type { Actor } from '../../../lib/actor.ts'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import type { AppEnv } from '../../../web/env.ts'
import type { FieldErrors, FormFields } from '../../../web/form.ts'
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
