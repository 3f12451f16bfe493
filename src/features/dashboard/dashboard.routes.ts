import { type Context, Hono } from 'hono'
import { html } from 'hono/html'
import type { Deps } from '../../deps.ts'
import { type Actor, isCentral, isCentralAdmin } from '../../lib/actor.ts'
import { toPersianDigits } from '../../lib/fa/index.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, type FormValues, parseForm, readForm } from '../../web/form.ts'
import { page, roleLabel } from '../../web/page.ts'
import { pageNumber } from '../../web/pagination.ts'
import { requireActor } from '../accounts/index.ts'
import {
  countAgencies,
  findAgencyById,
  LEVEL_LABELS,
  listAgenciesWithoutCredentials,
} from '../agencies/index.ts'
import { loadCalendarHorizonPanel } from '../calendar/index.ts'
import { qualityIssues } from '../catalogue/index.ts'
import { agencyDashboardPanel, centralDashboardPanel } from '../channels/index.ts'
import { countByState, listAgencyServices, servicesWithClock } from '../services/index.ts'
import {
  assertCanEditSettings,
  canEditSettings,
  centralBodyNameInput,
  directiveDateInput,
  loadPortalSettings,
  type PortalSettings,
  reviewPolicyInput,
  setCentralBodyName,
  setDirectiveDate,
  setReviewPolicy,
} from '../settings/index.ts'
import { directiveDeadline } from './deadline.ts'
import { msg } from './messages.fa.ts'
import { feedbackPanel, reviewsPanel } from './views/dashboard-reviews.ts'
import type { AgencyServicesView } from './views/dashboard-services.ts'
import { type CentralDashboardView, dashboardPage } from './views/dashboard-views.ts'

const PAGE_SIZE = 25

function settingsValues(s: PortalSettings): FormValues {
  return {
    'directiveDate-day': toPersianDigits(s.directiveDate.jd),
    'directiveDate-month': toPersianDigits(s.directiveDate.jm),
    'directiveDate-year': toPersianDigits(s.directiveDate.jy),
    centralBodyName: s.centralBodyName,
    cycleMonths: toPersianDigits(s.reviewPolicy.cycleMonths),
    dueSoonDays: toPersianDigits(s.reviewPolicy.dueSoonDays),
    dueDays: toPersianDigits(s.reviewPolicy.dueDays),
  }
}

const BANNERS: Record<string, string> = {
  password: msg.passwordChanged,
  'directive-date': msg.directiveDateSaved,
  'central-body': msg.centralBodySaved,
  'review-policy': msg.reviewPolicySaved,
}

/** The agency's services with an unpublished draft or missing items (R14). */
async function agencyServices(deps: Deps, agencyId: string): Promise<AgencyServicesView> {
  const rows = await listAgencyServices(deps.db, agencyId)
  const attention = rows
    .map((r) => {
      const latest = r.draft ?? r.published
      return {
        id: r.service.id,
        title: latest?.content.title ?? '',
        unpublishedDraft: r.draft !== undefined,
        issueCount: latest ? qualityIssues(latest.content).length : 0,
      }
    })
    .filter((r) => r.unpublishedDraft || r.issueCount > 0)
  return { total: rows.length, attention }
}

/** `/admin`: where every signed-in person lands; central staff follow directive item 3 here. */
export function dashboardRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  async function centralView(
    c: Context<AppEnv>,
    actor: Actor,
    settings: PortalSettings,
    values: FormValues,
    errors: FieldErrors,
  ): Promise<CentralDashboardView> {
    const current = pageNumber(c.req.query('page'))
    const [counts, pending] = await Promise.all([
      countAgencies(deps.db),
      listAgenciesWithoutCredentials(deps.db),
    ])
    const deadline = directiveDeadline(settings.directiveDate, deps.clock.now())
    return {
      canEditSettings: canEditSettings(actor),
      canIssue: isCentralAdmin(actor),
      centralBodyName: settings.centralBodyName,
      directiveDate: deadline.directiveDate,
      deadline: deadline.deadline,
      daysLeft: deadline.daysLeft,
      counts,
      pending: {
        items: pending.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((a) => ({
          code: a.code,
          nameFa: a.nameFa,
          levelLabel: LEVEL_LABELS[a.level],
        })),
        page: current,
        pageCount: Math.max(1, Math.ceil(pending.length / PAGE_SIZE)),
        href: (p) => `/admin?page=${p}`,
      },
      values: { ...settingsValues(settings), ...values },
      errors,
      channels: await centralDashboardPanel(deps),
      reviews: html`${reviewsPanel(countByState(await servicesWithClock(deps, null)), true)}${feedbackPanel(canEditSettings(actor))}`,
      // Only the central admin keeps the calendar, so only they are reminded.
      calendarHorizon: isCentralAdmin(actor)
        ? await loadCalendarHorizonPanel(deps, deps.clock.now())
        : html``,
    }
  }

  async function render(c: Context<AppEnv>, values: FormValues, errors: FieldErrors) {
    const actor = requireActor(c)
    const invalid = Object.keys(errors).length > 0
    const settings = await loadPortalSettings(deps.db)
    const agency = actor.agencyId ? await findAgencyById(deps.db, actor.agencyId) : undefined
    const banner = invalid ? undefined : BANNERS[c.req.query('changed') ?? '']
    return page(
      c,
      {
        title: invalid ? `خطا: ${msg.title}` : msg.title,
        ...(banner ? { banner: { kind: 'success' as const, text: banner } } : {}),
        content: dashboardPage({
          csrfToken: c.get('csrfToken'),
          displayName: actor.displayName,
          roleLabel: roleLabel(actor.role),
          central: isCentral(actor) ? await centralView(c, actor, settings, values, errors) : null,
          agency: isCentral(actor)
            ? null
            : {
                agency: agency ? { code: agency.code, nameFa: agency.nameFa } : null,
                roleLabel: roleLabel(actor.role),
                canManageUsers: actor.role === 'agency_admin',
                services: actor.agencyId ? await agencyServices(deps, actor.agencyId) : null,
                channels: actor.agencyId ? await agencyDashboardPanel(deps, actor.agencyId) : null,
                reviews: actor.agencyId
                  ? html`${reviewsPanel(countByState(await servicesWithClock(deps, actor.agencyId)), false)}${feedbackPanel(false)}`
                  : null,
              },
        }),
      },
      invalid ? 422 : 200,
    )
  }

  app.get('/', (c) => render(c, {}, {}))

  app.post('/directive-date', async (c) => {
    const actor = requireActor(c)
    assertCanEditSettings(actor)
    const values = await readForm(c)
    const form = parseForm(directiveDateInput, values)
    if (!form.ok) return render(c, values, form.errors)
    await setDirectiveDate(deps, actor, form.data)
    return c.redirect('/admin?changed=directive-date', 303)
  })

  app.post('/central-body', async (c) => {
    const actor = requireActor(c)
    assertCanEditSettings(actor)
    const values = await readForm(c)
    const form = parseForm(centralBodyNameInput, values)
    if (!form.ok) return render(c, values, form.errors)
    await setCentralBodyName(deps, actor, form.data.centralBodyName)
    return c.redirect('/admin?changed=central-body', 303)
  })

  app.post('/review-policy', async (c) => {
    const actor = requireActor(c)
    assertCanEditSettings(actor)
    const values = await readForm(c)
    const form = parseForm(reviewPolicyInput, values)
    if (!form.ok) return render(c, values, form.errors)
    await setReviewPolicy(deps, actor, form.data)
    return c.redirect('/admin?changed=review-policy', 303)
  })

  return app
}
