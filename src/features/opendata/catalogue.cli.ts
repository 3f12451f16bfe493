import { once } from 'node:events'
import { createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs'
import type { Writable } from 'node:stream'
import type { Deps } from '../../deps.ts'
import { EXPORT_FORMATS, type ExportFormat, exportChunks } from './catalogue.export.ts'
import {
  emptyReport,
  type ImportReport,
  importCatalogue,
  parseCatalogueText,
} from './catalogue.import.ts'
import { catalogueState } from './opendata.queries.ts'

/**
 * The `mardom export` and `mardom import` commands (wired in `src/cli.commands.ts`). Progress goes to
 * stderr: a redrawn bar when stderr is a terminal, otherwise a plain line every tenth of the
 * way, so logs of scheduled runs stay readable. Data goes to stdout or the `--out` file (written
 * beside it and renamed at the end, so a failed export never leaves half a file in its place).
 */
export interface ProgressSink {
  isTTY: boolean
  write(s: string): void
}

export function progressReporter(sink: ProgressSink, label: string, total: number) {
  let lastTenth = -1
  const width = 30
  return {
    update(done: number) {
      const ratio = total > 0 ? Math.min(1, done / total) : 1
      if (sink.isTTY) {
        const filled = Math.round(ratio * width)
        sink.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(ratio * 100)
            .toString()
            .padStart(3)}% ${done}/${total}`,
        )
        return
      }
      const tenth = Math.floor(ratio * 10)
      if (tenth > lastTenth) {
        lastTenth = tenth
        sink.write(`${label}: ${done}/${total} (${tenth * 10}%)\n`)
      }
    },
    finish(done: number) {
      if (sink.isTTY) {
        this.update(done)
        sink.write('\n')
      } else if (lastTenth < 10) sink.write(`${label}: ${done}/${total} (100%)\n`)
    },
  }
}

export function parseExportFormat(value: string | undefined): ExportFormat | undefined {
  const v = value ?? 'json'
  return EXPORT_FORMATS.find((f) => f === v)
}

async function writeAll(out: Writable, chunks: AsyncGenerator<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, 'drain')
  }
}

export async function runExport(
  deps: Deps,
  options: {
    format: ExportFormat
    out: string | undefined
    embedFiles: boolean
    stdout: Writable
    stderr: ProgressSink
  },
): Promise<number> {
  const { count } = await catalogueState(deps.db)
  const progress = progressReporter(options.stderr, `export ${options.format}`, count)
  let written = 0
  const chunks = exportChunks(deps, options.format, {
    embedFiles: options.format === 'json' && options.embedFiles,
    onProgress: (n) => {
      written = n
      progress.update(n)
    },
  })
  if (!options.out) {
    await writeAll(options.stdout, chunks)
    progress.finish(written)
    return written
  }
  const partial = `${options.out}.partial`
  const file = createWriteStream(partial)
  try {
    await writeAll(file, chunks)
    file.end()
    await once(file, 'finish')
    renameSync(partial, options.out)
  } catch (error) {
    file.destroy()
    rmSync(partial, { force: true })
    throw error
  }
  progress.finish(written)
  return written
}

export function importReportText(report: ImportReport): string {
  const lines: string[] = []
  for (const e of report.fileErrors) lines.push(`file: ${e}`)
  for (const f of report.agencies.failures) {
    lines.push(`agency ${f.index} (${f.code ?? 'no code'}): failed`)
    for (const e of f.errors) lines.push(`  - ${e}`)
  }
  const a = report.agencies
  if (a.created + a.unchanged + a.failed > 0)
    lines.push(`agencies: created ${a.created}, unchanged ${a.unchanged}, failed ${a.failed}`)
  for (const f of report.offices.failures) {
    lines.push(`office ${f.index} (${f.id ?? 'no id'}): failed`)
    for (const e of f.errors) lines.push(`  - ${e}`)
  }
  const o = report.offices
  if (o.created + o.updated + o.unchanged + o.failed > 0)
    lines.push(
      `offices: created ${o.created}, updated ${o.updated}, unchanged ${o.unchanged}, failed ${o.failed}`,
    )
  for (const r of report.records) {
    if (r.outcome !== 'failed') continue
    lines.push(`record ${r.index} (${r.slug ?? r.id ?? 'no slug'}): failed`)
    for (const e of r.errors) lines.push(`  - ${e}`)
  }
  lines.push(
    `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, failed ${report.failed}`,
  )
  return `${lines.join('\n')}\n`
}

/** Imports a catalogue file; the exit code is 1 when the file or any record failed. */
export async function runImport(
  deps: Deps,
  path: string,
  stderr: ProgressSink,
): Promise<{ code: number; report: ImportReport }> {
  const parsed = parseCatalogueText(readFileSync(path, 'utf8'))
  if (!parsed.ok) {
    return { code: 1, report: emptyReport(parsed.errors) }
  }
  const progress = progressReporter(stderr, 'import', parsed.envelope.services.length)
  const report = await importCatalogue(deps, parsed.envelope, {
    onProgress: (done) => progress.update(done),
  })
  progress.finish(report.records.length)
  return {
    code: report.failed + report.offices.failed + report.agencies.failed > 0 ? 1 : 0,
    report,
  }
}
