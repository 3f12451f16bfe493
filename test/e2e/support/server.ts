import { loadConfig } from '../../../src/config.ts'
import type { Deps } from '../../../src/deps.ts'
import { type DemoAccount, loadDemoData } from '../../../src/features/demo/demo.load.ts'
import { startServer } from '../../../src/main.ts'
import { createTestDb } from '../../support/test-db.ts'

export interface E2eServer {
  /** e.g. `http://127.0.0.1:41234` */
  baseUrl: string
  deps: Deps
  /** The demo accounts with their one-time passwords. */
  accounts: DemoAccount[]
  /** The demo account with the given username; throws when there is none. */
  account(username: string): DemoAccount
  stop(): Promise<void>
}

/**
 * The real server (the same composition root as `mardom serve`) on a free port, over a
 * test database of its own (PGlite, or PostgreSQL when TEST_DATABASE_URL is set),
 * with the demo data loaded.
 */
export async function startE2eServer(): Promise<E2eServer> {
  const testDb = await createTestDb()
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' })
  let accounts: DemoAccount[] = []
  // stop() closes the handle: make that drop the test database too.
  const handle = { ...testDb, close: () => testDb.cleanup() }
  let server: Awaited<ReturnType<typeof startServer>>
  try {
    server = await startServer(config, handle, async (deps) => {
      accounts = await loadDemoData(deps)
    })
  } catch (error) {
    await testDb.cleanup()
    throw error
  }
  return {
    baseUrl: server.url,
    deps: server.deps,
    accounts,
    account(username) {
      const found = accounts.find((a) => a.username === username)
      if (!found) throw new Error(`No demo account ${username}`)
      return found
    },
    stop: () => server.stop(),
  }
}
