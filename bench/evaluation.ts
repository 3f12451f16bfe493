/**
 * A whole country's evaluation (issue 15): every agency's scorecard for one Jalali year over the
 * world bench/indicators.ts builds (245 agencies, 20,000 services with a year of transactions,
 * ratings, reports, reviews and page views), computed and stored as the daily job does
 * (`refreshProvisional`: the general indicators over the year, the indicator values, the
 * scorecards, one transaction), then recomputed from the stored inputs (`verifyPublished`),
 * then `/evaluation/{year}` rendered uncached and from the page cache, in process. Aim: the
 * evaluation under 15 s on PGlite. Prints figures, asserts nothing.
 *
 * Run alone with `node bench/evaluation.ts`; `bench/run.ts` calls {@link benchEvaluation}.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { openPglite } from '../src/db/create-db.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import {
  DEFAULT_METHOD,
  refreshProvisional,
  verifyPublished,
} from '../src/features/evaluation/index.ts'
import { insertMethod } from '../src/features/evaluation/method.queries.ts'
import { fixedClock } from '../src/lib/clock.ts'
import { createDeps } from '../src/main.ts'
import { buildWorld, NOW } from './indicators.ts'

const AIM_MS = 15_000
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

async function timedCpu<T>(
  run: () => Promise<T>,
): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const value = await run()
  const used = process.cpuUsage(cpu)
  return {
    ms: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    value,
  }
}

export async function benchEvaluation(): Promise<void> {
  console.log(
    '\n(g) Evaluation (issue 15): every agency scored for 1405 over 20,000 services, PGlite',
  )
  console.log(
    `Load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  const scratch = mkdtempSync(join(tmpdir(), 'mardom-bench-evaluation-'))
  const handle = await openPglite({ dataDir: join(scratch, 'pglite') })
  try {
    await migrateToLatest(handle.db)
    const world = await buildWorld(handle.db)
    console.log(
      `World: ${world.agencies} agencies, ${world.services} services, ${world.transactions} transactions, ${world.ratings} ratings, loaded in ${seconds(world.loadMs)}.`,
    )
    await insertMethod(handle.db, {
      ...DEFAULT_METHOD,
      version: 1,
      userId: null,
      now: NOW,
    })
    let queries = 0
    const counted = handle.db.withPlugin({
      transformQuery: (args) => {
        queries++
        return args.node
      },
      transformResult: async (args) => args.result,
    })
    const config = {
      ...loadConfig({ ...process.env, DATABASE_URL: undefined }),
      logLevel: 'silent' as const,
    }
    const deps = createDeps(config, counted, { clock: fixedClock(NOW) })
    const evaluation = await timedCpu(() => refreshProvisional(deps, 1405))
    const computeQueries = queries
    const verify = await timedCpu(() => verifyPublished(deps, '1405'))
    const ok = verify.value.every((v) => v.digestMatches && v.scoresMatch)

    // The page cache expires entries by the system clock: pages are served with a real one.
    const app = buildApp(createDeps(config, handle.db))
    const uncached = await timedCpu(async () => (await app.request('/evaluation/1405')).text())
    const iterations = 300
    const cached = await timedCpu(async () => {
      for (let i = 0; i < iterations; i++) await (await app.request('/evaluation/1405')).text()
    })
    console.log(
      [
        `| step | wall | CPU | notes |`,
        `|---|---|---|---|`,
        `| evaluation computed and stored | ${seconds(evaluation.ms)} | ${seconds(evaluation.cpuMs)} | ${evaluation.value?.agencies ?? 0} scorecards, ${computeQueries} queries; aim < ${seconds(AIM_MS)}: ${evaluation.ms < AIM_MS ? 'met' : 'MISSED'} |`,
        `| recomputed from stored inputs | ${seconds(verify.ms)} | ${seconds(verify.cpuMs)} | ${ok ? 'identical' : 'DIFFERENT'} |`,
        `| /evaluation/1405 uncached | ${Math.round(uncached.ms)} ms | ${Math.round(uncached.cpuMs)} ms | ${uncached.value.length} characters |`,
        `| /evaluation/1405 from the page cache | ${(cached.ms / iterations).toFixed(2)} ms each | | ${Math.round((iterations * 1000) / cached.ms)} requests/s in process |`,
      ].join('\n'),
    )
    console.log(
      `Load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    )
  } finally {
    await handle.close()
    rmSync(scratch, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEvaluation()
