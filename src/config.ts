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
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SIGN_IN_MAX_DELAY_MINUTES: z.coerce.number().int().positive().default(15),
  API_TOKEN_DAYS: z.coerce.number().int().min(1).max(366).default(90),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  PUBLIC_URL: z.string().url().optional(),
  LINK_CHECK_AT: z
    .string()
    .regex(/^(off|([01]?\d|2[0-3]):[0-5]\d)$/, 'HH:MM (Tehran time) or off')
    .optional(),
  REVIEW_REMINDERS_AT: z
    .string()
    .regex(/^(off|([01]?\d|2[0-3]):[0-5]\d)$/, 'HH:MM (Tehran time) or off')
    .optional(),
  LINK_CHECK_MODE: z.enum(['online', 'offline']).default('online'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'smtp://… or smtps://…')
    .optional(),
  MAIL_FROM: z.string().min(3).max(320).optional(),
  MAIL_SEND_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
  INDICATORS_AT: z
    .string()
    .regex(/^(off|([01]?\d|2[0-3]):[0-5]\d)$/, 'HH:MM (Tehran time) or off')
    .optional(),
  FEEDBACK_UPKEEP_MINUTES: z.coerce.number().int().min(0).max(1_440).optional(),
  CONTACT_EMAIL: z.string().email().max(320).optional(),
  // Empty is unset: docker-compose.yml passes an empty value to turn it off.
  EXPORT_ACCEL_PREFIX: z
    .string()
    .regex(/^(\/[A-Za-z0-9._~/-]*\/)?$/, 'an internal nginx location, /…/, or empty')
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
  /** How many proxies append to X-Forwarded-For in front of us: the client is that many from the right. */
  trustProxyHops: number
  /** Failed sign-ins for one username from one address before each further try must wait. */
  signInMaxFailures: number
  /** The longest such wait (the waits double from one second up to this). */
  signInMaxDelayMs: number
  /** How long a new or renewed API token lasts. */
  apiTokenLifetimeMs: number
  shutdownTimeoutMs: number
  /** The portal's public address, used in links that leave the site (JSON-LD identifiers, exports). */
  publicUrl: string
  /** When the link-health job runs each day, `HH:MM` Tehran time, or `off` (default in tests). */
  linkCheckAt: string
  /** When the daily review follow-up runs (reminders, escalation), `HH:MM` Tehran time, or `off`. */
  reviewRemindersAt: string
  /**
   * `offline`: the link-health job requests no link and looks up no name, recording «بررسی نشد
   * (حالت آفلاین)» instead (form files are still checked). A demo installation is offline
   * whatever this says (it records so in the database).
   */
  linkCheckMode: 'online' | 'offline'
  /** The SMTP server mail is sent through; without it mail is kept in the outbox. */
  smtpUrl: string | undefined
  /** The From of every mail (`"پرتال مردم" <no-reply@…>`); required with `smtpUrl`. */
  mailFrom: string | undefined
  /** How often the mail sender runs (digests, sending, retries); 0 = off (default in tests). */
  mailSendIntervalMs: number
  /** Daily time (Tehran) of the general indicators' computation, or `off`. */
  indicatorsAt: string
  /** How often the feedback upkeep runs (rollups, fixed reports, old hashes); 0 = off (tests). */
  feedbackUpkeepMs: number
  /** The operator's public address for questions about the portal itself (/contact). */
  contactEmail: string | undefined
  /**
   * nginx's internal location for `DATA_DIR/exports/` (deploy/nginx/mardom.conf): set, an
   * open-data export is answered with its headers and `X-Accel-Redirect: <prefix><installation
   * id>/<file>`, and nginx sends the bytes (and byte ranges); unset, the app sends them.
   */
  exportAccelPrefix: string | undefined
  /**
   * Not a setting: whether this process builds the open-data export files. Always, except in
   * the workers of `serve --workers N` other than worker 1 (cluster.ts configForSlot), which
   * share DATA_DIR and serve what worker 1 builds.
   */
  exportFilesBuilder: boolean
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  if (e.SMTP_URL && !e.MAIL_FROM)
    throw new Error('Invalid configuration:\n  MAIL_FROM: required when SMTP_URL is set')
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
    trustProxyHops: e.TRUST_PROXY_HOPS,
    signInMaxFailures: e.SIGN_IN_MAX_FAILURES,
    signInMaxDelayMs: e.SIGN_IN_MAX_DELAY_MINUTES * 60_000,
    apiTokenLifetimeMs: e.API_TOKEN_DAYS * 86_400_000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    linkCheckAt: e.LINK_CHECK_AT ?? (e.NODE_ENV === 'test' ? 'off' : '03:00'),
    reviewRemindersAt: e.REVIEW_REMINDERS_AT ?? (e.NODE_ENV === 'test' ? 'off' : '06:30'),
    linkCheckMode: e.LINK_CHECK_MODE,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailSendIntervalMs: (e.MAIL_SEND_INTERVAL_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 30)) * 1000,
    indicatorsAt: e.INDICATORS_AT ?? (e.NODE_ENV === 'test' ? 'off' : '05:00'),
    feedbackUpkeepMs: (e.FEEDBACK_UPKEEP_MINUTES ?? (e.NODE_ENV === 'test' ? 0 : 10)) * 60_000,
    contactEmail: e.CONTACT_EMAIL,
    exportAccelPrefix: e.EXPORT_ACCEL_PREFIX || undefined,
    exportFilesBuilder: true,
  }
}
