import * as cheerio from 'cheerio'
import type { Html } from './html.ts'

/** Renders an `Html` value to a string. */
export async function renderToString(h: Html): Promise<string> {
  return (await h).toString()
}

/** Renders a fragment and loads it into cheerio (without adding html/body). */
export async function load(h: Html): Promise<cheerio.CheerioAPI> {
  return cheerio.load(await renderToString(h), null, false)
}
