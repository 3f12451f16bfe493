import { z } from 'zod'

/**
 * The backup file (`mardom backup`), format `mardom-backup` version 1: gzip-compressed lines of
 * JSON. Control lines are objects whose first key is `"$"`; every other line is one table row
 * exactly as PostgreSQL's `row_to_json` wrote it (so no value is reinterpreted on the way).
 *
 * ```
 * {"$":"mardom-backup","version":1,"createdAt":…,"engine":"pglite"|"postgres",
 *  "migrations":[…names…],"leftOut":{"sessions":…,"api_tokens":…}}
 * {"$":"table","name":"agencies","columns":[…]}      // the columns a restore writes
 * {…row…}                                            // one line per row
 * {"$":"sequence","name":"agency_code_seq","value":"10012","called":true}
 * {"$":"end","tables":N,"rows":M}                    // absent: the file is incomplete
 * ```
 *
 * Every table of the database is in it (read from the catalogue, not listed by hand), taken in
 * one consistent snapshot, except:
 * - the migrator's bookkeeping (`kysely_migration*`): its content is the `migrations` list, and
 *   a restore migrates the target to exactly that point before loading the rows;
 * - `sessions` and `api_tokens`: bearer credentials (as hashes) that exist to be revoked. A
 *   backup outlives revocations; restoring them would bring back a sign-in ended, or a token
 *   revoked (perhaps because it leaked) after the backup was taken. After a restore everyone
 *   signs in again and token owners create new tokens. Password hashes stay: without them
 *   nobody could sign in, and a reset after a compromise is the administrator's next step.
 */
export const BACKUP_FORMAT = 'mardom-backup'
export const BACKUP_VERSION = 1

export const LEFT_OUT_TABLES: Record<string, string> = {
  sessions: 'sign-in sessions are not kept: everyone signs in again after a restore',
  api_tokens:
    'API tokens are not kept: a restore must not bring back a token revoked after the backup',
}

export const backupHeaderSchema = z.object({
  $: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  migrations: z.array(z.string()).min(1),
  leftOut: z.record(z.string(), z.string()),
})
export type BackupHeader = z.output<typeof backupHeaderSchema>

export const controlLineSchema = z.discriminatedUnion('$', [
  z.object({ $: z.literal('table'), name: z.string().min(1), columns: z.array(z.string()) }),
  z.object({
    $: z.literal('sequence'),
    name: z.string().min(1),
    value: z.string().regex(/^-?\d+$/),
    called: z.boolean(),
  }),
  z.object({ $: z.literal('end'), tables: z.number().int(), rows: z.number().int() }),
])
export type ControlLine = z.output<typeof controlLineSchema>

export function isControlLine(line: string): boolean {
  return line.startsWith('{"$":')
}

export interface BackupSummary {
  tables: number
  rows: number
}
