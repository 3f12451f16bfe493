import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { type Actor, assertSignedIn, isCentral } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { persianSortKey } from '../../lib/fa/collate.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors } from '../../web/form.ts'
import { plainValues, readFields } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { findAgencyByCode, findAgencyById, listAgencyBriefs } from '../agencies/index.ts'
import { channelsOverviewRow } from '../channels/index.ts'
import { formsOverviewRow, publicFormItems, staffFormHref } from '../forms/index.ts'
import { findLawsByIds } from '../laws/index.ts'
import { loadServiceOffices, officeNamer, officesOverviewRow } from '../offices/index.ts'
import { processOverview } from '../processes/index.ts'
import type { Service, ServiceStatus, ServiceVersion } from '../services/index.ts'
import {
  type AgencyServiceRow,
  assertCanEditServicesOf,
  CARD_SECTIONS,
  canEditServicesOf,
  canPublishServicesOf,
  createService,
  discardDraft,
  doneBanner,
  editorMsg as em,
  findDraft,
  findPublished,
  ID,
  listAgencyServices,
  newServiceForm,
  parseFields,
  publishForm,
  SECTION_FIELDS,
  SECTION_LABELS,
  staffService,
  startDraft,
  withAgencyAndLaws,
  withdrawForm,
} from '../services/index.ts'
import { FIELD_LABELS, fieldTexts } from './content.text.ts'
import { buildProcessSection } from './process-view.ts'
import { publishService, setServiceWithdrawn } from './publish.actions.ts'
import { qualityIssues } from './service.quality.ts'
import { type AdminServiceRow, adminListPage, newServicePage } from './views/staff-list.ts'
import { type OverviewView, overviewPage, type SectionSummary } from './views/staff-overview.ts'
import { previewPage } from './views/staff-preview.ts'

function statusesOf(
  service: Service,
  published: ServiceVersion | undefined,
  draft: ServiceVersion | undefined,
): ServiceStatus[] {
  const statuses: ServiceStatus[] = []
  if (published) statuses.push('published')
  if (draft) statuses.push('draft')
  if (service.withdrawnAt) statuses.push('withdrawn')
  return statuses
}

function listRow(r: AgencyServiceRow): AdminServiceRow {
  const latest = r.draft ?? r.published
  const times = [r.service.createdAt, r.draft?.updatedAt, r.published?.publishedAt].filter(
    (d): d is Date => d instanceof Date,
  )
  return {
    id: r.service.id,
    title: latest?.content.title ?? '',
    statuses: statusesOf(r.service, r.published, r.draft),
    versionNo: latest?.versionNo ?? 1,
    changedAt: new Date(Math.max(...times.map((d) => d.getTime()))),
    issueCount: r.draft ? qualityIssues(r.draft.content).length : null,
  }
}

async function agencyRows(deps: Deps, agencyId: string): Promise<AdminServiceRow[]> {
  const rows = (await listAgencyServices(deps.db, agencyId)).map(listRow)
  return rows
    .map((r) => ({ r, key: persianSortKey(r.title) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ r }) => r)
}

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

function qualityErrors(draft: ServiceVersion | undefined): FieldErrors {
  if (!draft) return {}
  return Object.fromEntries(qualityIssues(draft.content).map((i, n) => [`quality-${n}`, i.message]))
}

/**
 * `/admin/services`: the agency staff's editor of their services (R2–R4, R8, R14).
 * Mounted by app.ts; every write goes through the service actions, which
 * authorise it again.
 */
export function serviceAdminRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    const actor = c.get('actor')
    assertSignedIn(actor)
    const code = c.req.query('agency') ?? ''
    if (isCentral(actor)) {
      const choices = (await listAgencyBriefs(deps.db)).map((a) => ({
        code: a.code,
        nameFa: a.nameFa,
      }))
      const agency = code ? await findAgencyByCode(deps.db, code) : undefined
      if (code && !agency) throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
      return page(c, {
        title: agency ? em.listTitleOf(agency.nameFa) : em.listTitle,
        content: adminListPage({
          heading: agency ? em.listTitleOf(agency.nameFa) : em.listTitle,
          rows: agency ? await agencyRows(deps, agency.id) : [],
          canCreate: false,
          readOnly: true,
          agencyPicker: { choices, selected: agency?.code ?? '' },
        }),
      })
    }
    const agency = actor.agencyId ? await findAgencyById(deps.db, actor.agencyId) : undefined
    if (!agency || (code && code !== agency.code))
      throw new ForbiddenError('services.view', em.forbiddenView)
    const banner = doneBanner(c)
    return page(c, {
      title: em.listTitleOf(agency.nameFa),
      ...(banner ? { banner } : {}),
      content: adminListPage({
        heading: em.listTitleOf(agency.nameFa),
        rows: await agencyRows(deps, agency.id),
        canCreate: canEditServicesOf(actor, agency.id),
        readOnly: false,
        agencyPicker: null,
      }),
    })
  })

  const newForm = (c: Context<AppEnv>, values: Record<string, string>, errors: FieldErrors) =>
    page(
      c,
      {
        title: Object.keys(errors).length ? `خطا: ${em.newTitle}` : em.newTitle,
        breadcrumbs: [{ href: '/admin/services', text: em.listTitle }],
        content: newServicePage({ csrfToken: c.get('csrfToken'), values, errors }),
      },
      Object.keys(errors).length ? 422 : 200,
    )

  const assertCanCreate = (actor: Actor | null): Actor => {
    assertSignedIn(actor)
    assertCanEditServicesOf(actor, actor.agencyId ?? '')
    return actor
  }

  app.get('/new', (c) => {
    assertCanCreate(c.get('actor'))
    return newForm(c, {}, {})
  })

  app.post('/new', async (c) => {
    const actor = assertCanCreate(c.get('actor'))
    const values = plainValues(await readFields(c))
    const parsed = parseFields(newServiceForm, values)
    if (!parsed.ok) return newForm(c, values, parsed.errors)
    const result = await createService(deps, actor, parsed.data)
    if (!result.ok) return newForm(c, values, result.errors)
    return c.redirect(`/admin/services/${result.service.id}?done=created`, 303)
  })

  async function overview(
    c: Context<AppEnv>,
    actor: Actor,
    service: Service,
    values: Record<string, string>,
    errors: FieldErrors,
  ) {
    const [draft, published, agency] = await Promise.all([
      findDraft(deps.db, service.id),
      findPublished(deps.db, service.id),
      findAgencyById(deps.db, service.agencyId),
    ])
    const invalid = Object.keys(errors).length > 0
    const title = draft?.content.title || published?.content.title || ''
    const view: OverviewView = {
      csrfToken: c.get('csrfToken'),
      serviceId: service.id,
      slug: service.slug,
      agencyNameFa: agency?.nameFa ?? '',
      title,
      statuses: statusesOf(service, published, draft),
      withdrawnReason: service.withdrawnReason,
      published: published?.publishedAt
        ? { versionNo: published.versionNo, publishedAt: published.publishedAt }
        : null,
      draft: draft
        ? {
            versionNo: draft.versionNo,
            updatedAt: draft.updatedAt,
            sections: await sectionSummaries(deps, draft),
            issues: qualityIssues(draft.content),
            process: processOverview(draft.content),
            forms: formsOverviewRow(
              service.id,
              draft.content,
              canEditServicesOf(actor, service.agencyId),
            ),
            offices: await officesOverviewRow(
              deps,
              service.id,
              draft.content,
              canEditServicesOf(actor, service.agencyId),
            ),
            channels: channelsOverviewRow(
              service.id,
              draft.content,
              canEditServicesOf(actor, service.agencyId),
            ),
          }
        : null,
      canEdit: canEditServicesOf(actor, service.agencyId),
      canPublish: canPublishServicesOf(actor, service.agencyId),
      canDiscard: published !== undefined || (draft?.versionNo ?? 1) > 1,
      values,
      errors,
    }
    const banner = invalid ? undefined : doneBanner(c)
    return page(
      c,
      {
        title: `${invalid ? 'خطا: ' : ''}${title || em.untitled}`,
        breadcrumbs: [{ href: '/admin/services', text: em.listTitle }],
        ...(banner ? { banner } : {}),
        content: overviewPage(view),
      },
      invalid ? 422 : 200,
    )
  }

  app.get(`/:id${ID}`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'view')
    return overview(c, actor, service, {}, {})
  })

  app.post(`/:id${ID}/draft`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'edit')
    await startDraft(deps, actor, service.id)
    return c.redirect(`/admin/services/${service.id}?done=started`, 303)
  })

  app.post(`/:id${ID}/discard`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'edit')
    await discardDraft(deps, actor, service.id)
    return c.redirect(`/admin/services/${service.id}?done=discarded`, 303)
  })

  app.post(`/:id${ID}/publish`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'publish')
    const values = plainValues(await readFields(c))
    const parsed = parseFields(publishForm, values)
    if (!parsed.ok) {
      const draft = await findDraft(deps.db, service.id)
      return overview(c, actor, service, values, { ...qualityErrors(draft), ...parsed.errors })
    }
    const result = await publishService(deps, actor, service.id, parsed.data.changeNote)
    if (!result.ok) return overview(c, actor, service, values, result.errors)
    return c.redirect(`/admin/services/${service.id}?done=published`, 303)
  })

  app.post(`/:id${ID}/withdraw`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'publish')
    const values = plainValues(await readFields(c))
    const parsed = parseFields(withdrawForm, values)
    if (!parsed.ok) return overview(c, actor, service, values, parsed.errors)
    await setServiceWithdrawn(deps, actor, service.id, parsed.data.reason)
    return c.redirect(`/admin/services/${service.id}?done=withdrawn`, 303)
  })

  app.post(`/:id${ID}/restore`, async (c) => {
    const { actor, service } = await staffService(deps, c, c.req.param('id'), 'publish')
    await setServiceWithdrawn(deps, actor, service.id, null)
    return c.redirect(`/admin/services/${service.id}?done=restored`, 303)
  })

  app.get(`/:id${ID}/preview`, async (c) => {
    const { service } = await staffService(deps, c, c.req.param('id'), 'view')
    const draft = await findDraft(deps.db, service.id)
    if (!draft) throw new NotFoundError('service.no-draft', em.previewNoDraft)
    const s = await withAgencyAndLaws(deps, service, draft)
    c.header('X-Robots-Tag', 'noindex, nofollow')
    c.header('Cache-Control', 'private, no-store')
    return page(c, {
      title: `${em.previewTitle}: ${draft.content.title || em.untitled}`,
      breadcrumbs: [
        { href: '/admin/services', text: em.listTitle },
        { href: `/admin/services/${service.id}`, text: draft.content.title || em.untitled },
      ],
      content: previewPage({
        serviceId: service.id,
        page: {
          slug: service.slug,
          content: draft.content,
          agency: s.agency,
          laws: s.laws,
          versionNo: draft.versionNo,
          publishedAt: null,
          withdrawnReason: service.withdrawnReason,
          historicNote: null,
          process: await buildProcessSection(deps, {
            slug: service.slug,
            content: draft.content,
            versionId: null,
            start: deps.clock.now(),
            ask: { values: {}, error: null },
          }),
          jsonLd: null,
          forms: await publicFormItems(deps.db, draft.content.forms, (sha) =>
            staffFormHref(service.id, sha),
          ),
          offices: (
            await loadServiceOffices(
              deps,
              draft.content.offices,
              { province: c.req.query('province'), city: c.req.query('city') },
              `/admin/services/${service.id}/preview`,
              deps.clock.now(),
            )
          ).view,
        },
      }),
    })
  })

  return app
}
