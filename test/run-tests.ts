/**
 * The test runner behind `npm test` (after typecheck and lint).
 *
 * 1. Builds the migrated PGlite template once, so that the test files running in
 *    parallel do not all race to run initdb + migrations (skipped on PostgreSQL).
 * 2. Runs `node --test` over every `*.test.ts` file, forwarding its output and exit code.
 *
 * Browser tests need Debian's Chromium at /usr/bin/chromium. Without it they are
 * skipped (with a reason in the output) on a developer machine, and fail under CI.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_PATH, chromiumMissingMessage } from './e2e/support/chromium.ts'
import { ensurePgliteTemplate, testDatabaseUrl } from './support/test-db.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Files run in parallel, each in its own process. Measured on the 2-core machine (whole
 * suite incl. browser tests, PGlite): quiet machine 2 → 17.5–17.7 s, 3 → 17.5–17.9 s; with
 * other work on the machine 2 stayed ahead (later suite: mean 50 s vs 54 s). More files in
 * flight only add contention for the two cores, so 2.
 */
const CONCURRENCY = 2

/**
 * The browser tests first: they are the longest files (public pages ≈ 10–15 s), and starting
 * them last left one core idle at the end (measured 43–46 s this way vs 51–62 s the other).
 */
const PATTERNS = ['test/**/*.test.ts', 'src/**/*.test.ts']

function banner(lines: string[]): void {
  const bar = '!'.repeat(78)
  console.error(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n`)
}

async function main(): Promise<number> {
  const started = performance.now()
  if (testDatabaseUrl) {
    console.log(`Database: PostgreSQL (TEST_DATABASE_URL=${redact(testDatabaseUrl)})`)
  } else {
    await ensurePgliteTemplate()
    console.log(
      `Database: PGlite (template ready in ${Math.round(performance.now() - started)} ms)`,
    )
  }

  if (!existsSync(CHROMIUM_PATH)) {
    banner(
      process.env.CI
        ? [`CI is set: the browser tests will FAIL.`, ...chromiumMissingMessage()]
        : [`The browser tests (test/e2e) will be SKIPPED.`, ...chromiumMissingMessage()],
    )
  }

  // Extra arguments pass through: flags (e.g. --test-name-pattern=…) are added, and
  // files or globs replace the default patterns (`node test/run-tests.ts test/e2e/*.test.ts`).
  const extra = process.argv.slice(2)
  const flags = extra.filter((a) => a.startsWith('-'))
  const files = extra.filter((a) => !a.startsWith('-'))
  const args = [
    '--test',
    `--test-concurrency=${CONCURRENCY}`,
    '--test-reporter=spec',
    ...flags,
    ...(files.length > 0 ? files : PATTERNS),
  ]
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' })
  const forward = (signal: NodeJS.Signals) => child.kill(signal)
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  return new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(unparsable URL)'
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
