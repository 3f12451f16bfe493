import { createHash } from 'node:crypto'
import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import type { Api } from '../../web/api.ts'
import { cacheControlFor, etagMatches } from '../../web/etag.ts'
import {
  byteStream,
  EXPORT_FILE_NAMES,
  EXPORT_MEDIA_TYPES,
  type ExportFormat,
  exportChunks,
} from './catalogue.export.ts'
import { CATALOGUE_VERSION } from './catalogue.format.ts'
import { opendataMsg as m } from './messages.fa.ts'
import { type CatalogueState, catalogueState } from './opendata.queries.ts'

const tags = ['دادهٔ باز']

/**
 * The ETag of an export, known before building it: the format, the file format's version,
 * the number of public services and rows behind it, and the latest change to anything an
 * export shows. Weak, because the JSON carries its own `exportedAt`.
 */
export function exportEtag(deps: Deps, format: ExportFormat, state: CatalogueState): string {
  const key = [
    format,
    CATALOGUE_VERSION,
    deps.config.publicUrl,
    state.count,
    state.rows,
    state.lastChange?.toISOString() ?? '',
  ].join('|')
  return `W/"${createHash('sha1').update(key).digest('base64url')}"`
}

function notModifiedSince(c: Context, lastChange: Date | null): boolean {
  const since = c.req.header('if-modified-since')
  if (!since || !lastChange || c.req.header('if-none-match')) return false
  const t = Date.parse(since)
  return !Number.isNaN(t) && Math.floor(lastChange.getTime() / 1000) * 1000 <= t
}

async function exportResponse(c: Context, deps: Deps, format: ExportFormat): Promise<Response> {
  const state = await catalogueState(deps.db)
  const etag = exportEtag(deps, format, state)
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': cacheControlFor(c),
    'X-Total-Count': String(state.count),
  }
  if (state.lastChange) headers['Last-Modified'] = state.lastChange.toUTCString()
  if (etagMatches(c.req.header('if-none-match'), etag) || notModifiedSince(c, state.lastChange))
    return new Response(null, { status: 304, headers })
  headers['Content-Type'] = EXPORT_MEDIA_TYPES[format]
  headers['Content-Disposition'] = `attachment; filename="${EXPORT_FILE_NAMES[format]}"`
  if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers })
  return new Response(byteStream(exportChunks(deps, format)), { status: 200, headers })
}

const EXPORTS: { format: ExportFormat; path: string; summary: string; media: string }[] = [
  {
    format: 'json',
    path: '/export/catalogue.json',
    summary: m.apiJsonSummary,
    media: 'application/json',
  },
  { format: 'csv', path: '/export/catalogue.csv', summary: m.apiCsvSummary, media: 'text/csv' },
  {
    format: 'jsonld',
    path: '/export/catalogue.jsonld',
    summary: m.apiJsonLdSummary,
    media: 'application/ld+json',
  },
]

export function opendataApiRoutes(api: Api, deps: Deps): void {
  for (const e of EXPORTS) {
    // Streamed, so served by a plain handler and only described in the registry.
    api.openAPIRegistry.registerPath({
      method: 'get',
      path: e.path,
      tags,
      summary: e.summary,
      description: m.apiExportDescription,
      responses: {
        200: {
          description: m.apiExportOk,
          headers: {
            ETag: { schema: { type: 'string' } },
            'Last-Modified': { schema: { type: 'string' } },
            'X-Total-Count': { schema: { type: 'integer' } },
          },
          content: {
            [e.media]: {
              schema: e.format === 'csv' ? z.string() : z.object({}).passthrough(),
            },
          },
        },
        304: { description: m.apiNotModified },
      },
    })
    api.get(e.path, (c) => exportResponse(c, deps, e.format))
  }
}
