import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { html } from 'hono/html'
import { HTTPException } from 'hono/http-exception'
import { isDatabaseUnavailable } from '../db/connection-errors.ts'
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from '../lib/errors.ts'
import type { AppEnv } from './env.ts'
import { page } from './page.ts'
import { problemResponse } from './problem.ts'
import { isApiPath } from './request-url.ts'

interface Mapped {
  status: 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503
  title: string
  detail: string
}

const GENERIC_500 = 'متأسفیم، مشکلی در سامانه پیش آمد. لطفاً چند دقیقهٔ دیگر دوباره تلاش کنید.'

/** A database restart or failover usually takes seconds: clients may try again this soon. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5

function mapError(error: unknown): Mapped {
  if (error instanceof NotFoundError)
    return { status: 404, title: 'پیدا نشد', detail: error.message }
  if (error instanceof UnauthenticatedError)
    return { status: 401, title: 'نیاز به ورود', detail: error.message }
  if (error instanceof ForbiddenError)
    return { status: 403, title: 'اجازهٔ دسترسی ندارید', detail: error.message }
  if (error instanceof ConflictError) return { status: 409, title: 'تعارض', detail: error.message }
  if (error instanceof ValidationError)
    return { status: 422, title: 'داده نامعتبر است', detail: error.message }
  if (error instanceof RateLimitedError)
    return { status: 429, title: 'تلاش‌های زیاد', detail: error.message }
  if (error instanceof HTTPException && error.status === 413) {
    return {
      status: 413,
      title: 'حجم درخواست زیاد است',
      detail: 'حجم درخواست بیش از اندازهٔ مجاز است.',
    }
  }
  if (error instanceof HTTPException && error.status < 500) {
    return { status: 422, title: 'درخواست نامعتبر است', detail: 'درخواست قابل خواندن نیست.' }
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      title: 'سامانه موقتاً در دسترس نیست',
      detail:
        'ارتباط با پایگاه دادهٔ سامانه برای چند لحظه قطع شده است. لطفاً چند ثانیهٔ دیگر دوباره تلاش کنید.',
    }
  }
  return { status: 500, title: 'خطای سامانه', detail: GENERIC_500 }
}

function errorPage(c: Context<AppEnv>, mapped: Mapped) {
  const content = html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
    <h1 class="mr-heading-l">${mapped.title}</h1>
    <p class="mr-body">${mapped.detail}</p>
    <p class="mr-body"><a class="mr-link" href="/">بازگشت به صفحهٔ اصلی</a></p>
  </div></div>`
  return page(c, { title: mapped.title, content }, mapped.status)
}

/** The only place that turns errors into HTTP responses. 5xx bodies never carry internals. */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  const mapped = mapError(error)
  if (mapped.status === 500) {
    c.get('log')?.error({ err: error }, 'unhandled error')
  }
  // Expected while PostgreSQL restarts: a warning, and the client is told when to come back.
  const retryAfter =
    mapped.status === 503
      ? UNAVAILABLE_RETRY_AFTER_SECONDS
      : error instanceof RateLimitedError
        ? error.retryAfterSeconds
        : undefined
  if (mapped.status === 503) c.get('log')?.warn({ err: error }, 'database unavailable')
  if (isApiPath(c.req.path)) {
    const headers: Record<string, string> = {}
    if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter)
    if (mapped.status === 401) headers['WWW-Authenticate'] = 'Bearer'
    return problemResponse(
      c,
      {
        type:
          error instanceof AppError
            ? `/problems/${error.code}`
            : mapped.status === 503
              ? '/problems/database-unavailable'
              : 'about:blank',
        title: mapped.title,
        status: mapped.status,
        detail: mapped.detail,
        ...(error instanceof ValidationError ? { errors: error.fieldErrors } : {}),
      },
      headers,
    )
  }
  if (error instanceof UnauthenticatedError && c.req.method === 'GET') {
    return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303)
  }
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter))
  return errorPage(c, mapped)
}

export const handleNotFound: NotFoundHandler<AppEnv> = (c) => {
  if (isApiPath(c.req.path)) {
    return problemResponse(c, {
      type: 'about:blank',
      title: 'پیدا نشد',
      status: 404,
      detail: 'این نشانی در API وجود ندارد.',
    })
  }
  return errorPage(c, {
    status: 404,
    title: 'صفحه پیدا نشد',
    detail: 'نشانی را درست وارد کرده‌اید؟ ممکن است این صفحه جابه‌جا یا حذف شده باشد.',
  })
}
