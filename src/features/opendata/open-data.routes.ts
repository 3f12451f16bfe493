import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { formatNumberFa } from '../../lib/fa/digits.ts'
import { formatDateFa } from '../../lib/fa/format-date.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { AGENCIES_CACHE_TAG } from '../agencies/index.ts'
import { CATALOGUE_CACHE_TAG } from '../services/index.ts'
import { CSV_COLUMNS } from './catalogue.csv.ts'
import { LICENCE } from './catalogue.format.ts'
import { pageMsg as m } from './messages.fa.ts'
import { catalogueState, countPublishingAgencies } from './opendata.queries.ts'
import { openDataPage } from './views/open-data-page.ts'

/** `/open-data`: what is published, the three formats, the CSV columns, sync, API, licence. */
export function openDataRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/', (c) =>
    cachedPage(c, deps.pageCache, async () => {
      const [state, agencies] = await Promise.all([
        catalogueState(deps.db),
        countPublishingAgencies(deps.db),
      ])
      const since = (state.lastChange ?? deps.clock.now()).toISOString().slice(0, 19)
      return {
        response: await page(c, {
          title: m.title,
          content: openDataPage({
            servicesFa: formatNumberFa(state.count),
            agenciesFa: formatNumberFa(agencies),
            lastChangeFa: state.lastChange ? formatDateFa(state.lastChange) : null,
            formats: [
              {
                format: 'json',
                label: m.json,
                description: m.jsonDescription,
                href: '/api/v1/export/catalogue.json',
              },
              {
                format: 'csv',
                label: m.csv,
                description: m.csvDescription,
                href: '/api/v1/export/catalogue.csv',
              },
              {
                format: 'jsonld',
                label: m.jsonld,
                description: m.jsonldDescription,
                href: '/api/v1/export/catalogue.jsonld',
              },
            ],
            csvColumns: CSV_COLUMNS.map((col) => ({
              name: col.name,
              description: col.description,
            })),
            syncExample: `GET ${deps.config.publicUrl}/api/v1/services?updated_since=${since}Z`,
            licenceUrl: LICENCE.url,
          }),
        }),
        tags: [CATALOGUE_CACHE_TAG, AGENCIES_CACHE_TAG],
      }
    }),
  )
  return app
}
