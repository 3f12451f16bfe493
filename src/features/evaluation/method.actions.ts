import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ForbiddenError, ValidationError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { DEFAULT_METHOD, type EvaluationMethod } from './method.model.ts'
import { insertMethod, latestMethod, type MethodFields, updateUnfrozen } from './method.queries.ts'
import { weightsProblem } from './scoring.ts'
import { EVALUATION_CACHE_TAG } from './snapshot.model.ts'

function assertCentralAdmin(actor: Actor | null): asserts actor is Actor {
  if (actor?.role !== 'central_admin')
    throw new ForbiddenError('evaluation.method', 'روش ارزیابی را مدیر مرکزی تعیین می‌کند.')
}

/** The method in force: the newest stored version, or the default before any is saved. */
export async function currentMethod(
  deps: Pick<Deps, 'db'>,
): Promise<EvaluationMethod | (typeof DEFAULT_METHOD & { version: 0; frozenAt: null })> {
  return (await latestMethod(deps.db)) ?? { ...DEFAULT_METHOD, version: 0, frozenAt: null }
}

/**
 * Saves the method: the newest version is rewritten while no published evaluation has used it;
 * once frozen, the change becomes the next version and the frozen one stays as it was.
 */
export async function saveMethod(
  deps: Deps,
  actor: Actor | null,
  fields: MethodFields,
): Promise<EvaluationMethod> {
  assertCentralAdmin(actor)
  const problem = weightsProblem(fields.components, fields.growthWeight)
  if (problem) throw new ValidationError(problem, { weights: problem })
  // The method page shows the newest version: it is dropped in the same transaction.
  return deps.publicChange(async (trx, markChanged) => {
    await markChanged(EVALUATION_CACHE_TAG)
    const now = deps.clock.now()
    const latest = await latestMethod(trx, true)
    const saved =
      latest && latest.frozenAt === null
        ? await updateUnfrozen(trx, latest.id, fields, now)
        : await insertMethod(trx, {
            ...fields,
            version: (latest?.version ?? 0) + 1,
            userId: actor.userId,
            now,
          })
    if (!saved) throw new Error('the method was frozen under the lock')
    await recordAudit(trx, deps.clock, {
      actor,
      entityType: 'evaluation-method',
      entityId: saved.id,
      action: latest && latest.id === saved.id ? 'edit' : 'new-version',
      agencyId: null,
      before: latest ? { version: latest.version, components: latest.components } : null,
      after: { version: saved.version, components: saved.components, growth: saved.growthWeight },
    })
    return saved
  })
}
