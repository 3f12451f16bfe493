import { createRoute, z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { assertSignedIn } from '../../lib/actor.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts'
import { type Api, bearer, problemResponses, problemSchema } from '../../web/api.ts'
import { publicRead } from '../../web/etag.ts'
import { fieldErrorsOf } from '../../web/form.ts'
import {
  FORM_LANGUAGES,
  findDraft,
  findPublished,
  findServiceById,
  servicesMsg as msg,
  type ServiceForm,
  serviceCacheTag,
  staffService,
  startDraft,
} from '../services/index.ts'
import { FORM_FILE_KINDS } from './form-file.model.ts'
import { addForm, type FormsWriteResult, removeForm } from './forms.actions.ts'
import { formDetailsSchema } from './forms.input.ts'
import { publicServiceFormHref, staffFormHref, withFiles } from './forms.present.ts'
import { formsMsg as m } from './messages.fa.ts'

const tags = ['فرم‌ها']
const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) })

export const formJson = z
  .object({
    sha256: z.string().openapi({ description: 'SHA-256 محتوای پرونده (hex)' }),
    title: z.string(),
    code: z.string().nullable(),
    language: z.enum(FORM_LANGUAGES),
    fileName: z.string(),
    kind: z.enum(FORM_FILE_KINDS).nullable(),
    mediaType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    downloadUrl: z.string().openapi({ description: 'نشانی دریافت پرونده' }),
  })
  .openapi('ServiceFormFile')

const formListJson = z
  .object({ revision: z.number().int().nullable(), items: z.array(formJson) })
  .openapi('ServiceForms')

const problem413 = {
  413: {
    description: 'پرونده بیش از ۱۰ مگابایت است',
    content: { 'application/problem+json': { schema: problemSchema } },
  },
}

async function present(deps: Deps, forms: ServiceForm[], href: (sha256: string) => string) {
  return (await withFiles(deps.db, forms)).map(({ form, file }) => ({
    ...form,
    kind: file?.kind ?? null,
    mediaType: file?.mediaType ?? null,
    sizeBytes: file?.sizeBytes ?? null,
    downloadUrl: `${deps.config.publicUrl}${href(form.sha256)}`,
  }))
}

function throwUnlessOk(
  result: FormsWriteResult,
): asserts result is FormsWriteResult & { ok: true } {
  if (result.ok) return
  if ('conflict' in result) throw new ConflictError('service.draft-conflict', msg.conflict)
  const detail = Object.values(result.errors)[0] ?? m.fileWrongType
  throw new ValidationError(detail, result.errors)
}

/** The forms API (R5): read a service's forms, and upload or remove forms of its draft. */
export function formApiRoutes(api: Api, deps: Deps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/forms',
      tags,
      summary: 'فرم‌های نسخهٔ منتشرشدهٔ یک خدمت',
      request: { params: idParam },
      responses: {
        200: { description: 'فرم‌ها', content: { 'application/json': { schema: formListJson } } },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const service = await findServiceById(deps.db, c.req.valid('param').id)
      const version = service ? await findPublished(deps.db, service.id) : undefined
      if (!service || !version) throw new NotFoundError('service.not-found', msg.notFound)
      const items = await present(deps, version.content.forms, (sha) =>
        publicServiceFormHref(service.slug, sha),
      )
      // Kept in memory until the service changes (web/etag.ts): its files never do (by hash).
      const body = { revision: null, items }
      return c.json(publicRead(c, { body, tags: [serviceCacheTag(service.id)] }), 200)
    },
  )

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}/draft/forms',
      tags,
      summary: 'فرم‌های پیش‌نویس خدمت',
      security: bearer,
      request: { params: idParam },
      responses: {
        200: { description: 'فرم‌ها', content: { 'application/json': { schema: formListJson } } },
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const { service } = await staffService(deps, c, c.req.valid('param').id, 'view')
      const draft = await findDraft(deps.db, service.id)
      if (!draft) throw new NotFoundError('service.no-draft', msg.noDraft)
      const items = await present(deps, draft.content.forms, (sha) =>
        staffFormHref(service.id, sha),
      )
      return c.json({ revision: draft.revision, items }, 200)
    },
  )

  // Multipart: documented in the registry, read by a plain handler (files need no JSON schema).
  api.openAPIRegistry.registerPath({
    method: 'post',
    path: '/services/{id}/draft/forms',
    tags,
    summary: 'افزودن فرم به پیش‌نویس خدمت (بارگذاری پرونده)',
    description:
      'پرونده‌های PDF، DOCX، XLSX یا ODT تا ۱۰ مگابایت؛ نوع از محتوای پرونده شناخته می‌شود. محتوا نیز بررسی می‌شود و این‌ها با پاسخ ۴۲۲ پذیرفته نمی‌شوند: بستهٔ بیش از ۱۰۰ مگابایت پس از گشوده شدن یا فشرده‌تر از ۱۰۰ برابر، ماکرو (VBA، ActiveX، Basic)، شیء OLE، DOCTYPE یا موجودیت XML، پیوند بیرونی جز پیوندهای معمولی، نام ناامن بخش‌ها (مانند ../)، و PDF دارای جاوااسکریپت، Launch یا پروندهٔ جاسازی‌شده. اگر پیش‌نویسی نباشد ساخته می‌شود. اگر revision داده شود و پیش‌نویس در این فاصله تغییر کرده باشد، پاسخ ۴۰۹ است.',
    security: bearer,
    request: {
      params: idParam,
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({
              file: z.string().openapi({ format: 'binary', description: 'پروندهٔ فرم' }),
              title: z.string().max(200),
              code: z.string().max(50).optional(),
              language: z.enum(FORM_LANGUAGES),
              revision: z.string().optional().openapi({ description: 'بازبینی پیش‌نویس' }),
            }),
          },
        },
      },
    },
    responses: {
      201: {
        description: 'فرم افزوده شد',
        content: {
          'application/json': {
            schema: z.object({ revision: z.number().int(), form: formJson }),
          },
        },
      },
      ...problemResponses(401, 403, 404, 409, 422),
      ...problem413,
    },
  })
  api.post('/services/:id/draft/forms', async (c) => {
    const id = c.req.param('id')
    if (!z.uuid().safeParse(id).success) throw new NotFoundError('service.not-found', msg.notFound)
    const { actor, service } = await staffService(deps, c, id, 'edit')
    const type = c.req.header('content-type') ?? ''
    if (!/^multipart\/form-data/i.test(type))
      throw new ValidationError(m.fileMissing, { file: m.fileMissing })
    const body = await c.req.parseBody()
    const strings: Record<string, string> = {}
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') strings[k] = v
    const parsed = formDetailsSchema.safeParse(strings)
    const file = body.file
    const errors = parsed.success ? {} : fieldErrorsOf(parsed.error)
    if (!(file instanceof File)) Object.assign(errors, { file: m.fileMissing })
    if (!parsed.success || !(file instanceof File))
      throw new ValidationError(Object.values(errors)[0] ?? m.fileMissing, errors)
    const draft =
      (await findDraft(deps.db, service.id)) ?? (await startDraft(deps, actor, service.id))
    const revision = /^\d{1,9}$/.test(strings.revision ?? '')
      ? Number(strings.revision)
      : draft.revision
    const result = await addForm(deps, actor, service.id, revision, parsed.data, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      name: file.name,
    })
    throwUnlessOk(result)
    const form = result.form
    if (!form) throw new NotFoundError('forms.not-found', m.formNotFound)
    const [item] = await present(deps, [form], (sha) => staffFormHref(service.id, sha))
    return c.json({ revision: result.draft.revision, form: item }, 201)
  })

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/services/{id}/draft/forms/{sha256}',
      tags,
      summary: 'حذف فرم از پیش‌نویس خدمت',
      description: 'پرونده در نسخه‌های پیشین می‌ماند.',
      security: bearer,
      request: {
        params: idParam.extend({
          sha256: z
            .string()
            .regex(/^[0-9a-f]{64}$/)
            .openapi({ param: { name: 'sha256', in: 'path' } }),
        }),
        query: z.object({ revision: z.coerce.number().int().min(1).optional() }),
      },
      responses: {
        200: { description: 'حذف شد', content: { 'application/json': { schema: formListJson } } },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { id, sha256 } = c.req.valid('param')
      const actor = c.get('actor')
      assertSignedIn(actor)
      const { service } = await staffService(deps, c, id, 'edit')
      const draft = await findDraft(deps.db, service.id)
      if (!draft) throw new NotFoundError('service.no-draft', msg.noDraft)
      const result = await removeForm(
        deps,
        actor,
        service.id,
        c.req.valid('query').revision ?? draft.revision,
        sha256,
      )
      throwUnlessOk(result)
      const items = await present(deps, result.draft.content.forms, (sha) =>
        staffFormHref(service.id, sha),
      )
      return c.json({ revision: result.draft.revision, items }, 200)
    },
  )
}
