import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { formatDateFa, formatDateTimeFa, formatNumberFa } from '../../lib/fa/index.ts'
import { tehranDateOf } from '../../lib/fa/tehran-time.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors } from '../../web/form.ts'
import { newFormOnceToken } from '../../web/form-once.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import { findAgencyById, listAgencyBriefs } from '../agencies/index.ts'
import { staffMsg as msg } from './evaluation-staff.messages.fa.ts'
import { currentMethod } from './method.actions.ts'
import { COMPONENTS } from './method.model.ts'
import type { Scorecard } from './scorecard.ts'
import { componentKey, type SnapshotSummary } from './snapshot.model.ts'
import {
  currentSnapshot,
  listSnapshots,
  type Objection,
  objectionsOfPeriod,
} from './snapshot.queries.ts'
import {
  agencyOverviewPage,
  centralOverviewPage,
  confirmClosePage,
  type SnapshotRowView,
} from './views/evaluation-staff-overview.ts'
import {
  agencyPeriodPage,
  centralPeriodPage,
  type FormState,
  type ObjectionView,
  type ScorecardView,
  type SnapshotInfoView,
} from './views/evaluation-staff-period.ts'

/** Loading and rendering the staff evaluation pages; the route modules stay thin. */

export const HOME = { href: '/admin', text: msg.home }
export const LIST = { href: '/admin/evaluation', text: msg.title }

/** Who sees what: the centre everything, an agency admin their agency; anyone else a 403. */
export type Viewer =
  | { kind: 'central'; actor: Actor }
  | { kind: 'agency'; actor: Actor; agencyId: string }

export function viewerOf(c: Context<AppEnv>): Viewer {
  const actor = requireActor(c)
  if (isCentral(actor)) return { kind: 'central', actor }
  if (actor.role === 'agency_admin' && actor.agencyId)
    return { kind: 'agency', actor, agencyId: actor.agencyId }
  throw new ForbiddenError('evaluation.staff', msg.forbidden)
}

const dateOrNull = (d: Date | null) => (d ? formatDateFa(d) : null)

function snapshotRow(s: SnapshotSummary): SnapshotRowView {
  return {
    period: s.period,
    status: s.status,
    seq: s.seq,
    methodVersion: s.methodVersion,
    computedAt: formatDateTimeFa(s.computedAt),
    publishedAt: dateOrNull(s.publishedAt),
    objectionsUntil: dateOrNull(s.objectionsUntil),
    agencies: s.agencies,
    inputsDigest: s.inputsDigest,
  }
}

function snapshotInfo(s: SnapshotSummary): SnapshotInfoView {
  return { ...snapshotRow(s), noteFa: s.noteFa }
}

/** The ended years a supervisor may close: the last three, less those already published. */
export function closableYears(now: Date, snapshots: readonly SnapshotSummary[]): string[] {
  const jy = tehranDateOf(now).jy
  const closed = new Set(snapshots.filter((s) => s.status !== 'provisional').map((s) => s.period))
  return [jy - 1, jy - 2, jy - 3].map(String).filter((p) => !closed.has(p))
}

/** What the page after a 303 confirms, checked against what is stored (see evaluation-staff.once.ts). */
export type Done = { text: string } | null

/** `/admin/evaluation`: the centre's periods and forms, or an agency admin's scorecards. */
export async function renderOverview(
  c: Context<AppEnv>,
  deps: Deps,
  form: { values: Record<string, string>; errors: FieldErrors } = { values: {}, errors: {} },
  status: ContentfulStatusCode = 200,
  done: Done = null,
) {
  const viewer = viewerOf(c)
  const snapshots = await listSnapshots(deps.db)
  const banner = done ? { banner: { kind: 'success' as const, text: done.text } } : {}
  const bad = Object.keys(form.errors).length > 0
  if (viewer.kind === 'central') {
    return page(
      c,
      {
        title: bad ? msg.errorTitle(msg.title) : msg.title,
        breadcrumbs: [HOME],
        ...banner,
        content: centralOverviewPage({
          csrfToken: c.get('csrfToken'),
          canEditMethod: viewer.actor.role === 'central_admin',
          snapshots: snapshots.map(snapshotRow),
          closable: closableYears(deps.clock.now(), snapshots),
          closeValue: form.values.period ?? '',
          errors: form.errors,
          currentYear: tehranDateOf(deps.clock.now()).jy,
        }),
      },
      status,
    )
  }
  const agency = await findAgencyById(deps.db, viewer.agencyId)
  const periods = [...new Set(snapshots.map((s) => s.period))]
  const rows = []
  for (const period of periods) {
    const snapshot = await currentSnapshot(deps.db, period)
    if (!snapshot) continue
    const card = snapshot.scorecards.find((s) => s.agencyId === viewer.agencyId)
    rows.push({
      period,
      status: snapshot.status,
      seq: snapshot.seq,
      score: card?.score ?? null,
      rank: card?.rank ?? null,
      objectionsUntil: dateOrNull(snapshot.objectionsUntil),
      windowOpen: snapshot.objectionsUntil !== null && deps.clock.now() <= snapshot.objectionsUntil,
      inEvaluation: card !== undefined,
    })
  }
  return page(
    c,
    {
      title: msg.agencyTitle,
      breadcrumbs: [HOME],
      ...banner,
      content: agencyOverviewPage({ agencyName: agency?.nameFa ?? '', periods: rows }),
    },
    status,
  )
}

/** «آیا مطمئن هستید؟» before a year is closed; a fresh one-time token each time it is shown. */
export async function renderConfirmClose(c: Context<AppEnv>, deps: Deps, period: string) {
  const method = await currentMethod(deps)
  return page(c, {
    title: msg.confirmTitle,
    breadcrumbs: [HOME, LIST],
    content: confirmClosePage({
      csrfToken: c.get('csrfToken'),
      onceToken: newFormOnceToken(),
      period,
      method: { version: method.version, nameFa: method.nameFa },
    }),
  })
}

function componentName(key: string): string {
  const parsed = componentKey.safeParse(key)
  return parsed.success ? COMPONENTS[parsed.data].nameFa : key
}

function number(n: number | null | undefined): string {
  return n === null || n === undefined ? msg.none : formatNumberFa(Math.round(n * 100) / 100)
}

function objectionView(o: Objection, agencyName: string): ObjectionView {
  return {
    id: o.id,
    agencyName,
    componentName: componentName(o.component),
    reasonFa: o.reasonFa,
    lodgedAt: formatDateFa(o.lodgedAt),
    status: o.status,
    answerFa: o.answerFa,
    corrected:
      o.status === 'accepted'
        ? `${msg.correctedValue}: ${number(o.correctedValue)}، ${msg.correctedN}: ${number(o.correctedN)}`
        : null,
    applied: o.appliedIn !== null,
  }
}

function scorecardView(card: Scorecard): ScorecardView {
  return {
    components: card.components.map((c) => ({
      key: c.key,
      nameFa: COMPONENTS[c.key].nameFa,
      weight: formatNumberFa(c.weight),
      value: number(c.observed?.value),
      n: c.observed ? formatNumberFa(c.observed.n) : msg.none,
      score: c.result.comparable
        ? formatNumberFa(Math.round(c.result.score * 100) / 100)
        : msg.notComparable[c.result.reason],
    })),
    score: msg.score(card.score),
    rank: msg.rank(card.rank),
  }
}

/** A refused form on the period page: which one, what was typed, and the messages. */
export type PeriodForm =
  | { kind: 'objection'; component: string; values: Record<string, string>; errors: FieldErrors }
  | { kind: 'answer'; objectionId: string; values: Record<string, string>; errors: FieldErrors }
  | { kind: 'correction'; values: Record<string, string>; errors: FieldErrors }

const fresh = (): FormState => ({ onceToken: newFormOnceToken(), values: {}, errors: {} })

/** `/admin/evaluation/{period}` for the centre or for an agency admin. */
export async function renderPeriod(
  c: Context<AppEnv>,
  deps: Deps,
  period: string,
  form: PeriodForm | null = null,
  status: ContentfulStatusCode = 200,
  done: Done = null,
) {
  const viewer = viewerOf(c)
  const snapshot = await currentSnapshot(deps.db, period)
  if (!snapshot) throw new NotFoundError('evaluation.period', msg.noSnapshot(period))
  const errors = form?.errors ?? {}
  const bad = Object.keys(errors).length > 0
  const title = msg.periodTitle(period)
  const common = {
    title: bad ? msg.errorTitle(title) : title,
    breadcrumbs: [HOME, LIST],
    ...(done && !bad ? { banner: { kind: 'success' as const, text: done.text } } : {}),
  }
  const withForm = (f: FormState, match: boolean): FormState =>
    match && form ? { ...f, values: form.values, errors: form.errors } : f

  if (viewer.kind === 'central') {
    const [objections, briefs, all] = await Promise.all([
      objectionsOfPeriod(deps.db, period),
      listAgencyBriefs(deps.db),
      listSnapshots(deps.db),
    ])
    const names = new Map(briefs.map((b) => [b.id, b.nameFa]))
    const answerForms: Record<string, FormState> = {}
    for (const o of objections)
      if (o.status === 'open')
        answerForms[o.id] = withForm(fresh(), form?.kind === 'answer' && form.objectionId === o.id)
    return page(
      c,
      {
        ...common,
        content: centralPeriodPage({
          csrfToken: c.get('csrfToken'),
          period,
          snapshot: snapshotInfo({ ...snapshot, agencies: snapshot.inputs.length }),
          earlier: all.filter((s) => s.period === period && s.id !== snapshot.id).map(snapshotInfo),
          objections: objections.map((o) => objectionView(o, names.get(o.agencyId) ?? '')),
          answerForms,
          pendingAccepted: objections.filter((o) => o.status === 'accepted' && !o.appliedIn).length,
          correction: withForm(fresh(), form?.kind === 'correction'),
          errors,
        }),
      },
      status,
    )
  }

  const [agency, own] = await Promise.all([
    findAgencyById(deps.db, viewer.agencyId),
    objectionsOfPeriod(deps.db, period, viewer.agencyId),
  ])
  const card = snapshot.scorecards.find((s) => s.agencyId === viewer.agencyId) ?? null
  const until = snapshot.status === 'provisional' ? null : snapshot.objectionsUntil
  const agencyName = agency?.nameFa ?? ''
  return page(
    c,
    {
      ...common,
      content: agencyPeriodPage({
        csrfToken: c.get('csrfToken'),
        period,
        agencyName,
        snapshot: snapshotInfo({ ...snapshot, agencies: snapshot.inputs.length }),
        card: card ? scorecardView(card) : null,
        until: until ? formatDateFa(until) : null,
        windowOpen: until !== null && deps.clock.now() <= until,
        objectForms: (card?.components ?? []).map((comp) => ({
          key: comp.key,
          nameFa: COMPONENTS[comp.key].nameFa,
          waiting: own.some((o) => o.component === comp.key && o.status === 'open'),
          form: withForm(fresh(), form?.kind === 'objection' && form.component === comp.key),
        })),
        objections: own.map((o) => objectionView(o, agencyName)),
        errors,
      }),
    },
    status,
  )
}
