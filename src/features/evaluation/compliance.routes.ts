import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { complianceCsv } from './compliance.export.ts'
import { parseFilter } from './compliance.model.ts'
import { COMPLIANCE_CACHE_TAGS, complianceExpiry, loadComplianceBoard } from './compliance.read.ts'
import { msg } from './messages.fa.ts'
import { compliancePage } from './views/compliance.ts'

function filterQuery(group: string, province: string): string {
  const q = new URLSearchParams()
  if (group) q.set('group', group)
  if (province) q.set('province', province)
  return q.toString()
}

/**
 * `/compliance`: the public compliance board (issue 15 item 5), cached like other public pages
 * until the catalogue, the agencies or the review policy change, or the Tehran day ends;
 * `/compliance.csv` the same rows as a file. A filter that is not in the lists is refused with
 * a Persian message (400), never guessed.
 */
export function complianceRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  const render = async (c: Context<AppEnv>) => {
    const group = (c.req.query('group') ?? '').trim()
    const province = (c.req.query('province') ?? '').trim()
    const parsed = parseFilter({ group, province })
    const filter = parsed.ok ? parsed.filter : { group: null, province: null }
    const board = await loadComplianceBoard(deps, filter)
    const error = parsed.ok
      ? null
      : {
          field: parsed.field,
          text: parsed.field === 'group' ? msg.badGroup : msg.badProvince,
        }
    const response = await page(
      c,
      {
        title: error ? `خطا: ${msg.title}` : msg.title,
        content: compliancePage({
          ...board,
          group,
          province,
          error,
          query: parsed.ok ? filterQuery(group, province) : '',
        }),
      },
      error ? 400 : 200,
    )
    return { response, tags: COMPLIANCE_CACHE_TAGS, expiresAt: complianceExpiry(board.asOf) }
  }

  app.get('/compliance', (c) => cachedPage(c, deps.pageCache, () => render(c)))

  app.get('/compliance.csv', async (c) => {
    const parsed = parseFilter({ group: c.req.query('group'), province: c.req.query('province') })
    if (!parsed.ok) return c.text(parsed.field === 'group' ? msg.badGroup : msg.badProvince, 400)
    const csv = complianceCsv(await loadComplianceBoard(deps, parsed.filter))
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="mardom-compliance.csv"',
    })
  })

  return app
}
