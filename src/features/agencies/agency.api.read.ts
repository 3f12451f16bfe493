import type { z } from '@hono/zod-openapi'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import type { listQuery, listResponse } from './agency.api.schemas.ts'
import { type AgencyJson, presentAgency } from './agency.present.ts'
import { findAgencyById, listAgencies } from './agency.queries.ts'
import { msg } from './messages.fa.ts'

/** The agencies API's read answers, loaded and presented, for `agency.api.routes.ts`. */

/** One page of agencies matching the query's filters. */
export async function agencyListBody(
  deps: Deps,
  query: z.output<typeof listQuery>,
): Promise<z.output<typeof listResponse>> {
  const { page, pageSize, ...filter } = query
  const { items, total } = await listAgencies(deps.db, filter, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  })
  return { items: items.map(presentAgency), total, page, pageSize }
}

/** One agency by id, or 404. */
export async function agencyBody(deps: Deps, id: string): Promise<AgencyJson> {
  const agency = await findAgencyById(deps.db, id)
  if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
  return presentAgency(agency)
}
