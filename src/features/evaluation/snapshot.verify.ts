import type { Deps } from '../../deps.ts'
import { methodByVersion } from './method.queries.ts'
import { type Verification, verifySnapshot } from './snapshot.model.ts'
import { listSnapshots, snapshotById } from './snapshot.queries.ts'

export interface VerifiedSnapshot extends Verification {
  period: string
  seq: number
  status: string
}

/**
 * Recomputes every stored evaluation (or one year's) from its stored inputs and method version
 * and says whether each gives exactly its stored scores and digest (`mardom evaluation verify`).
 */
export async function verifyPublished(
  deps: Pick<Deps, 'db'>,
  period?: string,
): Promise<VerifiedSnapshot[]> {
  const out: VerifiedSnapshot[] = []
  for (const s of await listSnapshots(deps.db)) {
    if (period && s.period !== period) continue
    const full = await snapshotById(deps.db, s.id)
    const method = await methodByVersion(deps.db, s.methodVersion)
    if (!full || !method) {
      out.push({
        period: s.period,
        seq: s.seq,
        status: s.status,
        digestMatches: false,
        scoresMatch: false,
        differing: [],
      })
      continue
    }
    out.push({ period: s.period, seq: s.seq, status: s.status, ...verifySnapshot(full, method) })
  }
  return out
}
