import type { Kysely } from 'kysely'
import type { Database, ReviewReminderStep } from '../../db/schema.ts'

type Executor = Kysely<Database>

/** The steps already recorded, per service, for the cycles given (service id → due time). */
export async function recordedSteps(
  db: Executor,
  cycles: readonly { serviceId: string; dueAt: Date }[],
): Promise<Map<string, Set<ReviewReminderStep>>> {
  const result = new Map<string, Set<ReviewReminderStep>>()
  if (cycles.length === 0) return result
  const due = new Map(cycles.map((c) => [c.serviceId, c.dueAt.getTime()]))
  // One statement over the services in question; rows of other cycles are filtered here.
  for (let i = 0; i < cycles.length; i += 5000) {
    const ids = cycles.slice(i, i + 5000).map((c) => c.serviceId)
    const rows = await db
      .selectFrom('reviewReminders')
      .select(['serviceId', 'dueAt', 'step'])
      .where('serviceId', 'in', ids)
      .execute()
    for (const r of rows) {
      if (due.get(r.serviceId) !== r.dueAt.getTime()) continue
      const set = result.get(r.serviceId) ?? new Set<ReviewReminderStep>()
      set.add(r.step)
      result.set(r.serviceId, set)
    }
  }
  return result
}

/** Records steps as sent or skipped; a step already recorded (another run) is left alone. */
export async function recordSteps(
  db: Executor,
  rows: { serviceId: string; dueAt: Date; step: ReviewReminderStep; skipped: boolean }[],
  now: Date,
): Promise<number> {
  if (rows.length === 0) return 0
  const r = await db
    .insertInto('reviewReminders')
    .values(rows.map((x) => ({ ...x, sentAt: now })))
    .onConflict((oc) => oc.columns(['serviceId', 'dueAt', 'step']).doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0n)
}
