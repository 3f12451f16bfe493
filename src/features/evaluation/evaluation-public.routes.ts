import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import type { Html } from '../../web/ui/index.ts'
import {
  EVALUATION_PAGE_TAGS,
  loadMethod,
  loadOverview,
  loadPeriod,
  loadScorecard,
  SHORT_EXPIRY_MS,
} from './evaluation.read.ts'
import { pagesMsg as msg } from './evaluation-pages.messages.fa.ts'
import { methodPage, methodTitle } from './views/evaluation-method.ts'
import { overviewPage } from './views/evaluation-overview.ts'
import { periodPage, periodTitle } from './views/evaluation-period.ts'
import { scorecardPage, scorecardTitle } from './views/evaluation-scorecard.ts'

/** A period is a four-digit Jalali year; anything else is no page here (the Persian 404). */
const PERIOD = '{[0-9]{4}}'
const NUMBER = '{[0-9]{1,6}}'
const AGENCY_CODE = '{[0-9A-Za-z-]{1,40}}'

const HOME = { href: '/', text: 'خانه' }
const OVERVIEW = { href: '/evaluation', text: msg.title }

function render(
  c: Context<AppEnv>,
  deps: Deps,
  build: () => Promise<{
    title: string
    content: Html
    breadcrumbs: { href: string; text: string }[]
    /** Pages that show what does not mark the cache tag expire by themselves. */
    shortLived?: boolean
  }>,
) {
  return cachedPage(c, deps.pageCache, async () => {
    const p = await build()
    return {
      response: await page(c, { title: p.title, breadcrumbs: p.breadcrumbs, content: p.content }),
      tags: EVALUATION_PAGE_TAGS,
      ...(p.shortLived ? { expiresAt: Date.now() + SHORT_EXPIRY_MS } : {}),
    }
  })
}

/**
 * The public evaluation pages (issue 15 item 4): `/evaluation` (periods and the newest
 * ranking), `/evaluation/method[/{version}]`, `/evaluation/{period}[/v/{seq}]` and
 * `/evaluation/{period}/agencies/{code}`. All are cached by EVALUATION_CACHE_TAG and the agencies'
 * tag; an unknown period, snapshot, version or agency is a Persian 404, and a malformed one
 * matches no route (the same 404).
 */
export function evaluationPublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', (c) =>
    render(c, deps, async () => ({
      title: msg.title,
      breadcrumbs: [HOME],
      content: overviewPage(await loadOverview(deps)),
    })),
  )

  // The method being edited (or the default, before any is stored) changes without marking the
  // cache tag (method.actions.ts), so it is rendered afresh; a frozen version never changes.
  const methodRoute = async (c: Context<AppEnv>, version: number | undefined) => {
    const v = await loadMethod(deps, version)
    const versioned = version !== undefined
    const content = {
      title: methodTitle(v, versioned),
      breadcrumbs: versioned
        ? [HOME, OVERVIEW, { href: '/evaluation/method', text: msg.methodTitle }]
        : [HOME, OVERVIEW],
      content: methodPage(v, versioned),
    }
    if (v.method.frozenAt === null) return page(c, content)
    return render(c, deps, async () => content)
  }

  app.get('/method', (c) => methodRoute(c, undefined))
  app.get(`/method/:version${NUMBER}`, (c) => methodRoute(c, Number(c.req.param('version'))))

  app.get(`/:period${PERIOD}`, (c) =>
    render(c, deps, async () => {
      const v = await loadPeriod(deps, c.req.param('period'))
      return { title: periodTitle(v), breadcrumbs: [HOME, OVERVIEW], content: periodPage(v) }
    }),
  )

  app.get(`/:period${PERIOD}/v/:seq${NUMBER}`, (c) =>
    render(c, deps, async () => {
      const period = c.req.param('period')
      const v = await loadPeriod(deps, period, Number(c.req.param('seq')))
      return {
        title: periodTitle(v),
        breadcrumbs: [
          HOME,
          OVERVIEW,
          { href: `/evaluation/${period}`, text: msg.periodLink(period) },
        ],
        content: periodPage(v),
      }
    }),
  )

  app.get(`/:period${PERIOD}/agencies/:code${AGENCY_CODE}`, (c) =>
    render(c, deps, async () => {
      const period = c.req.param('period')
      const v = await loadScorecard(deps, period, c.req.param('code'))
      return {
        title: scorecardTitle(v),
        breadcrumbs: [
          HOME,
          OVERVIEW,
          { href: `/evaluation/${period}`, text: msg.periodLink(period) },
        ],
        content: scorecardPage(v),
        // Objections are lodged and answered without marking the tag (objection.actions.ts).
        shortLived: v.header.status !== 'provisional',
      }
    }),
  )

  return app
}
