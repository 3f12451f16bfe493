import { toPersianDigits } from '../../lib/fa/digits.ts'
import {
  type HopAnswer,
  PUBLIC_WEB,
  type ReachPolicy,
  RefusedTarget,
  requestOnce,
} from '../../lib/net/guarded-request.ts'

/**
 * Checking that a link works, the way a browser would reach it: HEAD first (falling back to GET
 * when the server refuses HEAD with 405 or 501), following up to `maxRedirects` redirects by
 * hand, with our own User-Agent. A link is working when the final answer is 2xx.
 *
 * The links were typed by agency staff, so the checker must not become a way into the portal's
 * own network (issue 11 item 2): every hop goes through `requestOnce`, which refuses non-public
 * URLs and addresses (after resolving names, and pinning the connection to the checked
 * addresses), reads only the response head (at most `maxHeaderBytes`) and never the body. The
 * whole check, redirects included, has one deadline (`timeoutMs`). The Persian `error` is the
 * detail, kept for logs and central staff; agencies see only «در دسترس نیست»
 * (link-health.present.ts), so the results cannot map an internal network.
 */

export interface UrlCheckResult {
  ok: boolean
  /** The last HTTP status received, if any. */
  httpStatus: number | null
  /** Why the link is broken, in Persian (detail for staff and logs); null when it works. */
  error: string | null
  /** Whether the link was not requested at all because it is not a public address. */
  refused: boolean
}

export interface UrlCheckOptions {
  /** The deadline for the whole check, every redirect and lookup included. */
  timeoutMs: number
  userAgent: string
  maxRedirects: number
  /** The most bytes of response head (status line and headers) read from one answer. */
  maxHeaderBytes: number
  /** Who may be reached; `PUBLIC_WEB` (public addresses on default ports) unless a test says. */
  policy: ReachPolicy
  /** Told about every answer received (for logs and tests). */
  onHop?: (url: string, answer: HopAnswer) => void
}

export const DEFAULT_URL_CHECK: UrlCheckOptions = {
  timeoutMs: 15_000,
  userAgent: 'MardomLinkChecker/1.0 (+https://mardom.gov.ir/help/e-service-maturity)',
  maxRedirects: 5,
  maxHeaderBytes: 16 * 1024,
  policy: PUBLIC_WEB,
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
}

const REFUSAL_FA: Record<RefusedTarget['reason'], string> = {
  invalid: 'نشانی معتبر نیست',
  scheme: 'نشانی به پروتکلی جز http یا https می‌رسد',
  credentials: 'نشانی نام کاربری یا گذرواژه دارد',
  port: 'نشانی درگاه (پورت) غیرپیش‌فرض دارد',
  local_name: 'نام میزبان درونی یا رزروشده است',
  non_public_address: 'نشانی IP عمومی نیست',
  resolves_non_public: 'نام میزبان به نشانی IP غیرعمومی می‌رسد',
  no_address: 'نام میزبان نشانی IP ندارد',
}

function broken(httpStatus: number | null, error: string, refused = false): UrlCheckResult {
  return { ok: false, httpStatus, error, refused }
}

export async function checkUrl(
  url: string,
  options: UrlCheckOptions = DEFAULT_URL_CHECK,
): Promise<UrlCheckResult> {
  let current: URL
  try {
    current = new URL(url)
  } catch {
    return broken(null, 'نشانی معتبر نیست.')
  }
  const signal = AbortSignal.timeout(options.timeoutMs)
  const hop = (method: 'HEAD' | 'GET') =>
    requestOnce(current, {
      method,
      userAgent: options.userAgent,
      signal,
      maxHeaderBytes: options.maxHeaderBytes,
      policy: options.policy,
    }).then((answer) => {
      options.onHop?.(current.href, answer)
      return answer
    })
  let last: number | null = null
  for (let redirects = 0; ; redirects++) {
    let answer: HopAnswer
    try {
      answer = await hop('HEAD')
      if (answer.status === 405 || answer.status === 501) answer = await hop('GET')
    } catch (error) {
      if (error instanceof RefusedTarget)
        return broken(last, `بررسی نشد: ${REFUSAL_FA[error.reason]} (${error.detail}).`, true)
      if (isTimeout(error) || signal.aborted)
        return broken(
          last,
          `پاسخی در ${toPersianDigits(Math.round(options.timeoutMs / 1000))} ثانیه نیامد.`,
        )
      const code = error instanceof Error && 'code' in error ? String(error.code) : ''
      const cause =
        error instanceof Error && error.cause instanceof Error ? error.cause.message : ''
      const why = code || cause
      return broken(last, `خطای شبکه${why ? `: ${why}` : '.'}`)
    }
    last = answer.status
    if (REDIRECTS.has(answer.status)) {
      if (!answer.location) return broken(last, 'تغییر مسیر بدون نشانی مقصد.')
      if (redirects >= options.maxRedirects)
        return broken(last, `بیش از ${toPersianDigits(options.maxRedirects)} بار تغییر مسیر.`)
      try {
        current = new URL(answer.location, current)
      } catch {
        return broken(last, 'تغییر مسیر به نشانی نامعتبر.')
      }
      continue
    }
    if (answer.status >= 200 && answer.status < 300)
      return { ok: true, httpStatus: last, error: null, refused: false }
    return broken(last, `پاسخ HTTP ${toPersianDigits(answer.status)}.`)
  }
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the results in order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  // One iterator shared by the workers: each takes the next item when it is free.
  const queue = items.entries()
  const worker = async () => {
    for (const [i, item] of queue) results[i] = await work(item)
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}
