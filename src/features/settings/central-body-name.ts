import type { MiddlewareHandler } from 'hono'
import type { Deps } from '../../deps.ts'
import { LAYOUT_CACHE_TAG } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { DEFAULT_CENTRAL_BODY_NAME, SETTING_KEYS, storedCentralBodyName } from './settings.model.ts'
import { readSettings } from './settings.queries.ts'

/**
 * The central body's name is in every page's footer, so it is read once and kept in memory,
 * not read per request. It is kept in the page cache itself, under a key no request path can
 * have (paths start with «/») and under `LAYOUT_CACHE_TAG`, the tag every cached page carries:
 * renaming the body marks that tag (settings.actions.ts), which drops the name and every
 * cached page together, here directly and in other processes through the cache channel's
 * NOTIFY; a lost listener connection clears the whole cache, name included. The entry also
 * expires after `NAME_TTL_MS`, which bounds the one race left: a read that began before a
 * rename and stores the old name after the rename dropped it.
 */
const NAME_KEY = 'setting:central-body-name'
export const NAME_TTL_MS = 10 * 60 * 1000

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** The central body's name from memory, read from the database when not held. */
export async function centralBodyName(
  deps: Pick<Deps, 'db' | 'pageCache' | 'clock'>,
): Promise<string> {
  const now = deps.clock.now().getTime()
  const held = deps.pageCache.get(NAME_KEY, now)
  if (held) return decoder.decode(held.body)
  const stored = await readSettings(deps.db, [SETTING_KEYS.centralBodyName])
  const parsed = storedCentralBodyName.safeParse(stored.get(SETTING_KEYS.centralBodyName))
  const name = parsed.success ? parsed.data : DEFAULT_CENTRAL_BODY_NAME
  deps.pageCache.set(
    NAME_KEY,
    { body: encoder.encode(name), etag: '', expiresAt: now + NAME_TTL_MS },
    [LAYOUT_CACHE_TAG],
  )
  return name
}

/** Puts the name on the context for the layout's footer and the pages that name the body. */
export function loadCentralBodyName(
  deps: Pick<Deps, 'db' | 'pageCache' | 'clock'>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('centralBodyName', await centralBodyName(deps))
    return next()
  }
}
