import type { Deps } from '../../deps.ts'
import { type Actor, isCentral } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { FieldErrors } from '../../web/form.ts'
import { findAgencyById } from '../agencies/index.ts'
import { EDITABLE, type Indicator, type IndicatorVersion, OPEN } from './indicator.model.ts'
import { assertCanSee, canProposeFor } from './indicator.policy.ts'
import {
  decisionsOf,
  findIndicatorByCode,
  findVersionById,
  versionsOf,
} from './indicator.queries.ts'
import { serviceTitlesOf } from './indicator-pages.queries.ts'
import { loadValuesSection } from './indicator-values.read.ts'
import { pagesMsg as msg } from './pages.messages.fa.ts'
import type { ScopeLine } from './views/indicator-common.ts'
import type { IndicatorPageView, VersionView } from './views/indicator-page.ts'

/** A code as the portal gives them: `S-<agency>-<nn>` or `G-…`. */
export const CODE = '{[A-Z][A-Z0-9-]{1,39}}'
const UUID = /^[0-9a-f-]{36}$/i

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
  valuesForm: { values: Record<string, string>; errors: FieldErrors } = { values: {}, errors: {} },
): Promise<Omit<IndicatorPageView, 'csrfToken' | 'newVersionOnce'>> {
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
    values: await loadValuesSection(deps, actor, indicator, inForce),
    valuesForm,
  }
}
