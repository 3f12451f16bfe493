import assert from 'node:assert/strict'
import * as cheerio from 'cheerio'
import { CSRF_FIELD } from '../../src/web/csrf.ts'
import type { Fields } from './forms.ts'

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

/**
 * Every field of a form on a page, as the browser would send it (CSRF token left out; a select
 * with no selected option sends its first option).
 */
export function formFields($: cheerio.CheerioAPI, selector: string): Fields {
  assert.equal($(selector).length, 1, `${selector} is on the page`)
  const fields: Record<string, string[]> = {}
  $(selector)
    .find('input, textarea, select')
    .each((_, el) => {
      const e = $(el)
      const name = e.attr('name')
      if (!name || name === CSRF_FIELD) return
      const type = e.attr('type')
      if ((type === 'checkbox' || type === 'radio') && e.attr('checked') === undefined) return
      const value =
        el.tagName === 'select'
          ? (e.find('option[selected]').attr('value') ??
            e.find('option').first().attr('value') ??
            '')
          : el.tagName === 'textarea'
            ? e.text()
            : (e.attr('value') ?? '')
      fields[name] = [...(fields[name] ?? []), value]
    })
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, v.length === 1 ? (v[0] ?? '') : v]),
  )
}
