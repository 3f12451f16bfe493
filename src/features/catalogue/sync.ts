import { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { changedServices } from './sync.queries.ts'

/**
 * Incremental sync: `GET /api/v1/services?updated_since=<instant>` answers with the services
 * whose public state changed after that instant (a version published, the service withdrawn
 * or restored): `items` are the ones public now, `withdrawn` the ones taken down. Pages follow
 * (change time, id) inside a window fixed by the first page, `(updated_since, until]`, so a
 * client that follows `next` sees every change in the window exactly once even while services
 * change (a later change moves a service out of the window, into the next sync). When `next`
 * is null, pass `until` as the next `updated_since`.
 *
 * `until` trails the server's clock by {@link SYNC_SETTLE_MS}, so a publication still being
 * committed when the page is read is not skipped: it falls into the next window.
 *
 * It lives beside the services list route that serves it (`GET /api/v1/services?updated_since=…`).
 */
export const SYNC_SETTLE_MS = 2_000

const INVALID_SINCE =
  'updated_since باید زمانی به قالب ISO 8601 با منطقهٔ زمانی باشد، مانند 2026-11-22T08:00:00Z.'
const INVALID_CURSOR = 'cursor نامعتبر است؛ همان پیوند next پاسخ قبلی را بفرستید.'

const cursorSchema = z.object({
  s: z.iso.datetime({ offset: true }),
  u: z.iso.datetime({ offset: true }),
  t: z.iso.datetime({ offset: true }),
  i: z.uuid(),
})
type Cursor = z.infer<typeof cursorSchema>

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url')
}

function decodeCursor(s: string): Cursor | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** The query parameters sync adds to `GET /services` (spread into its query schema). */
export const syncQueryFields = {
  updated_since: z.iso.datetime({ offset: true, error: INVALID_SINCE }).optional().openapi({
    description:
      'همگام‌سازی افزایشی: فقط خدماتی که وضعیت عمومی‌شان پس از این زمان تغییر کرده است (انتشار، برداشتن، بازگرداندن)، همراه با فهرست خدمات برداشته‌شده. در پایان، until پاسخ را برای درخواست بعدی بفرستید.',
    example: '2026-11-22T08:00:00Z',
  }),
  cursor: z
    .string()
    .max(400)
    .refine((s) => decodeCursor(s) !== undefined, INVALID_CURSOR)
    .optional()
    .openapi({ description: 'برای صفحهٔ بعدی همگام‌سازی؛ از پیوند next بردارید' }),
}

export const syncItemJson = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    audiences: z.array(z.string()),
    agency: z.object({ code: z.string(), nameFa: z.string() }),
    versionNo: z.number().int(),
    publishedAt: z.string().openapi({ format: 'date-time' }),
    publicChangedAt: z.string().openapi({ format: 'date-time' }),
    url: z.string().openapi({ format: 'uri' }),
  })
  .openapi('SyncItem')

export const changesPageJson = z
  .object({
    items: z.array(syncItemJson).openapi({ description: 'خدمات منتشرشده‌ای که تغییر کرده‌اند' }),
    withdrawn: z
      .array(
        z.object({
          id: z.uuid(),
          slug: z.string(),
          withdrawnAt: z.string().openapi({ format: 'date-time' }),
        }),
      )
      .openapi({ description: 'خدماتی که در این بازه از فهرست عمومی برداشته شده‌اند' }),
    until: z.string().openapi({
      format: 'date-time',
      description: 'پایان بازه؛ وقتی next تهی است، آن را updated_since درخواست بعدی کنید',
    }),
    next: z
      .string()
      .nullable()
      .openapi({ format: 'uri', description: 'پیوند صفحهٔ بعدی همین بازه، یا null' }),
  })
  .openapi('ServiceChanges')
export type ChangesPage = z.infer<typeof changesPageJson>

export async function changesPage(
  deps: Deps,
  q: { updated_since: string; cursor?: string | undefined; pageSize: number },
): Promise<ChangesPage> {
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined
  const since = new Date(cursor?.s ?? q.updated_since)
  const settled = new Date(deps.clock.now().getTime() - SYNC_SETTLE_MS)
  const until = cursor ? new Date(cursor.u) : settled > since ? settled : since
  const rows = await changedServices(
    deps.db,
    { since, until },
    cursor ? { at: new Date(cursor.t), id: cursor.i } : null,
    q.pageSize,
  )
  const base = deps.config.publicUrl
  const items: ChangesPage['items'] = []
  const withdrawn: ChangesPage['withdrawn'] = []
  for (const r of rows) {
    if (r.withdrawnAt) {
      withdrawn.push({ id: r.id, slug: r.slug, withdrawnAt: r.withdrawnAt.toISOString() })
    } else if (r.versionNo !== null && r.title !== null) {
      items.push({
        id: r.id,
        slug: r.slug,
        title: r.title,
        summary: r.summary ?? '',
        audiences: r.audiences ?? [],
        agency: { code: r.agencyCode, nameFa: r.agencyNameFa },
        versionNo: r.versionNo,
        publishedAt: (r.publishedAt ?? r.publicChangedAt).toISOString(),
        publicChangedAt: r.publicChangedAt.toISOString(),
        url: `${base}/services/${encodeURIComponent(r.slug)}`,
      })
    }
    // A service restored without ever having been published has no public state: skipped.
  }
  const last = rows[rows.length - 1]
  let next: string | null = null
  if (last && rows.length === q.pageSize) {
    const url = new URL(`${base}/api/v1/services`)
    url.searchParams.set('updated_since', since.toISOString())
    url.searchParams.set('pageSize', String(q.pageSize))
    url.searchParams.set(
      'cursor',
      encodeCursor({
        s: since.toISOString(),
        u: until.toISOString(),
        t: last.publicChangedAt.toISOString(),
        i: last.id,
      }),
    )
    next = url.toString()
  }
  return { items, withdrawn, until: until.toISOString(), next }
}
