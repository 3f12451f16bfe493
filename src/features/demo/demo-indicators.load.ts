import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { fixedClock } from '../../lib/clock.ts'
import { oneTimePassword } from '../../lib/secrets.ts'
import { createAgencyUserAsSystem } from '../accounts/index.ts'
import type { Agency } from '../agencies/index.ts'
import { recordAudit } from '../audit/index.ts'
import {
  decidePeriod,
  decideVersion,
  proposeGeneralIndicators,
  proposeIndicator,
  recomputeGeneralIndicators,
  recordValue,
  saveDefinition,
  startNewVersion,
  submitPeriod,
  submitVersion,
  withdrawVersion,
} from '../indicators/index.ts'
import {
  type DemoIndicatorPlan,
  type PlannedStep,
  planDemoIndicators,
} from './demo-indicators.plan.ts'
import { backdateCredentials, generalDrafts } from './demo-indicators.queries.ts'
import { DEMO_INDICATOR_PROPOSALS } from './demo-indicators.texts.ts'
import { type DemoStaffRow, listStaff } from './demo-reviews.queries.ts'

/**
 * Plays the demo's indicator story (issue 14 item 7) through the real indicator actions, each
 * step on a clock set to its moment (as the review story does): the general indicators proposed
 * by the central admin and approved by the supervisor, each agency's proposals and the centre's
 * decisions, two years of values, the periods sent and decided, and the general indicators
 * computed for the last ended periods. The plan is in `demo-indicators.plan.ts`.
 */

const HOUR_MS = 3_600_000
const MAIL_DOMAIN = 'mardom.example'
/** An agency with credentials long ago and nothing proposed; one given them days ago. */
const OVERDUE_KEY = 'moj'
const WAITING_KEY = 'msy'

export interface DemoIndicatorSummary {
  proposals: number
  values: number
  periods: number
  generalValues: number
  newAdmins: number
  ms: number
}

function actorOf(u: DemoStaffRow): Actor {
  return {
    userId: u.userId,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    agencyId: u.agencyId,
    agencyNameFa: u.agencyNameFa,
    mustChangePassword: false,
    via: 'session',
  }
}

/** An admin for each agency of the story that has none yet (passwords never shown). */
async function addAdmins(deps: Deps, agencies: readonly Agency[]): Promise<number> {
  const withAdmin = new Set(
    (await listStaff(deps.db)).filter((u) => u.role === 'agency_admin').map((u) => u.agencyId),
  )
  const missing = agencies.filter((a) => !withAdmin.has(a.id))
  // The password hashes run in parallel; each account is its own transaction.
  await Promise.all(
    missing.map((a) =>
      createAgencyUserAsSystem(
        deps,
        a.id,
        {
          usernamePart: 'admin',
          displayName: `مدیر نمونهٔ ${a.shortNameFa ?? a.nameFa}`,
          email: `admin.${a.code}@${MAIL_DOMAIN}`,
          role: 'agency_admin',
        },
        oneTimePassword(),
      ),
    ),
  )
  return missing.length
}

/** What a proposal's steps need to remember: its code, and its open version and revision. */
interface Tracked {
  code: string
  versionId: string
  revision: number
}

async function runStep(
  deps: Deps,
  step: PlannedStep,
  admin: Actor,
  supervisor: Actor,
  agencyId: string,
  tracked: Map<string, Tracked>,
): Promise<void> {
  const d: Deps = { ...deps, clock: fixedClock(step.at) }
  const t = tracked.get(step.proposal)
  if (step.action === 'propose') {
    if (!step.definition) throw new Error(`Demo proposal ${step.proposal} has no definition`)
    const { indicator, version } = await proposeIndicator(d, admin, {
      kind: 'specific',
      agencyId,
      definition: step.definition,
    })
    tracked.set(step.proposal, {
      code: indicator.code,
      versionId: version.id,
      revision: version.revision,
    })
    return
  }
  if (!t) throw new Error(`Demo step ${step.action} of ${step.proposal} before its proposal`)
  const keep = (v: { id: string; revision: number }) => {
    t.versionId = v.id
    t.revision = v.revision
  }
  switch (step.action) {
    case 'submit':
      return keep(await submitVersion(d, admin, t.versionId, t.revision))
    case 'amend':
      if (!step.definition) throw new Error(`Demo amendment of ${step.proposal} has no definition`)
      return keep(await saveDefinition(d, admin, t.versionId, step.definition, t.revision))
    case 'withdraw':
      return keep(await withdrawVersion(d, admin, t.versionId, t.revision))
    case 'start_version':
      return keep(await startNewVersion(d, admin, t.code))
    case 'approve':
    case 'reject':
    case 'request_changes':
      return keep(
        await decideVersion(d, supervisor, t.versionId, {
          decision: step.action,
          comment: step.comment ?? null,
          expectedRevision: t.revision,
          untilDay: step.untilDay ?? null,
        }),
      )
  }
}

/** The general indicators: proposed by the central admin, approved by the supervisor. */
async function approveGeneral(
  deps: Deps,
  plan: DemoIndicatorPlan,
  centralAdmin: Actor,
  supervisor: Actor,
): Promise<void> {
  const at = (m: Date): Deps => ({ ...deps, clock: fixedClock(m) })
  await proposeGeneralIndicators(at(plan.generalProposedAt), centralAdmin)
  const submitAt = new Date(plan.generalProposedAt.getTime() + HOUR_MS)
  for (const g of await generalDrafts(deps.db)) {
    const sent = await submitVersion(at(submitAt), centralAdmin, g.versionId, g.revision)
    await decideVersion(at(plan.generalApprovedAt), supervisor, g.versionId, {
      decision: 'approve',
      comment: null,
      expectedRevision: sent.revision,
    })
  }
}

/**
 * Loads the indicator story. Call last: the general indicators are computed from the catalogue,
 * the reviews and the feedback the other stories leave.
 */
export async function loadDemoIndicators(
  deps: Deps,
  byKey: ReadonlyMap<string, Agency>,
): Promise<DemoIndicatorSummary> {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const now = deps.clock.now()
  const plan = planDemoIndicators({
    now,
    proposing: DEMO_INDICATOR_PROPOSALS.filter((a) => byKey.has(a.key)),
    overdueKey: byKey.has(OVERDUE_KEY) ? OVERDUE_KEY : null,
    waitingKey: byKey.has(WAITING_KEY) ? WAITING_KEY : null,
  })
  const agencyOf = (key: string): Agency => {
    const a = byKey.get(key)
    if (!a) throw new Error(`Demo indicator story: no agency ${key}`)
    return a
  }

  const phases: Record<string, number> = {}
  let mark = performance.now()
  const phase = (name: string) => {
    const t = performance.now()
    phases[name] = Math.round(t - mark)
    mark = t
  }
  const newAdmins = await addAdmins(
    deps,
    plan.agencies.map((a) => agencyOf(a.key)),
  )
  const staff = await listStaff(deps.db)
  const central = (role: Actor['role']) => {
    const row = staff.find((u) => u.role === role)
    if (!row) throw new Error(`Demo indicator story: no ${role}`)
    return actorOf(row)
  }
  const centralAdmin = central('central_admin')
  const supervisor = central('central_supervisor')
  const adminOf = (key: string): Actor => {
    const id = agencyOf(key).id
    const row = staff.find((u) => u.role === 'agency_admin' && u.agencyId === id)
    if (!row) throw new Error(`Demo indicator story: no admin for ${key}`)
    return actorOf(row)
  }

  await deps.db.transaction().execute(async (trx) => {
    for (const a of plan.agencies)
      await backdateCredentials(trx, agencyOf(a.key).id, a.credentialsAt)
  })

  phase('accounts')
  await approveGeneral(deps, plan, centralAdmin, supervisor)
  phase('general')

  const agencyKeyOf = new Map(plan.proposals.map((p) => [p.id, p.agencyKey]))
  const tracked = new Map<string, Tracked>()
  for (const step of plan.steps) {
    const key = agencyKeyOf.get(step.proposal) ?? ''
    await runStep(deps, step, adminOf(key), supervisor, agencyOf(key).id, tracked)
  }

  phase('proposals')
  // Every value through the real action, each on its own moment, in one transaction (the
  // periods are sent after their last value, below, so no value meets a sent period).
  const values = [...plan.values].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())
  await deps.db.transaction().execute(async (trx) => {
    for (const v of values) {
      const t = tracked.get(v.proposal)
      if (!t) throw new Error(`Demo value of ${v.proposal}: no indicator`)
      await recordValue(
        { ...deps, clock: fixedClock(v.recordedAt) },
        adminOf(agencyKeyOf.get(v.proposal) ?? ''),
        t.code,
        {
          period: v.period,
          numerator: v.numerator,
          denominator: v.denominator,
          note: null,
          evidenceNote: v.evidenceNote,
        },
        v.source,
        null,
        trx,
      )
    }
  })

  phase('values')
  const periodSteps: { at: Date; run: () => Promise<void> }[] = []
  for (const p of plan.periods) {
    const admin = adminOf(p.agencyKey)
    periodSteps.push({
      at: p.submittedAt,
      run: () => submitPeriod({ ...deps, clock: fixedClock(p.submittedAt) }, admin, p.period),
    })
    const decision = p.decision
    if (decision)
      periodSteps.push({
        at: decision.at,
        run: () =>
          decidePeriod(
            { ...deps, clock: fixedClock(decision.at) },
            supervisor,
            agencyOf(p.agencyKey).id,
            p.period,
            { accept: decision.accept, comment: decision.comment },
          ),
      })
  }
  periodSteps.sort((a, b) => a.at.getTime() - b.at.getTime())
  for (const s of periodSteps) await s.run()

  phase('periods')
  // As the daily job does: each approved general indicator for the last ended period.
  const computed = await recomputeGeneralIndicators(deps)

  phase('compute')
  const summary = {
    proposals: plan.proposals.length,
    values: plan.values.length,
    periods: plan.periods.length,
    generalValues: computed.values,
    newAdmins,
  }
  await recordAudit(deps.db, deps.clock, {
    actor: null,
    entityType: 'demo',
    entityId: 'indicators',
    action: 'load',
    agencyId: null,
    before: null,
    after: summary,
  })
  const ms = Math.round(performance.now() - started)
  const used = process.cpuUsage(cpu)
  const cpuMs = Math.round((used.user + used.system) / 1000)
  deps.log.info({ ...summary, ms, cpuMs, phases }, 'demo indicator story loaded')
  return { ...summary, ms }
}
