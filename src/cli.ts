#!/usr/bin/env node
/**
 * The `mardom` command (see cli.commands.ts for the commands). This entry only does what makes
 * a start fast (issue 16 item 4), because both must happen before the portal's modules load:
 *
 * - Node's compile cache, kept with the other tool caches in node_modules/.cache: a start
 *   reads most of the ~600 modules' compiled code (and their stripped types) from it instead
 *   of compiling them again.
 * - For `serve`, the database is opened and migrated while those modules load: PGlite's
 *   WebAssembly compiles and its files are read while the main thread loads modules.
 */
import { enableCompileCache, flushCompileCache } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DbHandle } from './db/create-db.ts'

enableCompileCache(
  join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    'node_modules',
    '.cache',
    'mardom',
    'compile',
  ),
)
const argv = process.argv.slice(2)
let opening: Promise<DbHandle> | undefined
if (argv[0] === 'serve' && !argv.includes('--help') && !argv.includes('-h')) {
  const [{ loadConfig }, { openAndMigrate }] = await Promise.all([
    import('./config.ts'),
    import('./db/open-and-migrate.ts'),
  ])
  // Inside the promise: an invalid configuration, too, is reported by the command (which reads
  // it again and says what is wrong), not thrown here with a stack trace.
  opening = Promise.resolve().then(() => openAndMigrate(loadConfig()))
  // Its error, if any, is reported where `serve` awaits it, not as an unhandled rejection.
  opening.catch(() => {})
}
const { runCli } = await import('./cli.commands.ts')
// Written now, not only at exit: a server usually ends with a signal.
flushCompileCache()
runCli(argv, opening)
