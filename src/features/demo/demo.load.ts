import { randomUUID } from 'node:crypto'
import type { Deps } from '../../deps.ts'
import { isProvinceCode } from '../../lib/iran/provinces.ts'
import { oneTimePassword } from '../../lib/secrets.ts'
import {
  createAgencyUserAsSystem,
  createCentralUser,
  type IssuedCredentials,
} from '../accounts/index.ts'
import { type Agency, insertAgencies } from '../agencies/index.ts'
import { recordAudit } from '../audit/index.ts'
import { DEMO_AGENCIES } from './demo-agencies.data.ts'
import { loadDemoCatalogue } from './demo-catalogue.load.ts'
import { loadDemoEvaluation } from './demo-evaluation.load.ts'
import { loadDemoFeedback } from './demo-feedback.load.ts'
import { loadDemoIndicators } from './demo-indicators.load.ts'
import { loadDemoLinkChecks } from './demo-link-checks.load.ts'
import { loadDemoReviews } from './demo-reviews.load.ts'

export interface DemoAccount extends IssuedCredentials {
  roleLabel: string
  agencyNameFa: string | null
}

/** Whether the database already holds agencies (demo data or real). */
export async function hasAgencies(deps: Deps): Promise<boolean> {
  const row = await deps.db.selectFrom('agencies').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}

/** How long one step of the demo load took (the start-up bench prints them). */
export interface DemoStepTiming {
  step: string
  ms: number
  cpuMs: number
}

/**
 * Runs one named step, timing it. The steps run in order; each story's place in the list is
 * fixed by what it reads (see the comments in `loadDemoData`), so a new story is one more line.
 */
async function timed<T>(
  step: string,
  onStep: ((t: DemoStepTiming) => void) | undefined,
  run: () => Promise<T>,
): Promise<T> {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const result = await run()
  const used = process.cpuUsage(cpu)
  onStep?.({
    step,
    ms: Math.round(performance.now() - started),
    cpuMs: Math.round((used.user + used.system) / 1000),
  })
  return result
}

/**
 * Loads the demo hierarchy and one account per role. Passwords are random for
 * every installation and returned here to be printed once; nothing fixed ships
 * in the code.
 */
export async function loadDemoData(
  deps: Deps,
  options: { onStep?: (t: DemoStepTiming) => void } = {},
): Promise<DemoAccount[]> {
  const base = await loadDemoBase(deps, options)
  await loadDemoStories(deps, base.agencies, options)
  return base.accounts
}

/** What the stories need from the first part of the demo. */
export interface DemoBase {
  accounts: DemoAccount[]
  /** The demo agencies by their key in DEMO_AGENCIES. */
  agencies: ReadonlyMap<string, Agency>
}

/**
 * What a citizen and a clerk meet first: the agencies, the catalogue and the accounts. `serve
 * --demo` loads this before it listens and the stories after (issue 16 item 4: a fresh start
 * is ready in seconds, and the stories follow while it serves).
 */
export async function loadDemoBase(
  deps: Deps,
  options: { onStep?: (t: DemoStepTiming) => void } = {},
): Promise<DemoBase> {
  const { onStep } = options
  const agencies = await timed('agencies', onStep, () => loadDemoAgencies(deps))
  await timed('catalogue', onStep, () => loadDemoCatalogue(deps, agencies))
  const accounts = await timed('accounts', onStep, () => loadDemoAccounts(deps, agencies))
  return { accounts, agencies }
}

/**
 * The stories over the catalogue, in the order what each reads requires: link checks, reviews
 * (made by the accounts), feedback, indicators, evaluation. The stories read the accounts from
 * the database, so they may run in a later call than `loadDemoBase`, while the portal serves.
 */
export async function loadDemoStories(
  deps: Deps,
  byKey: ReadonlyMap<string, Agency>,
  options: { onStep?: (t: DemoStepTiming) => void } = {},
): Promise<void> {
  const { onStep } = options
  await timed('link checks', onStep, () => loadDemoLinkChecks(deps))
  await timed('reviews', onStep, () => loadDemoReviews(deps)) // after the accounts: they make the reviews
  // After the reviews: their revisions are the versions measured.
  await timed('feedback', onStep, () => loadDemoFeedback(deps))
  // Last: the general indicators are computed from all the stories before.
  await timed('indicators', onStep, () => loadDemoIndicators(deps, byKey))
  // After the indicators: the evaluation reads their values and the general indicators.
  await timed('evaluation', onStep, () => loadDemoEvaluation(deps))
  await recordAudit(deps.db, deps.clock, {
    actor: null,
    entityType: 'demo',
    entityId: 'stories',
    action: 'load',
    agencyId: null,
    before: null,
    after: { stories: ['link checks', 'reviews', 'feedback', 'indicators', 'evaluation'] },
  })
}

/** The demo hierarchy of agencies, parents before children; returned by key for the stories. */
export async function loadDemoAgencies(deps: Deps): Promise<Map<string, Agency>> {
  const byKey = new Map<string, Agency>()
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    // Ids chosen here, so the whole hierarchy is one insert (codes follow the list's order).
    const idOf = new Map(DEMO_AGENCIES.map((d) => [d.key, randomUUID()]))
    const rows = DEMO_AGENCIES.map((d, i) => {
      const parentId = d.parentKey ? idOf.get(d.parentKey) : undefined
      const parentIndex = DEMO_AGENCIES.findIndex((p) => p.key === d.parentKey)
      if (d.parentKey && (!parentId || parentIndex > i))
        throw new Error(`Demo agency ${d.key} comes before its parent ${d.parentKey}`)
      return {
        id: idOf.get(d.key) ?? randomUUID(),
        nameFa: d.nameFa,
        nameEn: d.nameEn,
        shortNameFa: d.shortNameFa ?? null,
        level: d.level,
        parentId: parentId ?? null,
        website: d.website ?? null,
        phone: d.phone ?? null,
        email: d.email ?? null,
        address: d.address ?? null,
        provinceCode: d.provinceCode && isProvinceCode(d.provinceCode) ? d.provinceCode : null,
      }
    })
    const inserted = await insertAgencies(trx, rows, now)
    DEMO_AGENCIES.forEach((d, i) => {
      const agency = inserted[i]
      if (agency) byKey.set(d.key, agency)
    })
    await recordAudit(trx, deps.clock, {
      actor: null,
      entityType: 'demo',
      entityId: 'agencies',
      action: 'load',
      agencyId: null,
      before: null,
      after: { agencies: DEMO_AGENCIES.length },
    })
  })
  return byKey
}

/** One account per role; their one-time passwords are what the start-up prints. */
async function loadDemoAccounts(
  deps: Deps,
  byKey: ReadonlyMap<string, Agency>,
): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = []
  const central = async (
    username: string,
    displayName: string,
    role: 'central_admin' | 'central_supervisor',
    roleLabel: string,
  ) => {
    const c = await createCentralUser(deps, null, {
      username,
      displayName,
      role,
      password: oneTimePassword(),
    })
    accounts.push({ ...c, roleLabel, agencyNameFa: null })
  }
  await central('demo-admin', 'مدیر سامانهٔ نمونه', 'central_admin', 'مدیر سامانه')
  await central('demo-supervisor', 'ناظر مرکزی نمونه', 'central_supervisor', 'ناظر مرکزی')
  const sabt = byKey.get('sabt-ahval')
  if (sabt) {
    for (const [part, displayName, role, roleLabel] of [
      ['admin', 'مدیر نمونهٔ ثبت احوال', 'agency_admin', 'مدیر دستگاه'],
      ['editor', 'کارشناس نمونهٔ ثبت احوال', 'agency_editor', 'کارشناس دستگاه'],
    ] as const) {
      const c = await createAgencyUserAsSystem(
        deps,
        sabt.id,
        { usernamePart: part, displayName, email: null, role },
        oneTimePassword(),
      )
      accounts.push({ ...c, roleLabel, agencyNameFa: sabt.nameFa })
    }
  }
  return accounts
}
