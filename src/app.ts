import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { except } from 'hono/combine'
import { HTTPException } from 'hono/http-exception'
import type { Deps } from './deps.ts'
import {
  accountRoutes,
  credentialRoutes,
  loadActor,
  tokenRoutes,
  userAdminRoutes,
} from './features/accounts/index.ts'
import {
  agencyAdminRoutes,
  agencyApiRoutes,
  agencyPublicRoutes,
} from './features/agencies/routes.ts'
import { auditRoutes } from './features/audit/audit.routes.ts'
import { calendarAdminRoutes, calendarPublicRoutes } from './features/calendar/index.ts'
import { channelApiRoutes, channelHelpRoutes } from './features/channels/index.ts'
import { dashboardRoutes } from './features/dashboard/index.ts'
import {
  formApiRoutes,
  formDownloadRoutes,
  formUploadBodyLimit,
  isFormUploadPath,
} from './features/forms/index.ts'
import { homeRoutes } from './features/home/home.routes.ts'
import { lawAdminRoutes, lawPublicRoutes } from './features/laws/index.ts'
import { officeAdminRoutes, officeApiRoutes, officePublicRoutes } from './features/offices/index.ts'
import { openDataRoutes, opendataApiRoutes } from './features/opendata/index.ts'
import { processInteropApiRoutes } from './features/processes/interop/api.routes.ts'
import { searchApiRoutes, searchRoutes } from './features/search/index.ts'
import {
  serviceAdminRoutes,
  serviceApiRoutes,
  servicePublicRoutes,
} from './features/services/index.ts'
import { createApi, OPENAPI_INFO } from './web/api.ts'
import { apiDocsRoutes } from './web/api-docs.ts'
import { csrfProtection } from './web/csrf.ts'
import type { AppEnv } from './web/env.ts'
import { handleError, handleNotFound } from './web/error-handler.ts'
import { apiEtag } from './web/etag.ts'
import { healthRoutes } from './web/health.ts'
import { requestLog } from './web/request-log.ts'
import { securityHeaders } from './web/security-headers.ts'
import { assetRoutes, loadAssets } from './web/static.ts'

/** Builds the whole web application: plumbing first, then every feature's routes, listed here. */
export function buildApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { trustProxy } = deps.config

  app.use(requestLog(deps.log))
  app.use(securityHeaders({ trustProxy }))
  app.route(
    '/',
    healthRoutes(deps.db, () => deps.lifecycle.draining),
  )
  app.route('/assets', assetRoutes(loadAssets()))
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
  app.use(csrfProtection({ trustProxy }))
  app.use(loadActor(deps))

  // Pages
  app.route('/', homeRoutes(deps))
  app.route('/', searchRoutes(deps))
  app.route('/', accountRoutes(deps))
  app.route('/agencies', agencyPublicRoutes(deps))
  app.route('/admin/agencies', agencyAdminRoutes(deps))
  app.route('/services', servicePublicRoutes(deps))
  app.route('/', formDownloadRoutes(deps))
  app.route('/admin/services', serviceAdminRoutes(deps))
  app.route('/', officePublicRoutes(deps))
  app.route('/admin/offices', officeAdminRoutes(deps))
  app.route('/laws', lawPublicRoutes(deps))
  app.route('/admin/laws', lawAdminRoutes(deps))
  app.route('/calendar', calendarPublicRoutes(deps))
  app.route('/open-data', openDataRoutes(deps))
  app.route('/admin/calendar', calendarAdminRoutes(deps))
  app.route('/admin/agencies', credentialRoutes(deps))
  app.route('/admin/users', userAdminRoutes(deps))
  app.route('/admin/audit', auditRoutes(deps))
  app.route('/admin', dashboardRoutes(deps))
  app.route('/account/tokens', tokenRoutes(deps))
  app.route('/help', channelHelpRoutes(deps))

  // API
  app.use('/api/v1/*', apiEtag())
  const api = createApi()
  agencyApiRoutes(api, deps)
  serviceApiRoutes(api, deps)
  opendataApiRoutes(api, deps)
  formApiRoutes(api, deps)
  processInteropApiRoutes(api, deps)
  searchApiRoutes(api, deps)
  channelApiRoutes(api, deps)
  officeApiRoutes(api, deps)
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
