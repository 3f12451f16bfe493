import { type FileHandle, open, stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { Context } from 'hono'
import { etagMatches } from '../../web/etag.ts'
import type { ExportFile } from './export-files.store.ts'

/**
 * Serves an export file as a static file: a strong ETag (its content's hash), Last-Modified
 * (the latest change to what it shows), 304 for a matching If-None-Match or a fresh
 * If-Modified-Since, and one byte range (`Range: bytes=…`, honoured only while `If-Range`
 * still matches) so an interrupted download resumes. Several ranges in one request are
 * answered with the whole file, as RFC 9110 allows. The file is opened before the answer
 * starts: a newer build that replaces it (rename) does not disturb a download under way.
 *
 * Behind nginx with `EXPORT_ACCEL_PREFIX` set, the app answers the same headers with an empty
 * body and `X-Accel-Redirect`, and nginx sends the bytes from the disk (its `internal` location
 * for DATA_DIR/exports/, deploy/nginx/mardom.conf), byte ranges included; the conditional
 * requests (304) are still answered here.
 */
const READ_CHUNK = 64 * 1024

export interface FileHeaders {
  contentType: string
  fileName: string
  cacheControl: string
  /** `config.exportAccelPrefix`: set, nginx sends the bytes (X-Accel-Redirect). */
  accelPrefix?: string | undefined
}

type ByteRange = { start: number; end: number } | 'unsatisfiable' | null

/** The one range of a `Range` header, null when absent, unparsable or more than one. */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return null
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/.exec(header.trim())
  if (!m) return null
  const [, from = '', to = ''] = m
  if (from === '' && to === '') return null
  if (from === '') {
    const suffix = Number(to)
    if (suffix === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(from)
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1)
  if (to !== '' && Number(to) < start) return null
  if (start >= size) return 'unsatisfiable'
  return { start, end }
}

function lastModifiedOf(file: ExportFile): Date {
  return file.state.lastChange ?? file.mtime
}

function notModifiedSince(c: Context, lastModified: Date): boolean {
  const since = c.req.header('if-modified-since')
  if (!since || c.req.header('if-none-match')) return false
  const t = Date.parse(since)
  return !Number.isNaN(t) && Math.floor(lastModified.getTime() / 1000) * 1000 <= t
}

/** Whether `If-Range` (absent, a strong ETag or a date) still names this file. */
function ifRangeHolds(c: Context, file: ExportFile, lastModified: Date): boolean {
  const ifRange = c.req.header('if-range')?.trim()
  if (!ifRange) return true
  if (ifRange.startsWith('"')) return ifRange === file.etag
  if (ifRange.startsWith('W/')) return false
  const t = Date.parse(ifRange)
  return !Number.isNaN(t) && t === Math.floor(lastModified.getTime() / 1000) * 1000
}

function fileStream(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start
  const finish = async (controller: ReadableStreamDefaultController<Uint8Array>) => {
    await handle.close()
    controller.close()
  }
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const want = Math.min(READ_CHUNK, end + 1 - position)
      if (want <= 0) return finish(controller)
      const buffer = new Uint8Array(want)
      try {
        const { bytesRead } = await handle.read(buffer, 0, want, position)
        if (bytesRead === 0) return finish(controller)
        position += bytesRead
        controller.enqueue(buffer.subarray(0, bytesRead))
      } catch (error) {
        await handle.close().catch(() => {})
        controller.error(error)
      }
    },
    async cancel() {
      await handle.close()
    },
  })
}

/** The path nginx serves `file` at: `<prefix><installation id>/<file name>`. */
export function accelPath(prefix: string, file: Pick<ExportFile, 'path'>): string {
  return `${prefix}${basename(dirname(file.path))}/${basename(file.path)}`
}

/**
 * The headers and an empty body; nginx replaces the body with the file at X-Accel-Redirect
 * and answers Range and If-Range itself. The file is looked at first, so one removed meanwhile
 * is answered as in the app's own serving (undefined: the caller takes the current one) rather
 * than by nginx's 404.
 */
async function accelResponse(
  file: ExportFile,
  headers: Record<string, string>,
  prefix: string,
): Promise<Response | undefined> {
  try {
    await stat(file.path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  headers['X-Accel-Redirect'] = accelPath(prefix, file)
  // nginx passes this one on and adds its own for the file: said once, by nginx.
  delete headers['Accept-Ranges']
  return new Response(null, { status: 200, headers })
}

/**
 * The response for `file`, or undefined when the file has gone from the disk meanwhile
 * (the caller forgets it and asks for the current one).
 */
export async function exportFileResponse(
  c: Context,
  file: ExportFile,
  h: FileHeaders,
): Promise<Response | undefined> {
  const lastModified = lastModifiedOf(file)
  const headers: Record<string, string> = {
    ETag: file.etag,
    'Last-Modified': lastModified.toUTCString(),
    'Cache-Control': h.cacheControl,
    'X-Total-Count': String(file.state.count),
    'Accept-Ranges': 'bytes',
  }
  if (etagMatches(c.req.header('if-none-match'), file.etag) || notModifiedSince(c, lastModified))
    return new Response(null, { status: 304, headers })
  headers['Content-Type'] = h.contentType
  headers['Content-Disposition'] = `attachment; filename="${h.fileName}"`
  if (h.accelPrefix) return accelResponse(file, headers, h.accelPrefix)
  const range = ifRangeHolds(c, file, lastModified)
    ? parseRange(c.req.header('range'), file.size)
    : null
  if (range === 'unsatisfiable') {
    headers['Content-Range'] = `bytes */${file.size}`
    return new Response(null, { status: 416, headers })
  }
  const start = range?.start ?? 0
  const end = range?.end ?? file.size - 1
  headers['Content-Length'] = String(Math.max(0, end + 1 - start))
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`
  const status = range ? 206 : 200
  if (c.req.method === 'HEAD') return new Response(null, { status, headers })
  let handle: FileHandle
  try {
    handle = await open(file.path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return new Response(fileStream(handle, start, end), { status, headers })
}
