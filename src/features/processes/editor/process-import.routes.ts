import { Hono } from 'hono'
import type { Deps } from '../../../deps.ts'
import { ConflictError, ValidationError } from '../../../lib/errors.ts'
import type { AppEnv } from '../../../web/env.ts'
import { readFields } from '../../../web/form.ts'
import {
  checkedChange,
  draftToEdit,
  fieldValue,
  servicesMsg as msg,
  processSchema,
  saveDraft,
} from '../../services/index.ts'
import { fromBpmnXml } from '../interop/bpmn-import.ts'
import { processEditorMsg as m } from './messages.fa.ts'
import { addStep, replaceStep } from './process.changes.ts'
import { parseStepForm } from './process.input.ts'
import { editable, firstError, formChoices, PROCESS_PATH as PROCESS } from './process-editor.kit.ts'
import { importNotice, previewFragment, processPageResponse } from './process-editor.pages.ts'
import { previewUnavailable } from './views/preview.ts'

/**
 * The process page's BPMN import and the step forms' live preview (JavaScript on), under
 * `/admin/services/:id/edit/process/…`.
 */
export function processImportRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  // A BPMN file from a modelling tool replaces the draft's process; what could not be
  // mapped is listed. Nothing typed is at stake here (the file stays with the user), so a
  // concurrent save simply asks them to upload again.
  app.post(`${PROCESS}/import`, async (c) => {
    const { actor, service } = await editable(deps, c)
    const draft = await draftToEdit(deps.db, service.id)
    const body = await c.req.parseBody()
    const file = body.importFile
    const fail = (text: string) =>
      processPageResponse(deps, c, service, draft, {
        add: { values: {}, errors: { importFile: text } },
      })
    if (!(file instanceof File) || file.size === 0) return fail(m.importMissing)
    if (file.size > 1024 * 1024) return fail(m.importTooLarge)
    let imported: Awaited<ReturnType<typeof fromBpmnXml>>
    try {
      imported = await fromBpmnXml(await file.text())
    } catch (error) {
      if (error instanceof ValidationError) return fail(error.message)
      throw error
    }
    const checkedProcess = processSchema.safeParse(imported.process)
    if (!checkedProcess.success)
      return fail(m.importInvalid(checkedProcess.error.issues[0]?.message ?? ''))
    const formDraft = typeof body.draft === 'string' ? body.draft : ''
    const formRevision =
      typeof body.revision === 'string' && /^\d{1,9}$/.test(body.revision)
        ? Number(body.revision)
        : -1
    const expected = formDraft === draft.id ? formRevision : -1
    const result = await saveDraft(
      deps,
      actor,
      service.id,
      expected,
      checkedChange((content) => ({ ...content, process: checkedProcess.data })),
    )
    if (!result.ok) throw new ConflictError('service.draft-conflict', msg.conflict)
    return processPageResponse(deps, c, service, result.draft, {
      notice: importNotice(checkedProcess.data.steps.length, imported.unmapped),
    })
  })

  // The chart and totals as if the posted step form were applied, as an HTML fragment for
  // `/assets/process-editor.js`. Nothing is saved.
  app.post(`${PROCESS}/preview`, async (c) => {
    const { service } = await editable(deps, c)
    c.header('Cache-Control', 'private, no-store')
    if (c.req.header('x-requested-with') === undefined) return c.text(m.previewOnlyScript, 400)
    const fields = await readFields(c)
    const draft = await draftToEdit(deps.db, service.id)
    const stepId = fieldValue(fields, 'step')
    if (stepId !== '' && !/^[a-z0-9_-]{1,40}$/.test(stepId))
      return c.html(previewUnavailable(m.stepNotFound), 422)
    const step = stepId ? draft.content.process.steps.find((s) => s.id === stepId) : undefined
    const { choices } = await formChoices(deps, draft.content, step, stepId === '')
    const parsed = parseStepForm(choices, fields)
    if (!parsed.ok) return c.html(previewUnavailable(firstError(parsed.errors)), 422)
    const change = stepId
      ? replaceStep(stepId, parsed.data.step)
      : addStep(parsed.data.step, parsed.data.after, parsed.data.afterLabel)
    return c.html(previewFragment(draft.content, change))
  })

  return app
}
