import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { configForSlot, isClusterWorker, runPrimary, tagResponses, workerCount } from './cluster.ts'
import { type Config, loadConfig } from './config.ts'
import { type DbHandle, openPglite } from './db/create-db.ts'
import { migrateToLatest } from './db/migrate.ts'
import type { Deps } from './deps.ts'
import { createApiToken, createCentralUser, findUserByUsername } from './features/accounts/index.ts'
import { restoreReportText, runBackup, runRestore } from './features/backup/index.ts'
import {
  type DemoAccount,
  type DemoBase,
  hasAgencies,
  loadDemoBase,
  loadDemoData,
  loadDemoStories,
} from './features/demo/demo.load.ts'
import { verifyPublished } from './features/evaluation/index.ts'
import {
  importReportText,
  parseExportFormat,
  runExport,
  runImport,
} from './features/opendata/index.ts'
import { formatReport, measureQuality, reindexAll } from './features/search/index.ts'
import {
  checkLinksJob,
  evaluationProvisionalJob,
  feedbackUpkeepJob,
  generalIndicatorsJob,
  reviewRemindersJob,
} from './jobs/index.ts'
import { systemClock } from './lib/clock.ts'
import { createDeps, openAndMigrate, startServer } from './main.ts'

const HELP = `Mardom — پرتال مردم

Usage: npx mardom <command> [options]

  serve [--demo] [--workers N|auto]   Start the portal (migrates first). With --demo, loads the
                                      demo data into an empty database and prints sign-in details.
                                      --workers: processes sharing the port (PostgreSQL only;
                                      default one per core in production on PostgreSQL, else 1).
  migrate                             Bring the database schema up to date.
  demo                                Load the demo data into an empty database.
  admin create --username <u> [--name <display name>] [--email <e>]
                                      Create a central admin; prints a one-time password.
  token create --user <username> [--name <label>]
                                      Create a personal API token for a user; prints it once.
  export [--format json|csv|jsonld] [--out <file>] [--no-files]
                                      Export the published catalogue (default JSON, to stdout);
                                      JSON embeds the form files unless --no-files.
  import <file>                       Import a catalogue file in the export's JSON format;
                                      reports each failed record, exits 1 if any failed.
  backup <file>                       Back up everything (every table, form files included) to a
                                      gzip file; online: a running portal takes it itself.
  restore <file> [--force]            Restore a backup into a new DATA_DIR or empty database
                                      (--force: replace a non-empty one). Stop the portal first.
  check-links                         Check every e-service, web-page and app link and every
                                      form file now (also runs daily, see LINK_CHECK_AT).
  review-reminders                    Run the daily review follow-up now (reminders, escalation;
                                      also runs daily, see REVIEW_REMINDERS_AT).
  indicators [--period <key>]         Compute the approved general indicators for the last ended
                                      period of each (or for 1405, 1405-Q2, 1405-07); also runs
                                      daily, see INDICATORS_AT.
  evaluation [verify] [--period <yyyy>]
                                      Recompute the running year's provisional evaluation (also
                                      runs daily after the indicators); verify: recompute every
                                      stored evaluation from its inputs and compare, digit for digit.
  feedback-upkeep                     Recompute due feedback figures, close reports whose fix is
                                      public, delete form hashes older than 30 days (also runs
                                      every FEEDBACK_UPKEEP_MINUTES, default 10).
  reindex                             Rebuild the search index from the published services.
  search-quality [--quiet]            Load the demo data into an in-memory database and print
                                      the search's precision@1 and recall@5 on its query set.
  help                                Show this text.

Configuration comes from environment variables (see README.md).`

function demoCredentialsText(accounts: DemoAccount[]): string {
  const lines = accounts.map(
    (a) =>
      `  ${a.roleLabel.padEnd(16)} agency code: ${(a.agencyCode ?? '(empty)').padEnd(8)} username: ${a.username.padEnd(20)} password: ${a.oneTimePassword}`,
  )
  return `Demo sign-in details (generated for this installation):\n${lines.join('\n')}\n`
}

async function withDeps<T>(run: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const handle = await openAndMigrate(config)
  try {
    return await run(createDeps({ ...config, logLevel: 'warn' }, handle.db))
  } finally {
    await handle.close()
  }
}

async function loadDemoIfEmpty(deps: Deps): Promise<boolean> {
  if (await hasAgencies(deps)) return false
  printDemoCredentials(deps, await loadDemoData(deps))
  return true
}

function printDemoCredentials(deps: Deps, accounts: DemoAccount[]): void {
  const text = demoCredentialsText(accounts)
  console.log(`\n${text}`)
  if (!deps.config.databaseUrl) {
    const file = join(deps.config.dataDir, 'demo-credentials.txt')
    writeFileSync(file, text, { mode: 0o600 })
    console.log(`(Also saved to ${file})\n`)
  }
}

/** The database cli.ts began to open for `serve`, taken once. */
let early: Promise<DbHandle> | undefined

function openedForServe(config: Config): Promise<DbHandle> {
  const opening = early ?? openAndMigrate(config)
  early = undefined
  return opening
}

interface ServeOptions {
  demo: boolean
  workers: string | undefined
  workerSlot: string | undefined
}

/** Drains and stops on SIGTERM/SIGINT; `on`, not `once`: a second signal must not kill mid-drain. */
function stopOnSignals(stop: () => Promise<void>): void {
  const handler = () => {
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
}

async function serveCommand(options: ServeOptions, argv: string[]): Promise<void> {
  const config = loadConfig()
  // performance.now() counts from the process's start: «ready in» includes loading the modules.
  const started = 0
  if (isClusterWorker()) return serveWorker(config, Number(options.workerSlot ?? '1'))
  const workers = workerCount(options.workers, config)
  if (workers > 1) return servePrimary(config, workers, options.demo, argv, started)
  const handle = await openedForServe(config)
  // With --demo on an empty database: the agencies, catalogue and accounts before the first
  // request, and the stories (reviews, feedback, indicators, evaluation) while it serves.
  let demo: DemoBase | undefined
  const server = await startServer(
    config,
    handle,
    async (deps) => {
      if (!options.demo) return
      if (!(await hasAgencies(deps))) {
        demo = await loadDemoBase(deps)
        printDemoCredentials(deps, demo.accounts)
        return
      }
      const file = join(config.dataDir, 'demo-credentials.txt')
      if (!config.databaseUrl && existsSync(file)) console.log(`\n${readFileSync(file, 'utf8')}`)
    },
    async (deps) => {
      if (!demo) return
      const started = performance.now()
      await loadDemoStories(deps, demo.agencies)
      console.log(`The demo's stories are loaded (${Math.round(performance.now() - started)} ms).`)
    },
  )
  console.log(
    `پرتال مردم is running at ${server.url} (ready in ${Math.round(performance.now() - started)} ms)`,
  )
  stopOnSignals(server.stop)
}

/** The cluster's primary: migrates and loads the demo once, then forks (see cluster.ts). */
async function servePrimary(
  config: Config,
  workers: number,
  demo: boolean,
  argv: string[],
  started: number,
): Promise<void> {
  const handle = await openedForServe(config)
  try {
    if (demo) await loadDemoIfEmpty(createDeps({ ...config, logLevel: 'warn' }, handle.db))
  } finally {
    await handle.close()
  }
  runPrimary({
    workers,
    args: argv.filter((a) => a !== '--demo'),
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    log: (message) => console.error(`[mardom primary ${process.pid}] ${message}`),
    onReady: ({ port }) => {
      const host = config.host === '0.0.0.0' ? 'localhost' : config.host
      console.log(
        `پرتال مردم is running at http://${host}:${port} with ${workers} workers (ready in ${Math.round(performance.now() - started)} ms)`,
      )
    },
  })
}

/** One worker of a cluster: the single-process server, with its slot's jobs and header. */
async function serveWorker(config: Config, slot: number): Promise<void> {
  tagResponses(slot)
  const handle = await openedForServe(config)
  const server = await startServer(configForSlot(config, slot), handle)
  stopOnSignals(server.stop)
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      workers: { type: 'string' },
      'worker-slot': { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      user: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      'no-files': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      period: { type: 'string' },
    },
  })
  const [command, sub] = positionals
  if (values.help || !command || command === 'help') {
    console.log(HELP)
    return command || values.help ? 0 : 1
  }
  switch (command) {
    case 'serve':
      await serveCommand(
        { demo: values.demo, workers: values.workers, workerSlot: values['worker-slot'] },
        argv,
      )
      return -1
    case 'migrate': {
      const config = loadConfig()
      const handle = await openAndMigrate(config)
      await handle.close()
      console.log('Database schema is up to date.')
      return 0
    }
    case 'demo':
      return withDeps(async (deps) => {
        if (!(await loadDemoIfEmpty(deps))) {
          console.error(
            'The database already holds agencies; demo data is loaded only into an empty database.',
          )
          return 1
        }
        return 0
      })
    case 'admin': {
      if (sub !== 'create' || !values.username) {
        console.error(
          'Usage: mardom admin create --username <username> [--name <display name>] [--email <e>]',
        )
        return 1
      }
      const username = values.username
      return withDeps(async (deps) => {
        const c = await createCentralUser(deps, null, {
          username,
          displayName: values.name ?? username,
          email: values.email ?? null,
          role: 'central_admin',
        })
        console.log(
          `Central admin created.\n  username: ${c.username}\n  one-time password: ${c.oneTimePassword}\n(The password must be changed at first sign-in; it is not shown again.)`,
        )
        return 0
      })
    }
    case 'token': {
      if (sub !== 'create' || !values.user) {
        console.error('Usage: mardom token create --user <username> [--name <label>]')
        return 1
      }
      const username = values.user
      return withDeps(async (deps) => {
        const user = await findUserByUsername(deps.db, username)
        if (!user) {
          console.error(`No user named ${username}.`)
          return 1
        }
        const { secret } = await createApiToken(deps, null, user.id, values.name ?? 'CLI')
        console.log(secret)
        return 0
      })
    }
    case 'export': {
      const format = parseExportFormat(values.format)
      if (!format) {
        console.error('Usage: mardom export [--format json|csv|jsonld] [--out <file>] [--no-files]')
        return 1
      }
      return withDeps(async (deps) => {
        const n = await runExport(deps, {
          format,
          out: values.out,
          embedFiles: !values['no-files'],
          stdout: process.stdout,
          stderr: process.stderr,
        })
        console.error(`Exported ${n} services${values.out ? ` to ${values.out}` : ''}.`)
        return 0
      })
    }
    case 'import': {
      if (!sub) {
        console.error('Usage: mardom import <file>')
        return 1
      }
      return withDeps(async (deps) => {
        const { code, report } = await runImport(deps, sub, process.stderr)
        process.stdout.write(importReportText(report))
        return code
      })
    }
    case 'backup': {
      if (!sub) {
        console.error('Usage: mardom backup <file>')
        return 1
      }
      const { summary, via } = await runBackup(loadConfig(), systemClock, sub)
      console.log(
        `Backed up ${summary.rows} rows in ${summary.tables} tables to ${sub} (taken by the ${via}).`,
      )
      return 0
    }
    case 'restore': {
      if (!sub) {
        console.error('Usage: mardom restore <file> [--force]')
        return 1
      }
      const report = await runRestore(loadConfig(), systemClock, sub, { force: values.force })
      process.stdout.write(restoreReportText(report))
      return 0
    }
    case 'check-links': {
      const config = loadConfig()
      const handle = await openAndMigrate(config)
      try {
        const deps = createDeps({ ...config, logLevel: 'warn' }, handle.db)
        const summary = await checkLinksJob(deps, handle.kind)
        if (!summary) {
          console.error('Another link check is running; nothing was done.')
          return 1
        }
        console.log(
          summary.mode === 'offline'
            ? `Link checking is offline (LINK_CHECK_MODE=offline, or a demo installation): ${summary.unchecked} links not checked; ${summary.formFiles} form files checked: ${summary.broken} broken.`
            : `Checked ${summary.urls} links and ${summary.formFiles} form files: ${summary.broken} broken.`,
        )
        return 0
      } finally {
        await handle.close()
      }
    }
    case 'review-reminders': {
      const config = loadConfig()
      const handle = await openAndMigrate(config)
      try {
        const deps = createDeps({ ...config, logLevel: 'warn' }, handle.db)
        const summary = await reviewRemindersJob(deps, handle.kind)
        if (!summary) {
          console.error('Another review follow-up is running; nothing was done.')
          return 1
        }
        const sent = Object.entries(summary.sent)
          .map(([step, n]) => `${step} ${n}`)
          .join(', ')
        console.log(
          `Reviewed the clocks of ${summary.services} services: ${summary.messages} messages (${sent}); ${summary.skipped} passed steps recorded without sending.`,
        )
        return 0
      } finally {
        await handle.close()
      }
    }
    case 'indicators': {
      const config = loadConfig()
      const handle = await openAndMigrate(config)
      try {
        const deps = createDeps({ ...config, logLevel: 'warn' }, handle.db)
        const summary = await generalIndicatorsJob(deps, handle.kind, values.period)
        if (!summary) {
          console.error(
            'Another computation of the general indicators is running; nothing was done.',
          )
          return 1
        }
        console.log(
          `Computed ${summary.values} values for ${summary.periods.join(', ') || 'no period (no approved computed indicator)'} in ${summary.ms} ms.`,
        )
        return 0
      } finally {
        await handle.close()
      }
    }
    case 'feedback-upkeep': {
      const config = loadConfig()
      const handle = await openAndMigrate(config)
      try {
        const deps = createDeps({ ...config, logLevel: 'warn' }, handle.db)
        const summary = await feedbackUpkeepJob(deps, handle.kind)
        if (!summary) {
          console.error('Another feedback upkeep is running; nothing was done.')
          return 1
        }
        console.log(
          `Recomputed the figures of ${summary.due} services (${summary.pagesChanged} pages changed); closed ${summary.reportsClosed} fixed reports; deleted ${summary.hitsPurged} old form hashes.`,
        )
        return 0
      } finally {
        await handle.close()
      }
    }
    case 'evaluation': {
      const config = loadConfig()
      const handle = await openAndMigrate(config)
      try {
        const deps = createDeps({ ...config, logLevel: 'warn' }, handle.db)
        if (sub === 'verify') {
          // Recomputes every stored evaluation from its own inputs: what anyone can do with the API.
          const results = await verifyPublished(deps, values.period)
          for (const r of results)
            console.log(
              `${r.period} #${r.seq} (${r.status}): digest ${r.digestMatches ? 'matches' : 'DIFFERS'}, scores ${r.scoresMatch ? 'match' : `DIFFER for ${r.differing.length} agencies`}`,
            )
          if (results.length === 0) console.log('No evaluation is stored yet.')
          return results.every((r) => r.digestMatches && r.scoresMatch) ? 0 : 1
        }
        const outcome = await evaluationProvisionalJob(deps, handle.kind)
        const said = {
          refreshed: "Recomputed the running year's provisional evaluation.",
          'no-method': 'No evaluation method is stored yet; nothing was computed.',
          busy: 'Another computation of the provisional evaluation is running; nothing was done.',
        } as const
        console.log(said[outcome])
        return outcome === 'busy' ? 1 : 0
      } finally {
        await handle.close()
      }
    }
    case 'reindex':
      return withDeps(async (deps) => {
        const started = performance.now()
        const n = await reindexAll(deps.db)
        console.log(`Indexed ${n} services in ${Math.round(performance.now() - started)} ms.`)
        return 0
      })
    case 'search-quality': {
      // In memory: the figures are about the demo catalogue, never about a real database.
      const handle = await openPglite({ memory: true })
      try {
        await migrateToLatest(handle.db)
        const deps = createDeps({ ...loadConfig({}), logLevel: 'warn' }, handle.db)
        await loadDemoData(deps)
        console.log(formatReport(await measureQuality(deps), !values.quiet))
        return 0
      } finally {
        await handle.close()
      }
    }
    default:
      console.error(`Unknown command: ${command}\n\n${HELP}`)
      return 1
  }
}

/**
 * Runs one command and exits with its code (`serve` keeps running). `opening`: the database
 * cli.ts began to open for `serve` while these modules loaded.
 */
export function runCli(argv: string[], opening?: Promise<DbHandle>): void {
  early = opening
  main(argv).then(
    (code) => {
      if (code >= 0) process.exit(code)
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}
