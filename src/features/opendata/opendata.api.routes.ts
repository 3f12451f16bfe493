import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import type { Api } from '../../web/api.ts'
import { cacheControlFor } from '../../web/etag.ts'
import { EXPORT_FILE_NAMES, EXPORT_MEDIA_TYPES, type ExportFormat } from './catalogue.export.ts'
import { exportFileResponse } from './export-files.serve.ts'
import { exportFilesOf } from './export-files.store.ts'
import { opendataMsg as m } from './messages.fa.ts'
import { catalogueState } from './opendata.queries.ts'

const tags = ['دادهٔ باز']

/**
 * An export, served from the file built for the catalogue's current state (see
 * export-files.store.ts): one small query per request, never a build per request.
 */
async function exportResponse(c: Context, deps: Deps, format: ExportFormat): Promise<Response> {
  const store = exportFilesOf(deps)
  const readAt = performance.now()
  const state = await catalogueState(deps.db)
  for (let attempt = 0; attempt < 2; attempt++) {
    const file = await store.file(format, state, readAt)
    const res = await exportFileResponse(c, file, {
      contentType: EXPORT_MEDIA_TYPES[format],
      fileName: EXPORT_FILE_NAMES[format],
      cacheControl: cacheControlFor(c),
      accelPrefix: deps.config.exportAccelPrefix,
    })
    if (res) return res
    store.forget(file) // removed by another process's clean-up: take the current one
  }
  throw new Error(`the ${format} export file keeps disappearing`)
}

const EXPORTS: {
  format: ExportFormat
  path: string
  summary: string
  media: string
  note?: string
}[] = [
  {
    format: 'json',
    path: '/export/catalogue.json',
    summary: m.apiJsonSummary,
    media: 'application/json',
    note: m.apiJsonReviewNote,
  },
  {
    format: 'csv',
    path: '/export/catalogue.csv',
    summary: m.apiCsvSummary,
    media: 'text/csv',
    note: m.apiCsvReviewNote,
  },
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
      description: e.note ? `${m.apiExportDescription} ${e.note}` : m.apiExportDescription,
      responses: {
        200: {
          description: m.apiExportOk,
          headers: {
            ETag: { schema: { type: 'string' } },
            'Last-Modified': { schema: { type: 'string' } },
            'Accept-Ranges': { schema: { type: 'string' } },
            'X-Total-Count': { schema: { type: 'integer' } },
          },
          content: {
            [e.media]: {
              schema: e.format === 'csv' ? z.string() : z.object({}).passthrough(),
            },
          },
        },
        206: { description: m.apiPartial },
        304: { description: m.apiNotModified },
        416: { description: m.apiRangeNotSatisfiable },
      },
    })
    api.get(e.path, (c) => exportResponse(c, deps, e.format))
  }
}
