import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/schema.ts'
import { EMPTY_STAGE_MATRIX, stageMatrixSchema, storedChannelSchema } from '../services/index.ts'
import { type MaturityLevel, maturityLevel } from './maturity.model.ts'

type Executor = Kysely<Database>

/** The parts of a stored card the maturity level is computed from. */
const maturityPart = z.object({
  // As stored: a URL refused at save today may be in a version saved before (issue 11 item 2).
  channels: z.array(storedChannelSchema).default([]),
  stages: stageMatrixSchema.default(EMPTY_STAGE_MATRIX),
  forms: z.array(z.unknown()).default([]),
})

export interface PublishedLevel {
  serviceId: string
  agencyId: string
  level: MaturityLevel
}

/**
 * The maturity level of every current published version of services that are not withdrawn,
 * optionally of one agency only.
 */
export async function listPublishedLevels(
  db: Executor,
  agencyId?: string,
): Promise<PublishedLevel[]> {
  let q = db
    .selectFrom('serviceVersions as v')
    .innerJoin('services as s', 's.id', 'v.serviceId')
    .select(['s.id as serviceId', 's.agencyId', 'v.content'])
    .where('v.status', '=', 'published')
    .where('s.withdrawnAt', 'is', null)
  if (agencyId) q = q.where('s.agencyId', '=', agencyId)
  const rows = await q.execute()
  return rows.map((r) => {
    const part = maturityPart.parse(r.content)
    return {
      serviceId: r.serviceId,
      agencyId: r.agencyId,
      level: maturityLevel(part),
    }
  })
}
