import { html, raw } from 'hono/html'
import { looseSearchKey } from '../../lib/fa/normalize.ts'
import type { Html } from '../../web/ui/html.ts'

/**
 * Highlighting through the search normaliser: the text is folded letter by letter with the
 * same function as the index, keeping where each folded letter came from, so a query typed
 * with Arabic ي marks Persian ی in the text, «میشود» marks «می‌شود», and diacritics or tatweel
 * inside a word stay inside the mark. Terms match at the start of a word (as the index does);
 * spaces and ZWNJ are ignored while matching, so a term may span them.
 */

const WORD_CHAR = /[\p{L}\p{N}]/u
const ZWNJ = '\u200c'

interface Folded {
  /** Folded letters and digits, without any separator. */
  letters: string
  /** For each folded letter: where its source starts and ends in the original text. */
  from: number[]
  to: number[]
  /** Whether the folded letter begins a word. */
  wordStart: boolean[]
}

/**
 * Each character folded once per process: the normaliser is costly and a page folds every
 * character of twenty titles and summaries, drawn from a small alphabet.
 */
const foldedChars = new Map<string, string>()
const FOLDED_CHARS_MAX = 10_000

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch)
  if (folded === undefined) {
    folded = looseSearchKey(ch)
    if (foldedChars.size < FOLDED_CHARS_MAX) foldedChars.set(ch, folded)
  }
  return folded
}

function fold(text: string): Folded {
  const out: Folded = { letters: '', from: [], to: [], wordStart: [] }
  let boundary = true
  let i = 0
  for (const ch of text) {
    const start = i
    i += ch.length
    if (ch === ZWNJ || /\s/u.test(ch)) {
      boundary = true
      continue
    }
    const folded = foldChar(ch)
    if (folded === '') {
      // A diacritic, tatweel, hamza or invisible mark: part of the letter before it.
      const last = out.to.length - 1
      if (last >= 0 && !boundary) out.to[last] = i
      continue
    }
    let emitted = false
    for (const f of folded) {
      if (!WORD_CHAR.test(f)) continue
      out.letters += f
      out.from.push(start)
      out.to.push(i)
      out.wordStart.push(boundary && !emitted)
      emitted = true
    }
    boundary = !emitted
  }
  return out
}

/** The spans of `text` (as [start, end) offsets) that the terms match, merged. */
export function highlightSpans(text: string, terms: readonly string[]): [number, number][] {
  const f = fold(text)
  const spans: [number, number][] = []
  const wanted = [...new Set(terms.map((t) => looseSearchKey(t).replace(/[^\p{L}\p{N}]/gu, '')))]
  for (const term of wanted) {
    if (term.length < 2) continue
    let at = f.letters.indexOf(term)
    while (at >= 0) {
      if (f.wordStart[at]) {
        const start = f.from[at]
        const end = f.to[at + term.length - 1]
        if (start !== undefined && end !== undefined) spans.push([start, end])
      }
      at = f.letters.indexOf(term, at + 1)
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: [number, number][] = []
  for (const s of spans) {
    const last = merged[merged.length - 1]
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1])
    else merged.push([s[0], s[1]])
  }
  return merged
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch)
}

/** The text, escaped, with each matched span in `<mark>`. */
export function highlight(text: string, terms: readonly string[]): Html {
  const spans = highlightSpans(text, terms)
  if (spans.length === 0) return html`${text}`
  let out = ''
  let pos = 0
  for (const [start, end] of spans) {
    out += `${escapeHtml(text.slice(pos, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`
    pos = end
  }
  out += escapeHtml(text.slice(pos))
  return raw(out)
}
