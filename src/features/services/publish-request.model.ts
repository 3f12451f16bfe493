/**
 * An editor's request that the agency admin publish the draft (issue 17 item 12): who asked,
 * when, and the draft's revision at that moment. A request lives with its draft: publishing
 * (the version is no longer a draft) or discarding (the version is gone) ends it.
 */
export interface PublishRequest {
  versionId: string
  serviceId: string
  revision: number
  requestedAt: Date
  /** The requester's display name; null when the account was removed since. */
  requestedByName: string | null
}

/** What the hub and the publish page show about a draft's request. */
export interface PublishRequestView {
  requestedByName: string | null
  requestedAt: Date
  /** The draft was saved after the request was sent (its revision moved on). */
  changedSince: boolean
}

export function publishRequestView(
  request: PublishRequest | undefined,
  draft: { id: string; revision: number },
): PublishRequestView | null {
  if (!request || request.versionId !== draft.id) return null
  return {
    requestedByName: request.requestedByName,
    requestedAt: request.requestedAt,
    changedSince: draft.revision !== request.revision,
  }
}

/**
 * What a send did: `sent` the first time, `resent` when the draft changed since the last
 * request (the request now names the new revision), `already` when the same revision had
 * been sent (nothing written: the first request stands).
 */
export type PublishRequestOutcome = 'sent' | 'resent' | 'already'

/** The key that makes the admins' notification once per draft and revision. */
export function publishRequestDedupeKey(draftId: string, revision: number): string {
  return `publish-request:${draftId}:${revision}`
}
