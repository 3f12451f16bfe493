import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import { msg } from './messages.fa.ts'
import { parseOutboxQuery } from './notification.input.ts'
import { assertCanReadOutbox } from './notification.policy.ts'
import { countOutboxByStatus, listOutbox } from './outbox.queries.ts'
import { outboxPage } from './views/outbox-page.ts'

const PAGE_SIZE = 50

/** `/admin/outbox`: the mail the portal sends, or keeps when no mail server is set. */
export function outboxRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    assertCanReadOutbox(requireActor(c))
    const query = parseOutboxQuery(c.req.query())
    const [result, counts] = await Promise.all([
      listOutbox(
        deps.db,
        { status: query.status },
        { limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE },
      ),
      countOutboxByStatus(deps.db),
    ])
    return page(c, {
      title: msg.outboxTitle,
      breadcrumbs: [{ href: '/admin', text: 'پیشخوان' }],
      content: outboxPage({
        smtpConfigured: Boolean(deps.config.smtpUrl),
        status: query.status,
        counts,
        items: result.items,
        total: result.total,
        page: query.page,
        pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
        href: (p) =>
          `/admin/outbox?${new URLSearchParams({ ...(query.status ? { status: query.status } : {}), page: String(p) })}`,
      }),
    })
  })

  return app
}
