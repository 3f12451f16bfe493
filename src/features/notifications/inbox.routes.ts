import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { pageNumber } from '../../web/pagination.ts'
import { requireActor } from '../accounts/index.ts'
import { markAllOwnRead, markOwnRead } from './inbox.actions.ts'
import { msg } from './messages.fa.ts'
import { entryId } from './notification.input.ts'
import { countUnread, listInbox } from './notification.queries.ts'
import { inboxPage } from './views/inbox-page.ts'

const PAGE_SIZE = 25

/** `/inbox`: every staff user's own notifications; nobody reads anyone else's. */
export function inboxRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    const actor = requireActor(c)
    const pageNo = pageNumber(c.req.query('page'))
    const [result, unread] = await Promise.all([
      listInbox(deps.db, actor.userId, { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }),
      countUnread(deps.db, actor.userId),
    ])
    const readAll = c.req.query('read-all')
    const banner =
      c.req.query('read') === '1'
        ? { kind: 'success' as const, text: msg.markedRead }
        : readAll !== undefined && /^\d{1,9}$/.test(readAll)
          ? { kind: 'success' as const, text: msg.markedAllRead(Number(readAll)) }
          : undefined
    return page(c, {
      title: msg.inboxTitle,
      breadcrumbs: [{ href: '/admin', text: 'پیشخوان' }],
      ...(banner ? { banner } : {}),
      content: inboxPage({
        csrfToken: c.get('csrfToken'),
        items: result.items,
        total: result.total,
        unread,
        page: pageNo,
        pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
      }),
    })
  })

  app.post('/read-all', async (c) => {
    const n = await markAllOwnRead(deps, requireActor(c))
    return c.redirect(`/inbox?read-all=${n}`, 303)
  })

  app.post('/:id/read', async (c) => {
    const actor = requireActor(c)
    const id = entryId(c.req.param('id'))
    if (id === null) throw new NotFoundError('notification.not-found', msg.notFound)
    await markOwnRead(deps, actor, id)
    const back = pageNumber((await readForm(c)).page)
    return c.redirect(`/inbox?${back > 1 ? `page=${back}&` : ''}read=1`, 303)
  })

  return app
}
