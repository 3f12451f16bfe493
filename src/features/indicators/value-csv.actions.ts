import { createHash } from 'node:crypto'
import type { Db } from '../../db/create-db.ts'
import type { Deps } from '../../deps.ts'
import { type Actor, assertSignedIn } from '../../lib/actor.ts'
import {
  type AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../lib/errors.ts'
import type { TextEncodingName } from '../../lib/text-decode.ts'
import { recordAudit } from '../audit/index.ts'
import { csvMsg } from './upload.messages.fa.ts'
import { recordValue } from './value.actions.ts'
import type { IndicatorValue } from './value.model.ts'
import { releaseSavepoint, rollbackToSavepoint, savepoint } from './value-csv.queries.ts'
import { type CsvColumn, type CsvRowError, type CsvValueRow, parseValuesCsv } from './value-csv.ts'

/**
 * The CSV upload of indicator values (issue 14 item 4): every row is recorded through
 * `recordValue` (the same rules as a value typed on the page, source 'csv') in ONE transaction.
 * Each row is tried inside a savepoint so that every row's problem is found in one upload; if
 * any row failed — in the file or against the database — the transaction is rolled back and
 * nothing at all is written.
 */

export type CsvImportResult =
  | {
      ok: true
      encoding: TextEncodingName
      recorded: { row: number; value: IndicatorValue; code: string }[]
    }
  | { ok: false; encoding: TextEncodingName | null; dataRows: number; errors: CsvRowError[] }

export interface CsvUpload {
  name: string
  bytes: Uint8Array
}

/** Thrown inside the transaction to roll it back; never leaves this module. */
class RollBack extends Error {}

/** The column a refusal of `recordValue` is about (its field, or what its code says). */
function columnOf(e: AppError): CsvColumn | null {
  if (e instanceof ValidationError) {
    const field = Object.keys(e.fieldErrors)[0]
    if (field === 'evidence') return 'evidence_note'
    if (field === 'period' || field === 'numerator' || field === 'denominator') return field
    return null
  }
  if (e.code === 'indicators.locked' || e.code === 'indicators.under-review') return 'period'
  return 'code'
}

function rowError(row: CsvValueRow, e: AppError): CsvRowError {
  const message =
    e instanceof NotFoundError
      ? csvMsg.notFound(row.code)
      : e instanceof ForbiddenError
        ? csvMsg.forbidden
        : e.message
  return { row: row.row, column: columnOf(e), message }
}

const expected = (e: unknown): e is AppError =>
  e instanceof ValidationError ||
  e instanceof ConflictError ||
  e instanceof NotFoundError ||
  e instanceof ForbiddenError

export async function importValuesCsv(
  deps: Deps,
  actor: Actor | null,
  upload: CsvUpload,
  options: { defaultEvidenceNote?: string | null } = {},
): Promise<CsvImportResult> {
  assertSignedIn(actor)
  const staff = actor.role === 'agency_admin' || actor.role === 'agency_editor'
  if (!staff || actor.agencyId === null)
    throw new ForbiddenError('indicators.csv', csvMsg.staffOnly)
  const agencyId = actor.agencyId
  const parsed = parseValuesCsv(upload.bytes, options)
  if (parsed.encoding === null)
    return { ok: false, encoding: null, dataRows: 0, errors: parsed.errors }
  const encoding = parsed.encoding
  const errors = [...parsed.errors]
  const recorded: { row: number; value: IndicatorValue; code: string }[] = []
  try {
    await deps.db.transaction().execute(async (trx: Db) => {
      // Rows that passed the file's checks are still tried, so their own problems show too.
      for (const row of parsed.rows) {
        await savepoint(trx)
        try {
          const value = await recordValue(deps, actor, row.code, row.input, 'csv', null, trx)
          await releaseSavepoint(trx)
          recorded.push({ row: row.row, value, code: row.code })
        } catch (e) {
          if (!expected(e)) throw e
          await rollbackToSavepoint(trx)
          errors.push(rowError(row, e))
        }
      }
      if (errors.length > 0) throw new RollBack()
      await recordAudit(trx, deps.clock, {
        actor,
        entityType: 'indicator-csv-upload',
        entityId: createHash('sha256').update(upload.bytes).digest('hex'),
        action: 'import',
        agencyId,
        before: null,
        after: { name: upload.name.slice(0, 255), encoding, values: recorded.length },
      })
    })
  } catch (e) {
    if (!(e instanceof RollBack)) throw e
    const sorted = errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
    return { ok: false, encoding, dataRows: parsed.dataRows, errors: sorted }
  }
  return { ok: true, encoding, recorded }
}
