import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import {
  EDITABLE,
  type Indicator,
  type IndicatorVersion,
  SOURCES,
  type Source,
} from './indicator.model.ts'
import { assertCanProposeFor } from './indicator.policy.ts'
import { versionsOf } from './indicator.queries.ts'
import { indicatorOfCode } from './indicator-admin.read.ts'
import { definitionFields } from './indicator-forms.pages.ts'
import { publishedServicesOf, serviceTitlesOf } from './indicator-pages.queries.ts'
import {
  CATEGORY_LABELS,
  DIRECTION_LABELS,
  FREQUENCY_LABELS,
  SOURCE_LABELS,
  UNIT_LABELS,
} from './messages.fa.ts'
import { fieldMsg, pagesMsg as msg } from './pages.messages.fa.ts'
import type { ConflictChange } from './views/conflict-page.ts'
import type { DefinitionFormView } from './views/definition-form.ts'

const UUID = /^[0-9a-f-]{36}$/i

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
