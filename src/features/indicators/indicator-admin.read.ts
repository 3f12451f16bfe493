import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { type JalaliDate, tehranDateOf } from '../../lib/fa/index.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import { findAgencyByCode, findAgencyById } from '../agencies/index.ts'
import { loadPortalSettings } from '../settings/index.ts'
import {
  EDITABLE,
  type Indicator,
  type IndicatorVersion,
  OPEN,
  SOURCES,
  type Source,
} from './indicator.model.ts'
import { assertCanProposeFor, assertCanSee, canProposeFor } from './indicator.policy.ts'
import {
  decisionsOf,
  findIndicatorByCode,
  findVersionById,
  type IndicatorListRow,
  listIndicators,
  versionsOf,
} from './indicator.queries.ts'
import { definitionFields } from './indicator-forms.pages.ts'
import {
  deadlineAgencies,
  publishedServicesOf,
  serviceTitlesOf,
} from './indicator-pages.queries.ts'
import {
  CATEGORY_LABELS,
  DIRECTION_LABELS,
  FREQUENCY_LABELS,
  SOURCE_LABELS,
  UNIT_LABELS,
} from './messages.fa.ts'
import { fieldMsg, pagesMsg as msg } from './pages.messages.fa.ts'
import { isoDayOf } from './period.ts'
import { proposalStanding } from './proposal-deadline.ts'
import type { BoardRow, CentralView, QueueRow } from './views/central-page.ts'
import type { ConflictChange } from './views/conflict-page.ts'
import type { DefinitionFormView } from './views/definition-form.ts'
import type { ScopeLine } from './views/indicator-common.ts'
import type { AgencyListView, IndicatorRow } from './views/indicator-lists.ts'
import type { IndicatorPageView, VersionView } from './views/indicator-page.ts'

/** A code as the portal gives them: `S-<agency>-<nn>` or `G-…`. */
export const CODE = '{[A-Z][A-Z0-9-]{1,39}}'
const UUID = /^[0-9a-f-]{36}$/i

/** Days from one Tehran day to another. */
export function daysBetween(from: JalaliDate, to: JalaliDate): number {
  return Math.round(
    (Date.parse(`${isoDayOf(to)}T00:00:00Z`) - Date.parse(`${isoDayOf(from)}T00:00:00Z`)) /
      86_400_000,
  )
}

function rowOf(r: IndicatorListRow): IndicatorRow {
  return {
    code: r.indicator.code,
    nameFa: (r.approved ?? r.open ?? r.latest).nameFa,
    kind: r.indicator.kind,
    inForce: r.approved
      ? { versionNo: r.approved.versionNo, unit: r.approved.unit, targets: r.approved.targets }
      : null,
    open: r.open ? { versionNo: r.open.versionNo, state: r.open.state } : null,
    latestState: r.latest.state,
  }
}

/** One agency's indicators (its specific ones, then the general ones that apply to it). */
async function agencyList(
  deps: Deps,
  actor: Actor,
  agency: { id: string; nameFa: string },
): Promise<AgencyListView> {
  const rows = await listIndicators(deps.db, { agencyId: agency.id, withGeneral: true })
  return {
    title: msg.agencyTitleOf(agency.nameFa),
    backToCentral: isCentral(actor),
    canPropose: canProposeFor(actor, { kind: 'specific', agencyId: agency.id }),
    specific: rows.filter((r) => r.indicator.kind === 'specific').map(rowOf),
    general: rows.filter((r) => r.indicator.kind === 'general').map(rowOf),
  }
}

const STANDING_ORDER = { overdue: 0, waiting: 1, proposed: 2, 'no-credentials': 3 } as const

/** The centre's overview: the queue oldest first, the deadline board, the general indicators. */
async function centralView(deps: Deps): Promise<CentralView> {
  const now = deps.clock.now()
  const today = tehranDateOf(now)
  const [rows, agencies, settings] = await Promise.all([
    listIndicators(deps.db, {}),
    deadlineAgencies(deps.db),
    loadPortalSettings(deps.db),
  ])
  const queue: QueueRow[] = rows
    .flatMap((r) =>
      r.open?.state === 'submitted' && r.open.submittedAt
        ? [
            {
              code: r.indicator.code,
              nameFa: r.open.nameFa,
              versionNo: r.open.versionNo,
              agencyNameFa: r.agencyNameFa,
              submittedAt: r.open.submittedAt,
              waitingDays: Math.max(0, daysBetween(tehranDateOf(r.open.submittedAt), today)),
            },
          ]
        : [],
    )
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
  const counts = new Map<string, { approved: number; waiting: number; other: number }>()
  for (const r of rows) {
    if (r.indicator.agencyId === null) continue
    const c = counts.get(r.indicator.agencyId) ?? { approved: 0, waiting: 0, other: 0 }
    if (r.approved) c.approved++
    else if (r.open?.state === 'submitted') c.waiting++
    else c.other++
    counts.set(r.indicator.agencyId, c)
  }
  const board: BoardRow[] = agencies
    .map((a) => {
      const standing = proposalStanding(settings.directiveDate, a, now)
      return {
        code: a.code,
        nameFa: a.nameFa,
        standing,
        lateDays:
          standing.kind === 'proposed' && standing.late
            ? daysBetween(standing.deadline, tehranDateOf(standing.firstSubmittedAt))
            : 0,
        ...(counts.get(a.id) ?? { approved: 0, waiting: 0, other: 0 }),
      }
    })
    .sort((a, b) => {
      const s = STANDING_ORDER[a.standing.kind] - STANDING_ORDER[b.standing.kind]
      if (s !== 0) return s
      if (a.standing.kind === 'overdue' && b.standing.kind === 'overdue')
        return b.standing.daysLate - a.standing.daysLate
      if (a.standing.kind === 'waiting' && b.standing.kind === 'waiting')
        return a.standing.daysLeft - b.standing.daysLeft
      return b.lateDays - a.lateDays
    })
  return {
    queue,
    board,
    general: rows.filter((r) => r.indicator.kind === 'general').map(rowOf),
  }
}

export type StaffListPage =
  | { kind: 'agency'; view: AgencyListView }
  | { kind: 'central'; view: CentralView }

/**
 * `/admin/indicators`: the centre's overview (or, with `?agency=<code>`, one agency's list);
 * for agency staff, their agency's list.
 */
export async function loadStaffList(
  deps: Deps,
  actor: Actor,
  agencyCode: string | undefined,
): Promise<StaffListPage> {
  if (isCentral(actor)) {
    if (!agencyCode) return { kind: 'central', view: await centralView(deps) }
    const agency = /^[0-9A-Za-z-]{1,40}$/.test(agencyCode)
      ? await findAgencyByCode(deps.db, agencyCode)
      : undefined
    if (!agency) throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
    return { kind: 'agency', view: await agencyList(deps, actor, agency) }
  }
  if (!actor.agencyId) throw new ForbiddenError('indicators.see', msg.proposerOnly)
  const agency = await findAgencyById(deps.db, actor.agencyId)
  if (!agency) throw new ForbiddenError('indicators.see', msg.proposerOnly)
  return { kind: 'agency', view: await agencyList(deps, actor, agency) }
}

/** The indicator named by a URL, or 404; the person must be allowed to see it. */
export async function indicatorOfCode(
  deps: Deps,
  actor: Actor | null,
  code: string,
): Promise<Indicator> {
  const indicator = await findIndicatorByCode(deps.db, code)
  if (!indicator) throw new NotFoundError('indicator.not-found', 'این شاخص پیدا نشد.')
  assertCanSee(actor, indicator)
  return indicator
}

/** A version named by a URL, checked to belong to the indicator of the URL's code. */
export async function versionOfCode(
  deps: Deps,
  actor: Actor | null,
  code: string,
  versionId: string,
): Promise<{ indicator: Indicator; version: IndicatorVersion }> {
  const indicator = await indicatorOfCode(deps, actor, code)
  const version = UUID.test(versionId) ? await findVersionById(deps.db, versionId) : undefined
  if (!version || version.indicatorId !== indicator.id)
    throw new NotFoundError('indicator.not-found', 'این نسخهٔ شاخص پیدا نشد.')
  return { indicator, version }
}

async function scopeLines(deps: Deps, versions: IndicatorVersion[]) {
  const titles = await serviceTitlesOf(deps.db, [
    ...new Set(versions.flatMap((v) => v.scopeServiceIds)),
  ])
  return (v: IndicatorVersion): ScopeLine[] =>
    v.scopeServiceIds.map((id) => {
      const s = titles.get(id)
      return s ? { title: s.title, slug: s.published ? s.slug : null } : { title: id, slug: null }
    })
}

function versionView(v: IndicatorVersion, scope: ScopeLine[]): VersionView {
  return {
    id: v.id,
    versionNo: v.versionNo,
    state: v.state,
    revision: v.revision,
    definition: v,
    scope,
    submittedAt: v.submittedAt,
    decidedAt: v.decidedAt,
  }
}

/** `/admin/indicators/<code>`: what the person sees of one indicator and what they may do. */
export async function loadIndicatorPage(
  deps: Deps,
  actor: Actor | null,
  code: string,
  decideForm: { values: Record<string, string>; errors: FieldErrors } = {
    values: {},
    errors: {},
  },
): Promise<Omit<IndicatorPageView, 'csrfToken'>> {
  const indicator = await indicatorOfCode(deps, actor, code)
  const [versions, history, agency] = await Promise.all([
    versionsOf(deps.db, indicator.id),
    decisionsOf(deps.db, indicator.id),
    indicator.agencyId ? findAgencyById(deps.db, indicator.agencyId) : undefined,
  ])
  const scopeOf = await scopeLines(deps, versions)
  const inForce = versions.find((v) => v.state === 'approved')
  const open = versions.find((v) => OPEN.includes(v.state))
  const proposer = canProposeFor(actor, indicator)
  const central = isCentral(actor)
  const editable = open !== undefined && EDITABLE.includes(open.state)
  const submitted = open?.state === 'submitted'
  const ownProposal = submitted && open.createdBy === actor?.userId
  return {
    code: indicator.code,
    kind: indicator.kind,
    agencyNameFa: agency?.nameFa ?? null,
    inForce: inForce ? versionView(inForce, scopeOf(inForce)) : null,
    open: open ? versionView(open, scopeOf(open)) : null,
    history: history.map((d) => ({
      versionNo: d.versionNo,
      action: d.action,
      actorName: d.actorName,
      at: d.at,
      comment: d.comment,
      untilDay: d.untilDay,
    })),
    can: {
      edit: proposer && editable,
      submit: proposer && editable,
      withdraw: proposer && open !== undefined,
      newVersion: proposer && inForce !== undefined && open === undefined,
      decide: central && submitted && !ownProposal,
    },
    decideNote: central && ownProposal ? msg.ownProposal : null,
    actionsNote: central
      ? null
      : submitted
        ? msg.waitingDecision
        : editable && !proposer
          ? msg.proposerOnly
          : null,
    decideForm,
  }
}

/** Sources an owner may choose: the portal computes only the centre's general indicators. */
function sourcesFor(indicator: Pick<Indicator, 'kind'>): readonly Source[] {
  return indicator.kind === 'general' ? SOURCES : SOURCES.filter((s) => s !== 'computed')
}

/** The «پیشنهاد شاخص تازه» form of the person's agency (only its admin may propose). */
export async function loadProposalForm(
  deps: Deps,
  actor: Actor | null,
  form: { fields: FormFields; errors: FieldErrors } = { fields: {}, errors: {} },
): Promise<Omit<DefinitionFormView, 'csrfToken'>> {
  const owner = { kind: 'specific' as const, agencyId: actor?.agencyId ?? null }
  assertCanProposeFor(actor, owner)
  const agencyId = actor.agencyId ?? ''
  return {
    title: msg.proposeTitle,
    caption: actor.agencyNameFa ?? '',
    lead: msg.proposeLead,
    action: '/admin/indicators/new',
    submitLabel: msg.saveDraft,
    backHref: '/admin/indicators',
    fields: form.fields,
    errors: form.errors,
    services: await publishedServicesOf(deps.db, agencyId),
    scopeNone: fieldMsg.scopeServiceIds.none,
    sources: sourcesFor(owner),
  }
}

/** The edit form of an indicator's open proposal (a draft or one returned for changes). */
export async function loadEditForm(
  deps: Deps,
  actor: Actor | null,
  code: string,
  form?: { fields: FormFields; errors: FieldErrors; revision: number },
): Promise<Omit<DefinitionFormView, 'csrfToken'>> {
  const indicator = await indicatorOfCode(deps, actor, code)
  assertCanProposeFor(actor, indicator)
  const open = (await versionsOf(deps.db, indicator.id)).find((v) => EDITABLE.includes(v.state))
  if (!open) throw new NotFoundError('indicator.no-draft', 'این شاخص پیشنهاد ویرایش‌پذیری ندارد.')
  return {
    title: msg.editTitleOf(open.nameFa),
    caption: `${indicator.code} · ${msg.versionOf(open.versionNo)}`,
    lead: msg.proposeLead,
    action: `/admin/indicators/${indicator.code}/versions/${open.id}`,
    submitLabel: msg.saveChanges,
    backHref: `/admin/indicators/${indicator.code}`,
    revision: form?.revision ?? open.revision,
    fields: form?.fields ?? definitionFields(open),
    errors: form?.errors ?? {},
    services: indicator.agencyId ? await publishedServicesOf(deps.db, indicator.agencyId) : [],
    scopeNone: indicator.agencyId
      ? fieldMsg.scopeServiceIds.none
      : fieldMsg.scopeServiceIds.general,
    sources: sourcesFor(indicator),
  }
}

const CHOICE_LABELS: Record<string, Record<string, string>> = {
  category: CATEGORY_LABELS,
  unit: UNIT_LABELS,
  direction: DIRECTION_LABELS,
  frequency: FREQUENCY_LABELS,
  source: SOURCE_LABELS,
}

const LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(fieldMsg).map(([k, v]) => [k, v.label]),
)

/** Where the saved version and what the person typed differ, field by field, for the 409 page. */
export async function conflictChanges(
  deps: Deps,
  version: IndicatorVersion,
  typed: FormFields,
): Promise<ConflictChange[]> {
  const saved = definitionFields(version)
  const titles = await serviceTitlesOf(deps.db, [
    ...version.scopeServiceIds,
    ...[typed.scopeServiceIds ?? []].flat().filter((id) => UUID.test(id)),
  ])
  const show = (name: string, v: string | string[] | undefined): string => {
    const list = v === undefined ? [] : Array.isArray(v) ? v : [v]
    if (name === 'scopeServiceIds')
      return list.length
        ? list.map((id) => titles.get(id)?.title ?? id).join('، ')
        : msg.wholeAgency
    return list.map((x) => CHOICE_LABELS[name]?.[x] ?? x).join('، ')
  }
  return Object.keys(LABELS).flatMap((name) => {
    const current = show(name, saved[name])
    const mine = show(name, typed[name])
    return current.trim() === mine.trim() ? [] : [{ label: LABELS[name] ?? name, current, mine }]
  })
}
