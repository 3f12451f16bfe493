import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { examples } from './examples.ts'
import { load, renderToString } from './testing.ts'

describe('component examples', () => {
  for (const [component, named] of Object.entries(examples)) {
    for (const [name, render] of Object.entries(named)) {
      it(`${component} / ${name}: renders valid, self-consistent markup`, async () => {
        const out = await renderToString(render())
        assert.ok(out.length > 0)
        assert.doesNotMatch(out, /<script/i, 'no inline script')
        assert.doesNotMatch(out, /\sstyle=/i, 'no inline style')
        assert.doesNotMatch(out, /\son[a-z]+=/i, 'no inline event handler')
        assert.doesNotMatch(out, /undefined|\[object /, 'no leaked undefined or objects')
        assert.doesNotMatch(out, /class="[^"]*\b(govuk)-/, 'only mr- classes')

        const $ = await load(render())
        const idList = $('[id]')
          .toArray()
          .map((el) => $(el).attr('id'))
        assert.equal(new Set(idList).size, idList.length, `duplicate ids: ${idList.join(', ')}`)
        const ids = new Set(idList)
        for (const a of ['aria-describedby', 'aria-labelledby', 'aria-controls']) {
          $(`[${a}]`).each((_, el) => {
            for (const ref of ($(el).attr(a) ?? '').split(/\s+/)) {
              assert.ok(ids.has(ref), `${a}="${ref}" points to no element`)
            }
          })
        }
        $('label[for]').each((_, el) => {
          const target = $(el).attr('for') ?? ''
          assert.ok(ids.has(target), `label for="${target}" points to no element`)
        })
        $('input:not([type=hidden]), select, textarea').each((_, el) => {
          const id = $(el).attr('id')
          const labelled = id !== undefined && $(`label[for="${id}"]`).length === 1
          assert.ok(labelled, `control ${id ?? $(el).attr('name')} has exactly one label`)
        })
        $('[class]').each((_, el) => {
          for (const c of ($(el).attr('class') ?? '').split(/\s+/).filter(Boolean)) {
            assert.match(c, /^mr-/, `class ${c} lacks the mr- prefix`)
          }
        })
      })
    }
  }
})
