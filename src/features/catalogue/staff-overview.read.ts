import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { findAgencyById } from '../agencies/index.ts'
import { channelsOverviewRow } from '../channels/index.ts'
import { formsOverviewRow } from '../forms/index.ts'
import { findLawsByIds } from '../laws/index.ts'
import { officeNamer, officesOverviewRow } from '../offices/index.ts'
import { processOverview } from '../processes/index.ts'
import type { Service, ServiceVersion } from '../services/index.ts'
import {
  CARD_SECTIONS,
  canEditServicesOf,
  canPublishServicesOf,
  doneBanner,
  editorMsg as em,
  findDraft,
  findPublished,
  findPublishRequest,
  publishRequestMsg,
  publishRequestView,
  SECTION_FIELDS,
  SECTION_LABELS,
  stampOfDraft,
} from '../services/index.ts'
import { FIELD_LABELS, fieldTexts } from './content.text.ts'
import { qualityIssues } from './service.quality.ts'
import { statusesOf } from './staff-list.read.ts'
import { type OverviewView, overviewPage, type SectionSummary } from './views/staff-overview.ts'

/** The draft's sections as the overview lists them, each field as plain lines. */
async function sectionSummaries(deps: Deps, draft: ServiceVersion): Promise<SectionSummary[]> {
  const c = draft.content
  const laws = await findLawsByIds(
    deps.db,
    c.legalBases.map((b) => b.lawId),
  )
  const titles = new Map(laws.map((l) => [l.id, l.title]))
  const texts = fieldTexts(c, (id) => titles.get(id) ?? em.lawRemoved, await officeNamer(deps, [c]))
  return CARD_SECTIONS.map((section) => ({
    section,
    label: SECTION_LABELS[section],
    fields: SECTION_FIELDS[section]
      .filter((f) => f !== 'noDocumentsRequired' || c.noDocumentsRequired)
      .map((f) => ({ label: FIELD_LABELS[f], lines: texts[f] })),
  }))
}

/** The draft's publishing-quality issues (R14) as form errors, shown above a refused publish. */
export function qualityErrors(draft: ServiceVersion | undefined): FieldErrors {
  if (!draft) return {}
  return Object.fromEntries(qualityIssues(draft.content).map((i, n) => [`quality-${n}`, i.message]))
}

/** The overview of one service at /admin/services/:id: its versions, the draft's sections
 * and issues, and what the actor may do. `values`/`errors` refill a refused publish or withdraw. */
export async function loadOverview(
  deps: Deps,
  actor: Actor,
  service: Service,
  form: { csrfToken: string; values: Record<string, string>; errors: FieldErrors },
): Promise<OverviewView> {
  const [draft, published, agency] = await Promise.all([
    findDraft(deps.db, service.id),
    findPublished(deps.db, service.id),
    findAgencyById(deps.db, service.agencyId),
  ])
  const canEdit = canEditServicesOf(actor, service.agencyId)
  return {
    csrfToken: form.csrfToken,
    serviceId: service.id,
    slug: service.slug,
    agencyNameFa: agency?.nameFa ?? '',
    title: draft?.content.title || published?.content.title || '',
    statuses: statusesOf(service, published, draft),
    withdrawnReason: service.withdrawnReason,
    published: published?.publishedAt
      ? { versionNo: published.versionNo, publishedAt: published.publishedAt }
      : null,
    draft: draft
      ? {
          versionNo: draft.versionNo,
          updatedAt: draft.updatedAt,
          stamp: stampOfDraft(draft),
          sections: await sectionSummaries(deps, draft),
          issues: qualityIssues(draft.content),
          process: processOverview(draft.content),
          forms: formsOverviewRow(service.id, draft.content, canEdit),
          offices: await officesOverviewRow(deps, service.id, draft.content, canEdit),
          channels: channelsOverviewRow(service.id, draft.content, canEdit),
          publishRequest: publishRequestView(await findPublishRequest(deps.db, draft.id), draft),
        }
      : null,
    canEdit,
    canPublish: canPublishServicesOf(actor, service.agencyId),
    canDiscard: published !== undefined || (draft?.versionNo ?? 1) > 1,
    values: form.values,
    errors: form.errors,
  }
}

/** The banner after «ارسال برای انتشار» (`?done=publish-requested` and its kin). */
export function requestBanner(c: Context<AppEnv>): { kind: 'success'; text: string } | undefined {
  const text = publishRequestMsg.done[c.req.query('done') ?? '']
  return text ? { kind: 'success', text } : undefined
}

/**
 * The overview page (422 with `errors`): shared by the overview route and the publish and
 * withdraw routes, which show it again when they refuse.
 */
export async function overviewResponse(
  c: Context<AppEnv>,
  deps: Deps,
  actor: Actor,
  service: Service,
  values: Record<string, string>,
  errors: FieldErrors,
): Promise<Response> {
  const view = await loadOverview(deps, actor, service, {
    csrfToken: c.get('csrfToken'),
    values,
    errors,
  })
  const invalid = Object.keys(errors).length > 0
  const banner = invalid ? undefined : (doneBanner(c) ?? requestBanner(c))
  return page(
    c,
    {
      title: `${invalid ? 'خطا: ' : ''}${view.title || em.untitled}`,
      breadcrumbs: [{ href: '/admin/services', text: em.listTitle }],
      ...(banner ? { banner } : {}),
      content: overviewPage(view),
    },
    invalid ? 422 : 200,
  )
}
