/**
 * The general indicators over a whole country's catalogue (issue 14, "Done when": every general
 * indicator recomputed for 245 agencies and 20,000 services, aim under 10 s on PGlite). Part of
 * `npm run bench`; prints figures, asserts nothing.
 *
 * The world, generated here the same way on each database:
 *   - the 245 demo agencies (ministries, organisations, provincial and city offices);
 *   - 20,000 services: demo service n mod 325 (its cards as the demo loader makes them, with
 *     processes, channels and stage matrix; a third of them without their process) owned by
 *     agency n mod 240, so that five agencies have no service; first published on a day drawn
 *     from 1401–1405, each with its demo versions after that, and for one multi-version
 *     service in eight the last version published during the period; bulk-inserted;
 *   - review sign-offs for three in four services first published before Azar 1402 (around
 *     their due date, some late, one in twenty rejected by the audit);
 *   - for every service in the period: 5 transactions (4 with a promised time), 2 ratings,
 *     page views on 6 days; and a report of wrong information for one service in five
 *     (accepted, fixed, rejected or waiting). These rows are made by set-based SQL.
 * Then `computeGeneralIndicators` for Aban 1405 (the period) as the job would run it a few days
 * later: once on a database just opened (cold) and twice more (warm), with the SQL statements
 * it sends: queries through Kysely and, on PGlite, wire-protocol statements (BEGIN/COMMIT
 * included).
 *
 * PostgreSQL: a throwaway database on the server at `INDICATORS_BENCH_POSTGRES` (default
 * postgres://postgres@127.0.0.1:5432/postgres), created and dropped here; skipped when none
 * answers.
 *
 * Run alone with `node bench/indicators.ts`; `bench/run.ts` calls {@link benchIndicators}.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { type Db, type DbHandle, openPglite, openPostgres } from '../src/db/create-db.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { insertAgency } from '../src/features/agencies/index.ts'
import { DEMO_AGENCIES } from '../src/features/demo/demo-agencies.data.ts'
import { demoChannelsFor } from '../src/features/demo/demo-channels.data.ts'
import { demoProcessFor } from '../src/features/demo/demo-processes.data.ts'
import { DEMO_SERVICES } from '../src/features/demo/demo-services.data.ts'
import { computeGeneralIndicators } from '../src/features/indicators/general/index.ts'
import { insertLaw } from '../src/features/laws/index.ts'
import { EMPTY_PROCESS, type ServiceContent } from '../src/features/services/index.ts'
import { startOfTehranDay } from '../src/lib/fa/tehran-time.ts'
import { tehranIsoDay } from '../src/lib/working-calendar.ts'
import { countStatements } from './catalogue.ts'

const SERVICES = 20_000
/** Services go to the first 240 agencies: five have none. */
const AGENCIES_WITH_SERVICES = 240
const AIM_MS = 10_000
const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
/** Rows per INSERT while bulk-loading. */
const CHUNK = 500

const tehran = (jy: number, jm: number, jd: number, h = 0) =>
  new Date(startOfTehranDay(jy, jm, jd).getTime() + h * HOUR_MS)
/** The period: Aban 1405; the job runs on 10 Azar. */
export const PERIOD = { from: tehran(1405, 8, 1), to: tehran(1405, 9, 1) }
export const NOW = tehran(1405, 9, 10, 3)
/** First publications are drawn from 1 Farvardin 1401 to the end of Shahrivar 1405. */
const FIRST_FROM = tehran(1401, 1, 1, 10)
const FIRST_TO = tehran(1405, 6, 31, 10)
const LATEST_UPDATE = tehran(1405, 7, 30, 10)

const int = (v: number) => Math.round(v).toLocaleString('en')
const ms = (v: number) => `${int(v)} ms`
const seconds = (v: number) => `${(v / 1000).toFixed(1)} s`

/** A small seeded PRNG (mulberry32), as in bench/catalogue.ts. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n')
}

// ---------------------------------------------------------------- the world

interface WorldSize {
  agencies: number
  services: number
  versions: number
  reviews: number
  transactions: number
  ratings: number
  reports: number
  viewRows: number
  loadMs: number
}

/** Every demo service's versions as full cards, once (each generated service copies one). */
function baseCards(lawId: string): ServiceContent[][] {
  return DEMO_SERVICES.map((d, n) =>
    d.versions.map((v, i) => ({
      ...v.content,
      legalBases: v.content.legalBases.map((b) => ({ lawId, article: b.article, note: b.note })),
      // A third of the catalogue has no documented process yet.
      process: n % 3 === 2 ? EMPTY_PROCESS : demoProcessFor(d, i, v.content, () => lawId),
      forms: [],
      offices: [],
      ...demoChannelsFor(d, v.content),
    })),
  )
}

async function insertAgencies(db: Db): Promise<string[]> {
  const ids = new Map<string, string>()
  const now = new Date()
  for (const a of DEMO_AGENCIES) {
    const row = await insertAgency(
      db,
      {
        nameFa: a.nameFa,
        nameEn: a.nameEn,
        shortNameFa: a.shortNameFa ?? null,
        level: a.level,
        parentId: a.parentKey ? (ids.get(a.parentKey) ?? null) : null,
        website: null,
        phone: null,
        email: null,
        address: null,
        // Provinces do not matter to the indicators.
        provinceCode: null,
      },
      now,
    )
    ids.set(a.key, row.id)
  }
  return [...ids.values()]
}

async function insertServices(db: Db, agencyIds: string[], cards: ServiceContent[][]) {
  const random = prng(1405)
  let versions = 0
  const span = FIRST_TO.getTime() - FIRST_FROM.getTime()
  for (let from = 0; from < SERVICES; from += CHUNK) {
    const count = Math.min(CHUNK, SERVICES - from)
    const plans = Array.from({ length: count }, (_, i) => {
      const n = from + i
      const base = cards[n % cards.length] ?? []
      const first = new Date(
        FIRST_FROM.getTime() + Math.floor((random() * span) / DAY_MS) * DAY_MS + (n % 480) * 60_000,
      )
      const gap = (LATEST_UPDATE.getTime() - first.getTime()) / Math.max(1, base.length)
      const dates = base.map((_, k) => new Date(first.getTime() + k * gap))
      // One multi-version service in eight gets its last version during the period.
      if (base.length > 1 && random() < 1 / 8)
        dates[base.length - 1] = new Date(
          PERIOD.from.getTime() + Math.floor(random() * 30) * DAY_MS + 10 * HOUR_MS,
        )
      return {
        agencyId: agencyIds[n % AGENCIES_WITH_SERVICES] ?? '',
        slug: `indicators-bench-${n}`,
        first: dates[0] ?? first,
        versions: base.map((content, k) => ({ content, at: dates[k] ?? first })),
      }
    })
    await db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto('services')
        .values(
          plans.map((p) => ({
            agencyId: p.agencyId,
            slug: p.slug,
            createdAt: p.first,
            firstPublishedAt: p.first,
            publicChangedAt: p.versions.at(-1)?.at ?? p.first,
          })),
        )
        .returning(['id', 'slug'])
        .execute()
      const idOf = new Map(rows.map((r) => [r.slug, r.id]))
      const values = plans.flatMap((p) =>
        p.versions.map((v, k) => ({
          serviceId: idOf.get(p.slug) ?? '',
          versionNo: k + 1,
          status: k === p.versions.length - 1 ? ('published' as const) : ('superseded' as const),
          content: JSON.stringify(v.content),
          title: v.content.title,
          sortKey: v.content.title,
          audiences: v.content.audiences,
          lifeEvents: v.content.lifeEvents,
          changeNote: 'نسخهٔ ساخته‌شده برای سنجش',
          createdAt: v.at,
          updatedAt: v.at,
          publishedAt: v.at,
        })),
      )
      for (let i = 0; i < values.length; i += CHUNK)
        await trx
          .insertInto('serviceVersions')
          .values(values.slice(i, i + CHUNK))
          .execute()
      versions += values.length
    })
  }
  return versions
}

/** Review sign-offs, feedback, reports and page views: set-based, seeded, the same every run. */
async function insertActivity(db: Db): Promise<void> {
  await sql`SELECT setseed(0.1405)`.execute(db)
  await db
    .insertInto('reviewAuditSamples')
    .values({ quarter: '1405-Q2', seed: 'bench', size: 0, population: 0, drawnAt: PERIOD.from })
    .execute()
  // Three in four services published before Azar 1402 were reviewed around their due date (36
  // Jalali months ≈ 1,096 days later): from 60 days early to 20 days late; one in twenty of those
  // reviews was rejected by the audit.
  await sql`
    INSERT INTO service_reviews (service_id, agency_id, status, opened_at, outcome, completed_at,
      audit_sample_id, audit_status, audited_at)
    SELECT d.id, d.agency_id, 'completed', d.at - interval '1 day', 'unchanged', d.at,
      CASE WHEN d.r < 0.05 THEN a.id END, CASE WHEN d.r < 0.05 THEN 'rejected' END,
      CASE WHEN d.r < 0.05 THEN d.at + interval '10 days' END
    FROM (SELECT s.id, s.agency_id, s.first_published_at + interval '1096 days'
            + (floor(random() * 81) - 60) * interval '1 day' AS at, random() AS r
          FROM services s
          WHERE s.first_published_at < ${tehran(1402, 9, 1)}::timestamptz AND random() < 0.75) d
    CROSS JOIN (SELECT id FROM review_audit_samples LIMIT 1) a`.execute(db)
  // Five transactions per service completed during the period, four with a promised time.
  await sql`
    INSERT INTO transactions (agency_id, service_id, version_id, tracking_hash, channel,
      started_at, completed_at, outcome, promised_by, updated_at)
    SELECT t.agency_id, t.service_id, t.version_id, md5(t.service_id::text || ':' || t.g),
      'online', t.done - t.took, t.done, 'approved',
      CASE WHEN t.g < 5 THEN t.done - t.took + interval '7 days' END, t.done
    FROM (SELECT s.agency_id, s.id AS service_id, v.id AS version_id, g,
            ${PERIOD.from}::timestamptz + random() * interval '29 days' AS done,
            random() * interval '10 days' AS took
          FROM services s
          JOIN service_versions v ON v.service_id = s.id AND v.status = 'published'
          CROSS JOIN generate_series(1, 5) g) t`.execute(db)
  // Two ratings per service, an hour after two of its transactions.
  await sql`
    INSERT INTO ratings (transaction_id, service_id, channel, overall, created_at)
    SELECT t.id, t.service_id, 'online', 1 + floor(random() * 5)::int, t.completed_at + interval '1 hour'
    FROM (SELECT id, service_id, completed_at,
            row_number() OVER (PARTITION BY service_id ORDER BY id) AS k
          FROM transactions) t
    WHERE t.k <= 2`.execute(db)
  // A report for one service in five: accepted, fixed, rejected or still waiting.
  await sql`
    INSERT INTO accuracy_reports (code, service_id, agency_id, section, version_no, what_wrong,
      state, fix_version_no, reason, received_at, due_on, answered_at, closed_at)
    SELECT 'B' || lpad(row_number() OVER ()::text, 9, '0'), r.id, r.agency_id, 'documents', 1,
      'مدرک نادرست نوشته شده است', r.state,
      CASE WHEN r.state IN ('accepted', 'fixed') THEN 2 END,
      CASE WHEN r.state = 'rejected' THEN 'درست است' END,
      r.received, (r.received + interval '21 days')::date,
      CASE WHEN r.state <> 'received' THEN r.received + r.answer END,
      CASE WHEN r.state IN ('fixed', 'rejected') THEN r.received + r.answer + r.fix END
    FROM (SELECT s.id, s.agency_id,
            (ARRAY['accepted', 'fixed', 'fixed', 'rejected', 'received'])[1 + floor(random() * 5)::int] AS state,
            ${PERIOD.from}::timestamptz - interval '10 days' + random() * interval '35 days' AS received,
            random() * interval '12 days' AS answer, random() * interval '20 days' AS fix
          FROM services s WHERE random() < 0.2) r`.execute(db)
  // Page views on about six days of the period per service.
  await sql`
    INSERT INTO service_page_views (service_id, day, views)
    SELECT s.id, ${tehranIsoDay(PERIOD.from)}::date + d, 1 + floor(random() * 300)::int
    FROM services s CROSS JOIN generate_series(0, 29) d
    WHERE random() < 0.2`.execute(db)
}

async function countOf(
  db: Db,
  table:
    | 'agencies'
    | 'services'
    | 'serviceVersions'
    | 'serviceReviews'
    | 'transactions'
    | 'ratings'
    | 'accuracyReports'
    | 'servicePageViews',
) {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Loads the generated world into a migrated, empty database (exported for profiling). */
export async function buildWorld(db: Db): Promise<WorldSize> {
  const started = performance.now()
  const law = await insertLaw(
    db,
    { title: 'قانون آزمایشی سنجش', kind: 'law', number: '1', approvedOn: null, url: null },
    null,
    new Date(),
  )
  const agencyIds = await insertAgencies(db)
  const versions = await insertServices(db, agencyIds, baseCards(law.id))
  await insertActivity(db)
  await sql`ANALYZE`.execute(db)
  return {
    agencies: await countOf(db, 'agencies'),
    services: await countOf(db, 'services'),
    versions,
    reviews: await countOf(db, 'serviceReviews'),
    transactions: await countOf(db, 'transactions'),
    ratings: await countOf(db, 'ratings'),
    reports: await countOf(db, 'accuracyReports'),
    viewRows: await countOf(db, 'servicePageViews'),
    loadMs: performance.now() - started,
  }
}

// ---------------------------------------------------------------- the measurement

interface Run {
  ms: number
  /** CPU time of this process meanwhile (on PGlite the database engine runs in it too). */
  cpuMs: number
  /** Queries sent through Kysely. */
  queries: number
  /** Wire-protocol statements (PGlite only; BEGIN and COMMIT included). */
  wire: number | null
  values: number
}

async function computeOnce(handle: DbHandle): Promise<Run> {
  let queries = 0
  const counted = handle.db.withPlugin({
    transformQuery: (args) => {
      queries++
      return args.node
    },
    transformResult: async (args) => args.result,
  })
  const wire = handle.pglite ? countStatements(handle.pglite) : null
  const before = wire?.count ?? 0
  const cpu = process.cpuUsage()
  const started = performance.now()
  const result = await computeGeneralIndicators(counted, PERIOD, NOW)
  const elapsed = performance.now() - started
  const used = process.cpuUsage(cpu)
  let values = 0
  for (const list of result.values()) values += list.length
  return {
    ms: elapsed,
    cpuMs: (used.user + used.system) / 1000,
    queries,
    wire: wire ? wire.count - before : null,
    values,
  }
}

interface Measured {
  name: string
  world: WorldSize
  cold: Run
  warm: Run[]
}

async function measure(name: string, open: () => Promise<DbHandle>): Promise<Measured> {
  let handle = await open()
  let world: WorldSize
  try {
    await migrateToLatest(handle.db)
    world = await buildWorld(handle.db)
  } finally {
    await handle.close()
  }
  // Opened afresh: the first run reads the tables from disk, as a monthly job would.
  handle = await open()
  try {
    const cold = await computeOnce(handle)
    const warm = [await computeOnce(handle), await computeOnce(handle)]
    return { name, world, cold, warm }
  } finally {
    await handle.close()
  }
}

const POSTGRES_URL =
  process.env.INDICATORS_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres'

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

async function onPostgres(): Promise<Measured> {
  const name = `mardom_bench_indicators_${process.pid}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
    const url = new URL(POSTGRES_URL)
    url.pathname = `/${name}`
    try {
      return await measure('PostgreSQL', async () => openPostgres(url.toString(), { max: 4 }))
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    }
  } finally {
    await admin.end()
  }
}

/** Prints the time to compute every general indicator for one period, on PGlite and PostgreSQL. */
export async function benchIndicators(): Promise<void> {
  console.log(
    `\n(f) General indicators (issue 14 item 3): every indicator for every agency, Aban 1405, ${int(SERVICES)} services`,
  )
  console.log(
    'Wall time is what the job takes here; CPU time is that of this process (with PGlite the engine runs in it too), a guide to the wall time on an idle machine.',
  )
  console.log(
    `Load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${availableParallelism()} cores)`,
  )
  const results: Measured[] = []
  const scratch = mkdtempSync(join(tmpdir(), 'mardom-bench-indicators-'))
  try {
    results.push(await measure('PGlite', () => openPglite({ dataDir: join(scratch, 'pglite') })))
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  if (await postgresAnswers()) results.push(await onPostgres())
  else console.log(`PostgreSQL left out: nothing answers at ${POSTGRES_URL}.`)

  console.log(
    table(
      [
        'database',
        'agencies',
        'services',
        'versions',
        'reviews',
        'transactions',
        'ratings',
        'reports',
        'view rows',
        'load',
      ],
      results.map((r) => [
        r.name,
        int(r.world.agencies),
        int(r.world.services),
        int(r.world.versions),
        int(r.world.reviews),
        int(r.world.transactions),
        int(r.world.ratings),
        int(r.world.reports),
        int(r.world.viewRows),
        seconds(r.world.loadMs),
      ]),
    ),
  )
  console.log(
    table(
      [
        'database',
        'cold',
        'cold CPU',
        'warm (2 runs)',
        'values',
        'Kysely queries',
        'wire statements',
        `aim < ${seconds(AIM_MS)}`,
      ],
      results.map((r) => [
        r.name,
        ms(r.cold.ms),
        ms(r.cold.cpuMs),
        r.warm.map((w) => ms(w.ms)).join(' / '),
        int(r.cold.values),
        String(r.cold.queries),
        r.cold.wire === null ? '—' : String(r.cold.wire),
        r.name === 'PGlite' ? (r.cold.ms < AIM_MS ? 'met' : 'MISSED') : '—',
      ]),
    ),
  )
  console.log(
    `Load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
}

if (import.meta.main) {
  benchIndicators().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
