import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Context, Hono } from 'hono'
import { FAVICON_SVG, faviconIco } from './favicon.ts'

interface Asset {
  body: Uint8Array<ArrayBuffer>
  type: string
  etag: string
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
}

function asset(path: string): Asset {
  return assetOf(readFileSync(path), TYPES[extname(path)] ?? 'application/octet-stream')
}

function assetOf(data: Uint8Array, type: string): Asset {
  const body = new Uint8Array(new ArrayBuffer(data.byteLength))
  body.set(data)
  const etag = `"${createHash('sha256').update(data).digest('base64url').slice(0, 22)}"`
  return { body, type, etag }
}

/** Everything under /assets, read once at start: our CSS and scripts, and the Vazirmatn font from its npm package. */
export function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>()
  const own = join(dirname(fileURLToPath(import.meta.url)), 'assets')
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`)
      else if (TYPES[extname(entry.name)])
        assets.set(`${prefix}${entry.name}`, asset(join(dir, entry.name)))
    }
  }
  walk(own, '')
  const vazirmatn = dirname(createRequire(import.meta.url).resolve('vazirmatn/package.json'))
  const font = 'Vazirmatn[wght].woff2'
  assets.set(`fonts/${font}`, asset(join(vazirmatn, 'fonts', 'webfonts', font)))
  assets.set('favicon.svg', assetOf(Buffer.from(FAVICON_SVG), TYPES['.svg'] ?? 'image/svg+xml'))
  return assets
}

function serve(c: Context, found: Asset, maxAge: number): Response {
  const headers = {
    'Content-Type': found.type,
    ETag: found.etag,
    'Cache-Control': `public, max-age=${maxAge}`,
  }
  if (c.req.header('if-none-match') === found.etag) return c.body(null, 304, headers)
  return c.body(found.body, 200, headers)
}

export function assetRoutes(assets: Map<string, Asset>): Hono {
  const app = new Hono()
  app.get('/*', (c) => {
    const name = decodeURIComponent(c.req.path.replace(/^\/assets\//, ''))
    const found = assets.get(name)
    if (!found) return c.notFound()
    return serve(c, found, 3600)
  })
  return app
}

/** A day: the icon changes about never, and an ETag revalidates it cheaply after that. */
const FAVICON_MAX_AGE = 86_400

/**
 * `/favicon.ico`, which browsers and crawlers ask for on their own: without it every first
 * visit logged a 404. Pages also link the SVG under /assets.
 */
export function faviconRoutes(): Hono {
  const icon = assetOf(faviconIco(), 'image/x-icon')
  const app = new Hono()
  app.get('/favicon.ico', (c) => serve(c, icon, FAVICON_MAX_AGE))
  return app
}
