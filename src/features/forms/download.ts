import type { Context } from 'hono'
import { formatNumberFa } from '../../lib/fa/digits.ts'
import type { FormFile } from './form-file.model.ts'
import { formsMsg as m } from './messages.fa.ts'

/** RFC 5987 `attr-char`s stay as they are; every other UTF-8 byte is percent-encoded. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback name for old clients and the
 * real (possibly Persian) name as `filename*` (RFC 6266 §4.3, RFC 5987).
 */
export function contentDisposition(fileName: string, fallbackStem: string): string {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1] ?? ''
  const asciiStem = fileName
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const fallback = `${asciiStem || fallbackStem}${ext ? `.${ext}` : ''}`
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`
}

/** The ETag of a form file: its hash, quoted (the bytes behind a hash never change). */
export function formETag(sha256: string): string {
  return `"${sha256}"`
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag)
}

/**
 * Sends a form file for download: its media type, the download name, a strong ETag, and
 * long caching (the URL names the hash, so the content behind it cannot change). A
 * matching `If-None-Match` gets 304 without the bytes.
 */
export function sendFormFile(
  c: Context,
  file: FormFile,
  fileName: string,
  cache: 'public' | 'private',
): Response {
  const etag = formETag(file.sha256)
  // A response shared caches may keep for a year must not hand anyone a cookie (the CSRF
  // middleware sets one on a first visit); downloads need none.
  if (cache === 'public') c.header('Set-Cookie', undefined)
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control':
      // A draft's file is not public: no cache, the browser's included, may keep it.
      cache === 'public' ? 'public, max-age=31536000, immutable' : 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  }
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers)
  return c.body(file.bytes, 200, {
    ...headers,
    'Content-Type': file.mediaType,
    'Content-Length': String(file.sizeBytes),
    'Content-Disposition': contentDisposition(fileName, `form-${file.sha256.slice(0, 12)}`),
  })
}

/** A file size in Persian, e.g. «۴۸ کیلوبایت» or «۱٫۵ مگابایت». */
export function fileSizeFa(bytes: number): string {
  if (bytes < 1024) return `${formatNumberFa(bytes)} ${m.sizeUnits.bytes}`
  if (bytes < 1024 * 1024) return `${formatNumberFa(Math.round(bytes / 1024))} ${m.sizeUnits.kb}`
  const mb = Math.round((bytes / (1024 * 1024)) * 10) / 10
  return `${formatNumberFa(mb)} ${m.sizeUnits.mb}`
}
