import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { html } from 'hono/html'
import { attr, attrs, content, cx, ids } from './html.ts'
import { renderToString } from './testing.ts'

describe('html helpers', () => {
  it('escapes attribute values and skips empty ones', async () => {
    const out = await renderToString(
      html`<p${attrs({ 'data-x': '"><script>', hidden: true, 'data-n': 3, gone: false, no: undefined })}></p>`,
    )
    assert.equal(out, '<p data-x="&quot;&gt;&lt;script&gt;" hidden data-n="3"></p>')
  })

  it('rejects unsafe attribute names, event handlers and inline styles', () => {
    assert.throws(() => attr('x" onload="a', 'b'), /Unsafe/)
    assert.throws(() => attr('onclick', 'a()'), /Unsafe/)
    assert.throws(() => attr('style', 'color:red'), /Unsafe/)
  })

  it('prefers html over text and escapes text', async () => {
    assert.equal(
      await renderToString(html`${content({ text: '<b>', html: html`<i>ok</i>` })}`),
      '<i>ok</i>',
    )
    assert.equal(await renderToString(html`${content({ text: '<b>' })}`), '&lt;b&gt;')
    assert.equal(await renderToString(html`${content(undefined)}`), '')
  })

  it('joins class names and ids', () => {
    assert.equal(cx('a', false, undefined, '', 'b'), 'a b')
    assert.equal(ids(undefined, 'x-hint', 'x-error'), 'x-hint x-error')
    assert.equal(ids(undefined, false), undefined)
  })
})
