/**
 * Tells "the database is away" (a restart, a failover, a refused or timed-out connection)
 * from every other error, so that the web layer answers 503 with Retry-After instead of 500.
 */

/** Socket errors from Node when the server cannot be reached or drops the connection. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
])

/**
 * SQLSTATEs meaning the server is going or not yet there: 57P01 admin_shutdown (a restart's
 * "terminating connection due to administrator command"), 57P02 crash_shutdown, 57P03
 * cannot_connect_now (starting up or shutting down), 53300 too_many_connections. Class 08
 * (connection exceptions) is matched by prefix below.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300'])

/** node-postgres and pg-pool raise these without a code. */
const MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
]

function codeOf(error: object): string | undefined {
  return 'code' in error && typeof error.code === 'string' ? error.code : undefined
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false
  const code = codeOf(error)
  if (code && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
    return true
  if (error instanceof Error && MESSAGES.some((m) => m.test(error.message))) return true
  // Node reports a refused dual-stack connect as an AggregateError of one error per address.
  if (
    error instanceof AggregateError &&
    error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))
  )
    return true
  return error instanceof Error && isDatabaseUnavailable(error.cause, depth + 1)
}
