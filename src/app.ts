import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { except } from 'hono/combine'
import { HTTPException } from 'hono/http-exception'
import type { Deps } from './deps.ts'
import { credentialRoutes } from './features/accounts/credentials.routes.ts'
import { loadActor, sessionCookieName } from './features/accounts/index.ts'
import { signInRoutes } from './features/accounts/sign-in.routes.ts'
import { tokenRoutes } from './features/accounts/tokens.routes.ts'
import { userListRoutes } from './features/accounts/user-list.routes.ts'
import { userPageRoutes } from './features/accounts/user-page.routes.ts'
import { agencyApiRoutes } from './features/agencies/agency.api.routes.ts'
import { agencyAdminRoutes } from './features/agencies/agency-admin.routes.ts'
import { agencyPublicRoutes } from './features/agencies/agency-public.routes.ts'
import { auditRoutes } from './features/audit/audit.routes.ts'
import { calendarAdminRoutes, calendarPublicRoutes } from './features/calendar/calendar.routes.ts'
import { agencyPageRoutes } from './features/catalogue/agency-page.routes.ts'
import { serviceEditorRoutes } from './features/catalogue/card-editor.routes.ts'
import { serviceListEditorRoutes } from './features/catalogue/card-editor-lists.routes.ts'
import { serviceListRoutes } from './features/catalogue/service-list.routes.ts'
import { servicePublicRoutes } from './features/catalogue/service-page.routes.ts'
import { serviceApiRoutes } from './features/catalogue/services.api.routes.ts'
import { serviceWriteApiRoutes } from './features/catalogue/services.api.write.routes.ts'
import { serviceAdminRoutes } from './features/catalogue/staff.routes.ts'
import { servicePublishRoutes } from './features/catalogue/staff-publish.routes.ts'
import { serviceOverviewRoutes } from './features/catalogue/staff-service.routes.ts'
import { serviceSlugRoutes } from './features/catalogue/staff-slug.routes.ts'
import { channelApiRoutes } from './features/channels/channel.api.routes.ts'
import { channelEditRoutes } from './features/channels/channel-edit.routes.ts'
import { channelEditorRoutes } from './features/channels/channel-editor.routes.ts'
import { channelHelpRoutes } from './features/channels/channel-help.routes.ts'
import { maturityApiRoutes } from './features/channels/maturity.api.routes.ts'
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts'
import { complianceApiRoutes } from './features/evaluation/compliance.api.routes.ts'
import { complianceRoutes } from './features/evaluation/compliance.routes.ts'
import { evaluationApiRoutes } from './features/evaluation/evaluation.api.routes.ts'
import { evaluationPublicRoutes } from './features/evaluation/evaluation-public.routes.ts'
import { evaluationStaffRoutes } from './features/evaluation/evaluation-staff.routes.ts'
import { evaluationObjectionRoutes } from './features/evaluation/evaluation-staff-objections.routes.ts'
import { agencyEvaluationSection } from './features/evaluation/index.ts'
import { methodAdminRoutes } from './features/evaluation/method-admin.routes.ts'
import { feedbackDashboardRoutes } from './features/feedback/dashboard.routes.ts'
import { helpfulRoutes } from './features/feedback/helpful.routes.ts'
import { helpfulSettingsRoutes } from './features/feedback/helpful-settings.routes.ts'
import { isHelpfulVotePath } from './features/feedback/index.ts'
import { feedbackOpenDataApiRoutes } from './features/feedback/open-data.api.routes.ts'
import { ratingRoutes } from './features/feedback/rating.routes.ts'
import { reportApiRoutes } from './features/feedback/report.api.routes.ts'
import { reportFormRoutes, reportStatusRoutes } from './features/feedback/report.routes.ts'
import { reportAdminRoutes } from './features/feedback/report-admin.routes.ts'
import { transactionApiRoutes } from './features/feedback/transaction.api.routes.ts'
import { formEditRoutes } from './features/forms/form-edit.routes.ts'
import { formApiRoutes } from './features/forms/forms.api.routes.ts'
import { formDownloadRoutes } from './features/forms/forms.download.routes.ts'
import { formsSectionRoutes } from './features/forms/forms-section.routes.ts'
import { formUploadBodyLimit, isFormUploadPath } from './features/forms/index.ts'
import { homeRoutes } from './features/home/home.routes.ts'
import { agencyIndicatorsSection } from './features/indicators/index.ts'
import { indicatorApiRoutes } from './features/indicators/indicator.api.routes.ts'
import { indicatorAdminRoutes } from './features/indicators/indicator-admin.routes.ts'
import { indicatorLadderRoutes } from './features/indicators/indicator-ladder.routes.ts'
import { indicatorPublicRoutes } from './features/indicators/indicator-public.routes.ts'
import { indicatorUploadRoutes } from './features/indicators/indicator-upload.routes.ts'
import { indicatorValueRoutes } from './features/indicators/indicator-values.routes.ts'
import { indicatorsOpenDataApiRoutes } from './features/indicators/open-data.api.routes.ts'
import { lawAdminRoutes, lawPublicRoutes } from './features/laws/law.routes.ts'
import { inboxRoutes } from './features/notifications/inbox.routes.ts'
import { loadUnreadCount } from './features/notifications/index.ts'
import { outboxRoutes } from './features/notifications/outbox.routes.ts'
import { preferenceRoutes } from './features/notifications/preferences.routes.ts'
import { officeApiRoutes } from './features/offices/office.api.routes.ts'
import { officeWriteApiRoutes } from './features/offices/office.api.write.routes.ts'
import { officeAdminRoutes } from './features/offices/office-admin.routes.ts'
import { officeDayRoutes } from './features/offices/office-days.routes.ts'
import { officeLinkRoutes } from './features/offices/office-links.routes.ts'
import { officePublicRoutes } from './features/offices/office-public.routes.ts'
import { openDataRoutes } from './features/opendata/open-data.routes.ts'
import { opendataApiRoutes } from './features/opendata/opendata.api.routes.ts'
import { processEditorRoutes } from './features/processes/editor/process-editor.routes.ts'
import { processImportRoutes } from './features/processes/editor/process-import.routes.ts'
import { processStepRoutes } from './features/processes/editor/process-steps.routes.ts'
import { processTransitionRoutes } from './features/processes/editor/process-transitions.routes.ts'
import { processInteropApiRoutes } from './features/processes/interop/api.routes.ts'
import { reviewAuditRoutes } from './features/reviews/audit.routes.ts'
import { reviewApiRoutes } from './features/reviews/review.api.routes.ts'
import { reviewRoutes } from './features/reviews/review.routes.ts'
import { searchApiRoutes } from './features/search/search.api.routes.ts'
import { searchRoutes } from './features/search/search.routes.ts'
import { loadCentralBodyName } from './features/settings/index.ts'
import { sitePageRoutes } from './features/site-pages/site-pages.routes.ts'
import { createApi, OPENAPI_INFO } from './web/api.ts'
import { apiDocsRoutes } from './web/api-docs.ts'
import { sanitizedBody } from './web/body.ts'
import { cachePolicy } from './web/cache-policy.ts'
import { csrfProtection } from './web/csrf.ts'
import type { AppEnv } from './web/env.ts'
import { handleError, handleNotFound } from './web/error-handler.ts'
import { apiEtag } from './web/etag.ts'
import { healthRoutes } from './web/health.ts'
import { requestLog } from './web/request-log.ts'
import { securityHeaders } from './web/security-headers.ts'
import { assetRoutes, faviconRoutes, loadAssets } from './web/static.ts'

/**
 * Builds the whole web application: plumbing first, then every feature's routes, listed here.
 * This is the only module that imports route modules (`npm run depcheck` enforces it).
 */
export function buildApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.use(requestLog(deps.log))
  app.use(securityHeaders(deps.config))
  // Who may keep each response, and for how long (web/cache-policy.ts).
  app.use(cachePolicy(deps.config))
  app.route(
    '/',
    healthRoutes(deps.db, () => deps.lifecycle.draining),
  )
  app.route('/assets', assetRoutes(loadAssets()))
  app.route('/', faviconRoutes())
  app.use(
    except(
      (c) => isFormUploadPath(c.req.path),
      bodyLimit({
        maxSize: 1024 * 1024,
        onError: () => {
          throw new HTTPException(413)
        },
      }),
    ),
  )
  app.use(formUploadBodyLimit())
  // Every form and JSON body is parsed and sanitised here, before anything reads it.
  app.use(sanitizedBody())
  app.use(
    csrfProtection({
      ...deps.config,
      sessionCookie: sessionCookieName(deps.config.env),
      // The helpful vote sits on the cached service page, which carries no visitor's token.
      tokenlessPath: isHelpfulVotePath,
    }),
  )
  app.use(loadActor(deps))
  // The header's unread count, for signed-in staff only (never a cached public page).
  app.use(loadUnreadCount(deps))
  // The central body's name for every page's footer, held in memory (features/settings).
  app.use(loadCentralBodyName(deps))

  // Pages
  app.route('/', homeRoutes(deps))
  app.route('/', searchRoutes(deps))
  app.route('/', signInRoutes(deps))
  app.route('/agencies', agencyPublicRoutes(deps))
  // The agency page lists the agency's indicators too; indicators sit above the catalogue.
  app.route(
    '/agencies',
    agencyPageRoutes(deps, [agencyIndicatorsSection(deps), agencyEvaluationSection(deps)]),
  )
  app.route('/indicators', indicatorPublicRoutes(deps))
  app.route('/admin/indicators', indicatorAdminRoutes(deps))
  app.route('/admin/indicators', indicatorLadderRoutes(deps))
  app.route('/admin/indicators', indicatorUploadRoutes(deps))
  app.route('/admin/indicators', indicatorValueRoutes(deps))
  app.route('/admin/agencies', agencyAdminRoutes(deps))
  app.route('/services', serviceListRoutes(deps))
  app.route('/services', servicePublicRoutes(deps))
  app.route('/services', reportFormRoutes(deps))
  app.route('/services', helpfulRoutes(deps))
  app.route('/admin/feedback', helpfulSettingsRoutes(deps))
  app.route('/admin/feedback', feedbackDashboardRoutes(deps))
  app.route('/reports', reportStatusRoutes(deps))
  app.route('/admin/reports', reportAdminRoutes(deps))
  app.route('/', formDownloadRoutes(deps))
  app.route('/admin/services', serviceAdminRoutes(deps))
  app.route('/admin/services', serviceOverviewRoutes(deps))
  app.route('/admin/services', servicePublishRoutes(deps))
  app.route('/admin/services', serviceSlugRoutes(deps))
  // The draft editor's sections, each owned by its feature (the staff hub links to them).
  app.route('/admin/services', serviceEditorRoutes(deps))
  app.route('/admin/services', serviceListEditorRoutes(deps))
  app.route('/admin/services', processEditorRoutes(deps))
  app.route('/admin/services', processStepRoutes(deps))
  app.route('/admin/services', processTransitionRoutes(deps))
  app.route('/admin/services', processImportRoutes(deps))
  app.route('/admin/services', officeLinkRoutes(deps))
  app.route('/admin/services', formsSectionRoutes(deps))
  app.route('/admin/services', formEditRoutes(deps))
  app.route('/admin/services', channelEditorRoutes(deps))
  app.route('/admin/services', channelEditRoutes(deps))
  app.route('/', officePublicRoutes(deps))
  app.route('/admin/offices', officeAdminRoutes(deps))
  app.route('/admin/offices', officeDayRoutes(deps))
  app.route('/laws', lawPublicRoutes(deps))
  app.route('/admin/laws', lawAdminRoutes(deps))
  app.route('/calendar', calendarPublicRoutes(deps))
  app.route('/open-data', openDataRoutes(deps))
  app.route('/admin/calendar', calendarAdminRoutes(deps))
  app.route('/admin/agencies', credentialRoutes(deps))
  app.route('/admin/users', userListRoutes(deps))
  app.route('/admin/users', userPageRoutes(deps))
  app.route('/admin/audit', auditRoutes(deps))
  app.route('/admin/reviews', reviewAuditRoutes(deps))
  app.route('/admin/reviews', reviewRoutes(deps))
  app.route('/admin', dashboardRoutes(deps))
  app.route('/account/tokens', tokenRoutes(deps))
  app.route('/help', channelHelpRoutes(deps))
  app.route('/inbox', inboxRoutes(deps))
  app.route('/account/notifications', preferenceRoutes(deps))
  app.route('/admin/outbox', outboxRoutes(deps))
  app.route('/rate', ratingRoutes(deps))
  app.route('/', sitePageRoutes(deps))
  app.route('/', complianceRoutes(deps))
  app.route('/evaluation', evaluationPublicRoutes(deps))
  app.route('/admin/evaluation', methodAdminRoutes(deps))
  app.route('/admin/evaluation', evaluationStaffRoutes(deps))
  app.route('/admin/evaluation', evaluationObjectionRoutes(deps))

  // API
  app.use('/api/v1/*', apiEtag(deps.pageCache))
  const api = createApi()
  agencyApiRoutes(api, deps)
  serviceApiRoutes(api, deps)
  serviceWriteApiRoutes(api, deps)
  opendataApiRoutes(api, deps)
  formApiRoutes(api, deps)
  processInteropApiRoutes(api, deps)
  searchApiRoutes(api, deps)
  channelApiRoutes(api, deps)
  maturityApiRoutes(api, deps)
  officeApiRoutes(api, deps)
  officeWriteApiRoutes(api, deps)
  reviewApiRoutes(api, deps)
  reportApiRoutes(api, deps)
  transactionApiRoutes(api, deps)
  feedbackOpenDataApiRoutes(api, deps)
  indicatorApiRoutes(api, deps)
  indicatorsOpenDataApiRoutes(api, deps)
  complianceApiRoutes(api, deps)
  evaluationApiRoutes(api, deps)
  api.doc31('/openapi.json', OPENAPI_INFO)
  app.route('/api/v1', api)
  app.route(
    '/api/docs',
    apiDocsRoutes(() => api.getOpenAPI31Document(OPENAPI_INFO)),
  )

  app.onError(handleError)
  app.notFound(handleNotFound)
  return app
}
