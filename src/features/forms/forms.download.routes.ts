import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import { ID, loadServiceBySlug, staffService } from '../services/index.ts'
import { sendFormFile } from './download.ts'
import { unattachableFormFiles } from './form-file.policy.ts'
import { findAttachedForm } from './form-file.queries.ts'
import { getFormFile } from './form-file.store.ts'
import { formsMsg as m } from './messages.fa.ts'

const SHA = '{[0-9a-f]{64}}'

/**
 * Form downloads (R5):
 * - `/services/:slug/forms/:sha256`, public: only files a public (published or superseded)
 *   version of that service attaches; cached for a year, since the URL names the content;
 * - `/admin/services/:id/forms/:sha256`, for the service's staff: draft files too (only those
 *   the service's agency uploaded, or public ones), not cached.
 */
export function formDownloadRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get(`/services/:slug/forms/:sha${SHA}`, async (c) => {
    const service = await loadServiceBySlug(deps, c.req.param('slug'))
    const sha = c.req.param('sha')
    const form = await findAttachedForm(deps.db, service.id, sha, false)
    const file = form ? await getFormFile(deps.db, sha) : undefined
    if (!form || !file) throw new NotFoundError('forms.file-not-found', m.fileNotFound)
    return sendFormFile(c, file, form.fileName, 'public')
  })

  app.get(`/admin/services/:id${ID}/forms/:sha${SHA}`, async (c) => {
    const { service } = await staffService(deps, c, c.req.param('id'), 'view')
    const sha = c.req.param('sha')
    const form = await findAttachedForm(deps.db, service.id, sha, true)
    // A draft may name a file its agency may not attach (saved before that was checked, or
    // named before the file was uploaded elsewhere): its bytes are not this agency's to read.
    const refused = form ? await unattachableFormFiles(deps.db, service.agencyId, [sha]) : []
    const file = form && refused.length === 0 ? await getFormFile(deps.db, sha) : undefined
    if (!form || !file) throw new NotFoundError('forms.file-not-found', m.fileNotFound)
    return sendFormFile(c, file, form.fileName, 'private')
  })

  return app
}
