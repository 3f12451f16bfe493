import type { Deps } from '../../deps.ts'
import { CPSV_CONTEXT, toCpsvAp } from '../catalogue/index.ts'
import { getFormFile } from '../forms/index.ts'
import { listOfficesForExport } from '../offices/index.ts'
import { loadPortalSettings } from '../settings/index.ts'
import {
  type CatalogueContext,
  catalogueAgencies,
  catalogueReviewPolicy,
  loadCatalogueContext,
  publishedRowBatches,
  toCatalogueService,
  toCpsvInput,
  toPublished,
} from './catalogue.build.ts'
import { CSV_BOM, CSV_COLUMNS, csvRow } from './catalogue.csv.ts'
import {
  CATALOGUE_FORMAT,
  CATALOGUE_VERSION,
  type CatalogueHeader,
  LICENCE,
} from './catalogue.format.ts'

/**
 * The three exports of the published catalogue, each an async sequence of text chunks (one per
 * service) written as the services are read (a batch at a time): the HTTP routes stream them, the CLI writes them
 * to a file or stdout. `onProgress` is told how many services have been written so far.
 */
export type ExportFormat = 'json' | 'csv' | 'jsonld'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'jsonld']

export interface ExportOptions {
  /** JSON only: embed the form files (sha256 → base64) so an import elsewhere has them. */
  embedFiles?: boolean
  onProgress?: (written: number) => void
  /** Services read (and written) per step; the background file build takes small steps. */
  batchSize?: number
}

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  jsonld: 'application/ld+json; charset=utf-8',
}

export const EXPORT_FILE_NAMES: Record<ExportFormat, string> = {
  json: 'mardom-catalogue.json',
  csv: 'mardom-catalogue.csv',
  jsonld: 'mardom-catalogue.jsonld',
}

export function exportChunks(
  deps: Deps,
  format: ExportFormat,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  if (format === 'csv') return csvChunks(deps, options)
  if (format === 'jsonld') return jsonLdChunks(deps, options)
  return jsonChunks(deps, options)
}

async function catalogueHeader(deps: Deps, ctx: CatalogueContext): Promise<CatalogueHeader> {
  const settings = await loadPortalSettings(deps.db)
  return {
    format: CATALOGUE_FORMAT,
    version: CATALOGUE_VERSION,
    exportedAt: deps.clock.now().toISOString(),
    publisher: { name: `پرتال مردم — ${settings.centralBodyName}`, url: deps.config.publicUrl },
    licence: { name: LICENCE.name, url: LICENCE.url },
    // The policy the services' due dates below were computed with.
    reviewPolicy: catalogueReviewPolicy(ctx.reviewPolicy),
  }
}

async function* jsonChunks(deps: Deps, options: ExportOptions): AsyncGenerator<string> {
  const ctx = await loadCatalogueContext(deps)
  const header = await catalogueHeader(deps, ctx)
  const head = JSON.stringify(header)
  yield `${head.slice(0, -1)},"services":[`
  let written = 0
  const files = new Set<string>()
  for await (const batch of publishedRowBatches(deps, options.batchSize)) {
    // One chunk per service, so a consumer may give the event loop back between services.
    for (const row of batch) {
      const s = toPublished(ctx, row)
      yield `${written === 0 ? '\n' : ',\n'}${JSON.stringify(toCatalogueService(ctx, s))}`
      for (const f of s.content.forms) files.add(f.sha256)
      written++
    }
    options.onProgress?.(written)
  }
  yield '\n]'
  if (options.embedFiles) {
    yield ',"files":{'
    let first = true
    for (const sha256 of [...files].sort()) {
      const file = await getFormFile(deps.db, sha256)
      if (!file) continue
      yield `${first ? '\n' : ',\n'}${JSON.stringify(sha256)}:"${Buffer.from(file.bytes).toString('base64')}"`
      first = false
    }
    yield '\n}'
  }
  // Every agency (public facts only: no credential dates), parents before children, so an
  // import into an empty database can create the agencies its services and offices belong to.
  yield `,"agencies":[${catalogueAgencies(ctx)
    .map((a) => `\n${JSON.stringify(a)}`)
    .join(',')}\n]`
  // Every office (the cards refer to them by id), with its agency's code for an import elsewhere.
  const offices = await listOfficesForExport(deps.db)
  yield `,"offices":[${offices
    .map(
      (o) =>
        `\n${JSON.stringify({ ...o, agencyCode: ctx.agencies.get(o.agencyId)?.code ?? null })}`,
    )
    .join(',')}\n]`
  yield '}\n'
}

async function* csvChunks(deps: Deps, options: ExportOptions): AsyncGenerator<string> {
  const ctx = await loadCatalogueContext(deps)
  yield CSV_BOM + csvRow(CSV_COLUMNS.map((c) => c.name))
  let written = 0
  for await (const batch of publishedRowBatches(deps, options.batchSize)) {
    for (const row of batch) {
      const s = toPublished(ctx, row)
      const record = toCatalogueService(ctx, s)
      yield csvRow(CSV_COLUMNS.map((c) => c.value(record, ctx)))
      written++
    }
    options.onProgress?.(written)
  }
}

/** The IRIs that belong to one service (its node and its version's parts): never shared. */
function ownedBy(serviceIri: string, id: string): boolean {
  return id === serviceIri || id.startsWith(`${serviceIri}/`)
}

/**
 * One JSON-LD document, one `@graph` for the whole catalogue: each service's CPSV-AP graph as
 * `toCpsvAp` builds it, with the nodes services share (agencies, laws, code lists, Iran, the
 * rial…) written once.
 */
async function* jsonLdChunks(deps: Deps, options: ExportOptions): AsyncGenerator<string> {
  const ctx: CatalogueContext = await loadCatalogueContext(deps)
  yield `{"@context":${JSON.stringify(CPSV_CONTEXT)},"@graph":[`
  const shared = new Set<string>()
  let written = 0
  let nodes = 0
  for await (const batch of publishedRowBatches(deps, options.batchSize)) {
    for (const row of batch) {
      const s = toPublished(ctx, row)
      let chunk = ''
      const doc = toCpsvAp(toCpsvInput(ctx, s))
      const own = doc['@graph'][0]?.['@id']
      for (const node of doc['@graph']) {
        const id = node['@id']
        if (typeof id === 'string' && typeof own === 'string' && !ownedBy(own, id)) {
          if (shared.has(id)) continue
          shared.add(id)
        }
        chunk += `${nodes === 0 ? '\n' : ',\n'}${JSON.stringify(node)}`
        nodes++
      }
      yield chunk
      written++
    }
    options.onProgress?.(written)
  }
  yield '\n]}\n'
}

/** Text chunks as a byte stream, pulled as the client reads (back-pressure), in ~64 KiB pieces. */
export function byteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let buffered = ''
      while (buffered.length < 65_536) {
        const next = await chunks.next()
        if (next.done) {
          if (buffered) controller.enqueue(encoder.encode(buffered))
          controller.close()
          return
        }
        buffered += next.value
      }
      controller.enqueue(encoder.encode(buffered))
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}
