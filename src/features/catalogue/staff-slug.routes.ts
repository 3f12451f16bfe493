import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, plainValues, readFields } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import {
  changeServiceSlug,
  editorMsg as em,
  findDraft,
  findPublished,
  ID,
  listRetiredSlugs,
  parseFields,
  type Service,
  slugForm,
  slugify,
  slugMsg,
  staffService,
} from '../services/index.ts'
import { slugPage } from './views/staff-slug.ts'

/**
 * `/admin/services/:id/slug`: the agency admin changes a service's address (issue 17 item 13);
 * its earlier addresses keep answering with a 301 (service-page.routes.ts). Mounted by app.ts
 * with the other `/admin/services` routes.
 */
export function serviceSlugRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  async function slugResponse(
    c: Context<AppEnv>,
    service: Service,
    values: Record<string, string>,
    errors: FieldErrors,
  ): Promise<Response> {
    const [draft, published, previous] = await Promise.all([
      findDraft(deps.db, service.id),
      findPublished(deps.db, service.id),
      listRetiredSlugs(deps.db, service.id),
    ])
    const title = (draft ?? published)?.content.title ?? ''
    const suggested = slugify(title)
    const failed = Object.keys(errors).length > 0
    c.header('Cache-Control', 'private, no-store')
    return page(
      c,
      {
        title: failed ? `خطا: ${slugMsg.heading}` : slugMsg.heading,
        breadcrumbs: [
          { href: '/admin/services', text: em.listTitle },
          { href: `/admin/services/${service.id}`, text: title || em.untitled },
        ],
        ...(c.req.query('done') === 'changed'
          ? { banner: { kind: 'success' as const, text: slugMsg.done } }
          : {}),
        content: slugPage({
          csrfToken: c.get('csrfToken') ?? '',
          serviceId: service.id,
          title,
          slug: service.slug,
          suggested: suggested && suggested !== service.slug ? suggested : null,
          previous,
          values,
          errors,
        }),
      },
      failed ? 422 : 200,
    )
  }

  app.get(`/:id${ID}/slug`, async (c) => {
    const { service } = await staffService(deps, c, c.req.param('id'), 'publish')
    return slugResponse(c, service, {}, {})
  })

  app.post(`/:id${ID}/slug`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'publish')
    const values = plainValues(await readFields(c))
    const parsed = parseFields(slugForm, values)
    if (!parsed.ok) return slugResponse(c, service, values, parsed.errors)
    const result = await changeServiceSlug(deps, actor, service.id, parsed.data.slug)
    if (!result.ok) return slugResponse(c, service, values, result.errors)
    return c.redirect(`/admin/services/${service.id}/slug?done=changed`, 303)
  })

  return app
}
