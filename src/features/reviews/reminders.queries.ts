import { type Kysely, sql } from 'kysely'
import type { Database, ReviewReminderStep } from '../../db/schema.ts'

type Executor = Kysely<Database>

/**
 * The daily job asks about, and records, steps of thousands of services at once (the first
 * run over an old catalogue: 20,000 services, 80,000 passed steps). Each statement below
 * carries its rows as a few arrays (`unnest`), not as a VALUES list of five parameters per
 * row: PostgreSQL takes at most 65,535 parameters per statement, and a long VALUES list is
 * slow to parse and plan. Rows are still sent a bounded chunk at a time.
 */
const CHUNK = 10_000

/** The steps already recorded, per service, for the cycles given (service id → due time). */
export async function recordedSteps(
  db: Executor,
  cycles: readonly { serviceId: string; dueAt: Date }[],
): Promise<Map<string, Set<ReviewReminderStep>>> {
  const result = new Map<string, Set<ReviewReminderStep>>()
  for (let i = 0; i < cycles.length; i += CHUNK) {
    const part = cycles.slice(i, i + CHUNK)
    // Only the rows of each service's current cycle, one row per service.
    const { rows } = await sql<{ serviceId: string; steps: ReviewReminderStep[] }>`
      SELECT r.service_id, array_agg(r.step) AS steps
      FROM unnest(${part.map((c) => c.serviceId)}::uuid[], ${part.map((c) => c.dueAt.toISOString())}::timestamptz[])
        AS c(service_id, due_at)
      JOIN review_reminders r ON r.service_id = c.service_id AND r.due_at = c.due_at
      GROUP BY r.service_id`.execute(db)
    for (const r of rows) result.set(r.serviceId, new Set(r.steps))
  }
  return result
}

/** Records steps as sent or skipped; a step already recorded (another run) is left alone. */
export async function recordSteps(
  db: Executor,
  rows: { serviceId: string; dueAt: Date; step: ReviewReminderStep; skipped: boolean }[],
  now: Date,
): Promise<number> {
  let inserted = 0
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK)
    const r = await sql`
      INSERT INTO review_reminders (service_id, due_at, step, skipped, sent_at)
      SELECT x.service_id, x.due_at, x.step, x.skipped, ${now.toISOString()}::timestamptz
      FROM unnest(${part.map((x) => x.serviceId)}::uuid[],
        ${part.map((x) => x.dueAt.toISOString())}::timestamptz[], ${part.map((x) => x.step)}::text[],
        ${part.map((x) => x.skipped)}::boolean[]) AS x(service_id, due_at, step, skipped)
      ON CONFLICT (service_id, due_at, step) DO NOTHING`.execute(db)
    inserted += Number(r.numAffectedRows ?? 0n)
  }
  return inserted
}

/**
 * Records steps as sent, returning those this call recorded (`<service id> <step>`); a step
 * already recorded is left alone and not returned.
 */
export async function recordSent(
  db: Executor,
  rows: { serviceId: string; dueAt: Date; step: ReviewReminderStep }[],
  now: Date,
): Promise<Set<string>> {
  const fresh = new Set<string>()
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK)
    const { rows: inserted } = await sql<{ serviceId: string; step: ReviewReminderStep }>`
      INSERT INTO review_reminders (service_id, due_at, step, skipped, sent_at)
      SELECT x.service_id, x.due_at, x.step, false, ${now.toISOString()}::timestamptz
      FROM unnest(${part.map((x) => x.serviceId)}::uuid[],
        ${part.map((x) => x.dueAt.toISOString())}::timestamptz[], ${part.map((x) => x.step)}::text[])
        AS x(service_id, due_at, step)
      ON CONFLICT (service_id, due_at, step) DO NOTHING
      RETURNING service_id, step`.execute(db)
    for (const r of inserted) fresh.add(`${r.serviceId} ${r.step}`)
  }
  return fresh
}
