import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { FieldErrors } from '../../web/form.ts'
import { fieldErrorsOf } from '../../web/form.ts'
import { bodyOf, officeInput } from './office.input.ts'
import type { Office } from './office.model.ts'
import { findOfficeById, insertOffice, listAllOffices, updateOffice } from './office.queries.ts'

/** An office as exported: the API body (times as `HH:MM`, days ISO) plus its id and agency id. */
export type OfficeExport = ReturnType<typeof bodyOf> & { id: string; agencyId: string }

/** Every office, for open-data export, in a stable order. */
export async function listOfficesForExport(db: Kysely<Database>): Promise<OfficeExport[]> {
  return (await listAllOffices(db)).map((o) => ({ id: o.id, agencyId: o.agencyId, ...bodyOf(o) }))
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Creates or replaces an office from an export record (the same validation as the API). The
 * caller owns the transaction, the audit event and cache invalidation (`officeCacheTag`); an
 * office cannot move to another agency this way.
 */
export async function upsertOfficeFromImport(
  trx: Kysely<Database>,
  record: { id: string; agencyId: string } & Record<string, unknown>,
  now: Date = new Date(),
): Promise<{ ok: true; office: Office; created: boolean } | { ok: false; errors: FieldErrors }> {
  if (!UUID.test(record.id)) return { ok: false, errors: { id: 'شناسهٔ محل باید UUID باشد.' } }
  const parsed = officeInput.safeParse(record)
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error) }
  const existing = await findOfficeById(trx, record.id, { forUpdate: true })
  if (existing && existing.agencyId !== record.agencyId)
    return { ok: false, errors: { agencyId: 'این محل از آنِ دستگاه دیگری است.' } }
  if (existing)
    return {
      ok: true,
      created: false,
      office: await updateOffice(trx, record.id, parsed.data, now),
    }
  const agency = await trx
    .selectFrom('agencies')
    .select('id')
    .where('id', '=', record.agencyId)
    .executeTakeFirst()
  if (!agency) return { ok: false, errors: { agencyId: 'دستگاه این محل پیدا نشد.' } }
  return {
    ok: true,
    created: true,
    office: await insertOffice(trx, record.agencyId, parsed.data, now, record.id),
  }
}
