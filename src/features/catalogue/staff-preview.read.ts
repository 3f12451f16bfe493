import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { publicFormItems, staffFormHref } from '../forms/index.ts'
import { loadServiceOffices } from '../offices/index.ts'
import type { Service } from '../services/index.ts'
import { editorMsg as em, findDraft, withAgencyAndLaws } from '../services/index.ts'
import { buildProcessSection } from './process-view.ts'
import type { ServicePageView } from './views/service-page.ts'

/**
 * The draft of a service as its public page will show it, for the staff preview at
 * /admin/services/:id/preview (`where` is the offices section's province and city filter).
 */
export async function loadPreview(
  deps: Deps,
  service: Service,
  where: { province: string | undefined; city: string | undefined },
): Promise<{ title: string; page: ServicePageView }> {
  const draft = await findDraft(deps.db, service.id)
  if (!draft) throw new NotFoundError('service.no-draft', em.previewNoDraft)
  const s = await withAgencyAndLaws(deps, service, draft)
  return {
    title: draft.content.title || em.untitled,
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
          where,
          `/admin/services/${service.id}/preview`,
          deps.clock.now(),
        )
      ).view,
    },
  }
}
