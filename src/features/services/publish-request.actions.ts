import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ConflictError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { findRecipients, notify } from '../notifications/index.ts'
import { expectedRevision } from './draft-stamp.ts'
import { publishRequestMsg as pm } from './publish-request.messages.fa.ts'
import { type PublishRequestOutcome, publishRequestDedupeKey } from './publish-request.model.ts'
import { findPublishRequest, upsertPublishRequest } from './publish-request.queries.ts'
import { assertCanEditServicesOf } from './service.policy.ts'
import { findDraft, lockService } from './service.queries.ts'
import { loadServiceById } from './service.read.ts'
import type { DraftStamp } from './views/editor-common.ts'

/**
 * «ارسال برای انتشار»: an agency editor asks the agency's admins to publish the draft. In one
 * transaction (the service locked, so two sends cannot both be first): the request is
 * recorded against the revision the editor looked at (the form's stamp; the current revision
 * when the form names another draft), the admins are notified once per draft and revision,
 * and the send is audited. Sending a revision already sent writes nothing and says so.
 */
export async function requestPublication(
  deps: Deps,
  actor: Actor | null,
  serviceId: string,
  stamp: DraftStamp,
): Promise<PublishRequestOutcome> {
  return deps.db.transaction().execute(async (trx) => {
    const service = await loadServiceById(trx, serviceId)
    assertCanEditServicesOf(actor, service.agencyId)
    await lockService(trx, serviceId)
    const draft = await findDraft(trx, serviceId)
    if (!draft) throw new ConflictError('service.no-draft', pm.noDraft)
    const seen = expectedRevision(stamp, draft.id)
    const revision = seen >= 0 && seen <= draft.revision ? seen : draft.revision
    const existing = await findPublishRequest(trx, draft.id)
    if (existing && existing.revision >= revision) return 'already' as const
    const now = deps.clock.now()
    await upsertPublishRequest(trx, {
      versionId: draft.id,
      serviceId,
      revision,
      userId: actor.userId,
      now,
    })
    const title = draft.content.title || pm.untitled
    const admins = await findRecipients(trx, {
      agencyId: service.agencyId,
      roles: ['agency_admin'],
    })
    await notify(
      trx,
      {
        userIds: admins,
        kind: 'service.publish-request',
        subject: pm.notificationSubject(title),
        text: pm.notificationText(actor.displayName, title, draft.versionNo),
        link: `/admin/services/${serviceId}/publish`,
        dedupeKey: publishRequestDedupeKey(draft.id, revision),
      },
      deps.clock,
    )
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'service',
      entityId: serviceId,
      action: 'request-publish',
      agencyId: service.agencyId,
      before: existing ? { revision: existing.revision } : null,
      after: { versionNo: draft.versionNo, revision, notified: admins.length },
    })
    return existing ? ('resent' as const) : ('sent' as const)
  })
}
