import type { Logger } from 'pino'
import type { Actor } from '../lib/actor.ts'

/** What middleware puts on the Hono context for routes to read. */
export interface AppEnv {
  Variables: {
    actor: Actor | null
    /** Session id hash, when the actor came from a cookie session. */
    sessionId: string | null
    csrfToken: string
    requestId: string
    log: Logger
    /** The signed-in user's unread notifications (features/notifications), shown in the header. */
    unreadCount?: number
    /** The central body's name from the settings (features/settings), shown in the footer. */
    centralBodyName?: string
  }
}
