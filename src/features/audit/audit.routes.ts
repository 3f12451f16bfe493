import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import { parseAuditQuery } from './audit.input.ts'
import { diffSnapshots } from './audit.model.ts'
import { assertCanReadAudit } from './audit.policy.ts'
import {
  findAuditEvent,
  listAuditActions,
  listAuditEntityTypes,
  listAuditEvents,
} from './audit.queries.ts'
import { findAuditNames } from './audit-names.queries.ts'
import { msg } from './messages.fa.ts'
import { auditEventPage, auditIndexPage } from './views/audit-views.ts'

const PAGE_SIZE = 50

/** The audit log for central staff: `/admin/audit` and `/admin/audit/:id`. */
export function auditRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    assertCanReadAudit(requireActor(c))
    const query = parseAuditQuery(c.req.query())
    const invalid = Object.keys(query.errors).length > 0
    const [entityTypes, actions, result] = await Promise.all([
      listAuditEntityTypes(deps.db),
      listAuditActions(deps.db),
      invalid
        ? { items: [], total: 0 }
        : listAuditEvents(deps.db, query.filter, {
            limit: PAGE_SIZE,
            offset: (query.page - 1) * PAGE_SIZE,
          }),
    ])
    const names = await findAuditNames(deps.db, result.items)
    const { page: _page, ...kept } = query.values
    const href = (p: number) =>
      `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== '')), page: String(p) })}`
    return page(
      c,
      {
        title: invalid ? `خطا: ${msg.indexTitle}` : msg.indexTitle,
        content: auditIndexPage({
          values: query.values,
          errors: query.errors,
          entityTypes,
          actions,
          items: result.items,
          names,
          total: result.total,
          page: query.page,
          pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
          href,
        }),
      },
      invalid ? 422 : 200,
    )
  })

  app.get('/:id', async (c) => {
    assertCanReadAudit(requireActor(c))
    const event = await findAuditEvent(deps.db, c.req.param('id'))
    if (!event) throw new NotFoundError('audit.not-found', msg.notFound)
    const names = await findAuditNames(deps.db, [event])
    return page(c, {
      title: msg.eventTitle,
      breadcrumbs: [
        { href: '/admin', text: 'پیشخوان' },
        { href: '/admin/audit', text: msg.indexTitle },
      ],
      content: auditEventPage({
        event,
        names,
        changes: diffSnapshots(event.before, event.after),
      }),
    })
  })

  return app
}
