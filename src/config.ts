import { resolve } from 'node:path'
import { z } from 'zod'

/**
 * The only reader of `process.env`. Every setting is listed here, parsed and
 * defaulted once; the README's configuration table mirrors this schema.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  PUBLIC_URL: z.string().url().optional(),
  LINK_CHECK_AT: z
    .string()
    .regex(/^(off|([01]?\d|2[0-3]):[0-5]\d)$/, 'HH:MM (Tehran time) or off')
    .optional(),
})

export interface Config {
  port: number
  host: string
  /** PostgreSQL server; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined
  dataDir: string
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
  env: 'development' | 'production' | 'test'
  sessionIdleMs: number
  sessionAbsoluteMs: number
  /** Trust X-Forwarded-Proto/For from a reverse proxy (nginx terminating TLS). */
  trustProxy: boolean
  signInMaxFailures: number
  signInLockMs: number
  shutdownTimeoutMs: number
  /** The portal's public address, used in links that leave the site (JSON-LD identifiers, exports). */
  publicUrl: string
  /** When the link-health job runs each day, `HH:MM` Tehran time, or `off` (default in tests). */
  linkCheckAt: string
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    env: e.NODE_ENV,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    trustProxy: e.TRUST_PROXY,
    signInMaxFailures: e.SIGN_IN_MAX_FAILURES,
    signInLockMs: e.SIGN_IN_LOCK_MINUTES * 60_000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    linkCheckAt: e.LINK_CHECK_AT ?? (e.NODE_ENV === 'test' ? 'off' : '03:00'),
  }
}
