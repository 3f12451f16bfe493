import assert from 'node:assert/strict'
import * as cheerio from 'cheerio'

/** The page, checked for duplicate ids and error-summary links that lead nowhere. */
export async function checkedPage(res: Response): Promise<cheerio.CheerioAPI> {
  const $ = cheerio.load(await res.text())
  const ids = $('[id]')
    .map((_, el) => $(el).attr('id'))
    .get()
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
    'ids are unique',
  )
  $('.mr-error-summary a[href^="#"]').each((_, a) => {
    const target = $(a).attr('href')?.slice(1) ?? ''
    assert.equal($(`[id="${target}"]`).length, 1, `error link #${target} has a target`)
  })
  return $
}
