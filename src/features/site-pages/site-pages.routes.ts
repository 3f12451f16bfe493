import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { toPersianDigits } from '../../lib/fa/digits.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { ANSWER_WORKING_DAYS } from '../feedback/index.ts'
import { loadPortalSettings } from '../settings/index.ts'
import { SITE_PAGE_PATHS, type SitePageKey, sitePageContent } from './messages.fa.ts'
import { sitePage } from './views/site-page.ts'

/**
 * The pages every page's footer links (issue 17 item 9): contact, privacy notice, accessibility
 * statement. Not in the page cache: they name the central body from the settings, whose change
 * marks no cache tag, and they cost one small read.
 */
export function sitePageRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  for (const key of Object.keys(SITE_PAGE_PATHS) as SitePageKey[]) {
    app.get(SITE_PAGE_PATHS[key], async (c) => {
      const settings = await loadPortalSettings(deps.db)
      const content = sitePageContent(key, {
        operator: settings.centralBodyName,
        email: deps.config.contactEmail ?? null,
        answerDays: toPersianDigits(ANSWER_WORKING_DAYS),
      })
      return page(c, { title: content.title, content: sitePage(content) })
    })
  }
  return app
}
