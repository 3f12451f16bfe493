import type { Context } from 'hono'
import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { findLawsByIds } from '../laws/index.ts'
import { officeNamer } from '../offices/index.ts'
import { diffProcesses, processFlowchartSvg } from '../processes/index.ts'
import {
  listPublicVersions,
  loadServiceBySlug,
  servicesMsg as msg,
  serviceCacheTag,
} from '../services/index.ts'
import { diffContent } from './content.text.ts'
import {
  asksForStart,
  type LoadedServicePage,
  loadServicePage,
  loadServiceVersionPage,
} from './service-page.read.ts'
import { historyPage } from './views/history-page.ts'
import { type ServicePageModel, servicePageBody } from './views/service-page.ts'

function servicePage(c: Context<AppEnv>, m: ServicePageModel): Response | Promise<Response> {
  return page(c, { title: m.title, breadcrumbs: m.breadcrumbs, content: servicePageBody(m.body) })
}

/** A service's public pages at /services/:slug: the page, a version of it, its history. */
export function servicePublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/:slug', async (c) => {
    const query = c.req.query()
    const load = () => loadServicePage(deps, c.req.param('slug'), query, deps.clock.now())
    // A date asked for is computed afresh; the usual page is cached until the Tehran day
    // ends (it says when to expect the result if you apply today) or an office opens or closes.
    if (asksForStart(query)) return servicePage(c, (await load()).view)
    let loaded: LoadedServicePage | undefined
    return cachedPage(
      c,
      deps.pageCache,
      () => loaded?.tags ?? [],
      async () => {
        loaded = await load()
        return servicePage(c, loaded.view)
      },
      {
        get expiresAt() {
          return loaded?.expiresAt ?? Number.POSITIVE_INFINITY
        },
      },
    )
  })

  app.get('/:slug/v/:n', async (c) => {
    const n = Number.parseInt(c.req.param('n'), 10)
    return servicePage(
      c,
      await loadServiceVersionPage(deps, c.req.param('slug'), n, deps.clock.now()),
    )
  })

  app.get('/:slug/history', async (c) => {
    const slug = c.req.param('slug')
    let serviceId = ''
    return cachedPage(
      c,
      deps.pageCache,
      () => [serviceCacheTag(serviceId)],
      async () => {
        const service = await loadServiceBySlug(deps, slug)
        serviceId = service.id
        const versions = await listPublicVersions(deps.db, service.id)
        const last = versions.at(-1)
        if (!last) throw new NotFoundError('service.not-found', msg.notFound)
        // Laws cited by any version, so older citations are named too.
        const laws = await findLawsByIds(
          deps.db,
          versions.flatMap((v) => v.content.legalBases.map((l) => l.lawId)),
        )
        const titles = new Map(laws.map((l) => [l.id, l.title]))
        const lawTitle = (id: string) => titles.get(id) ?? 'قانون حذف‌شده'
        const officeName = await officeNamer(
          deps,
          versions.map((v) => v.content),
        )
        const entries = versions
          .map((v, i) => {
            const prev = versions[i - 1]
            const diff = prev ? diffProcesses(prev.content.process, v.content.process) : null
            const changed = diff !== null && diff.changes.length > 0
            return {
              versionNo: v.versionNo,
              publishedAt: v.publishedAt ?? v.updatedAt,
              changeNote: v.changeNote ?? '',
              current: v.status === 'published',
              first: i === 0,
              changes: diffContent(prev?.content ?? null, v.content, lawTitle, officeName).filter(
                (c) => c.field !== 'process',
              ),
              process:
                prev && diff && changed
                  ? {
                      summary: diff.summary,
                      steps: diff.changes.map((c) => ({
                        kind: c.kind,
                        title: c.title,
                        details: c.details,
                      })),
                      beforeSvg: prev.content.process.steps.length
                        ? processFlowchartSvg(
                            prev.content.process,
                            prev.content.title,
                            prev.id,
                            `v${v.versionNo}-before`,
                          )
                        : null,
                      afterSvg: v.content.process.steps.length
                        ? processFlowchartSvg(
                            v.content.process,
                            v.content.title,
                            v.id,
                            `v${v.versionNo}-after`,
                          )
                        : null,
                    }
                  : null,
            }
          })
          .reverse()
        return page(c, {
          title: `تاریخچهٔ ${last.content.title}`,
          breadcrumbs: [
            { href: '/', text: 'خانه' },
            { href: `/services/${slug}`, text: last.content.title },
          ],
          content: historyPage({ title: last.content.title, slug, entries }),
        })
      },
    )
  })

  return app
}
