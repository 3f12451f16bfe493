import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import type { AppEnv } from './env.ts'

/** Paths that carry a secret (a one-time rating link): logged with the secret cut out. */
const SECRET_IN_PATH = /^(\/rate\/)[^/]+/

export function loggedPath(path: string): string {
  return path.replace(SECRET_IN_PATH, '$1…')
}

/** Gives every request an id and a child logger, and logs one structured line when it ends. */
export function requestLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id')
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID()
    const child = log.child({ reqId: requestId })
    c.set('requestId', requestId)
    c.set('log', child)
    c.set('actor', null)
    c.set('sessionId', null)
    const started = performance.now()
    await next()
    c.header('X-Request-Id', requestId)
    child.info(
      {
        method: c.req.method,
        path: loggedPath(c.req.path),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        user: c.get('actor')?.username,
      },
      'request',
    )
  }
}
