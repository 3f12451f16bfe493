import { createHash } from 'node:crypto'
import type { Deps } from '../../deps.ts'
import { persianSortKey } from '../../lib/fa/collate.ts'
import type { MarkChanged } from '../../web/public-change.ts'
import { AGENCIES_CACHE_TAG, findAgencyByCode } from '../agencies/index.ts'
import { recordAudit } from '../audit/index.ts'
import { publishDraftIn } from '../catalogue/index.ts'
import { formFileMeta, storeFormFile } from '../forms/index.ts'
import {
  agencyOfficesCacheTag,
  findOfficesByIds,
  listOfficesForExport,
  officeCacheTag,
  upsertOfficeFromImport,
} from '../offices/index.ts'
import {
  findDraft,
  findPublished,
  findServiceById,
  insertDraft,
  loadServiceById,
  nextVersionNo,
  type ServiceContent,
} from '../services/index.ts'
import { citedLawIds } from './catalogue.build.ts'
import {
  type CatalogueEnvelope,
  catalogueAgencySchema,
  catalogueEnvelopeSchema,
  catalogueServiceSchema,
  type ImportedService,
} from './catalogue.format.ts'
import {
  agencyIdTaken,
  existingLawIds,
  findLawIdByTitleAndNumber,
  findServiceBySlugForImport,
  insertAgencyFromImport,
  insertLawWithId,
  insertServiceWithId,
} from './opendata.queries.ts'

/**
 * `mardom import <file>`: loads a catalogue file in the export's JSON format. The envelope is
 * checked first; then every service record is validated and written on its own, in its own
 * transaction: a record that fails writes nothing (not even the laws or form files it
 * brought), the others still land.
 *
 * The file's agencies come first: those missing here are created (see `importAgencies`).
 * For each record: the agency must exist here with the same code; each cited law is matched
 * by id, else by title and number, else created with the file's id (and the card rewritten to
 * point at the match); each form file must be in the file's `files` map (checked against its
 * SHA-256 and stored) or already stored here. Then the service (matched by id) is created with
 * the file's id, slug and version number, or gets a new published version when its published
 * card differs; an identical card changes nothing, so importing the same file twice is a no-op.
 * A service whose agency differs, whose slug belongs to another service, or that has an
 * unpublished draft here is refused. A service withdrawn here stays withdrawn (its card is
 * still brought up to date): withdrawing and restoring are the agency's decisions. Every write is audited (actor: system, action `import`)
 * and the changed services' cached pages are invalidated, here and in other processes.
 *
 * Messages are English, like the rest of the CLI; field messages from the card's own schema
 * stay in Persian, as the portal shows them.
 */
export type RecordOutcome = 'created' | 'updated' | 'unchanged' | 'failed'

export interface RecordReport {
  index: number
  slug: string | null
  id: string | null
  outcome: RecordOutcome
  errors: string[]
}

export interface ImportReport {
  /** Set when the file itself is unusable (nothing was imported). */
  fileErrors: string[]
  /** The file's agencies that were not here, created before anything that belongs to them. */
  agencies: {
    created: number
    unchanged: number
    failed: number
    failures: { index: number; code: string | null; errors: string[] }[]
  }
  /** The file's offices, imported before the services that refer to them. */
  offices: {
    created: number
    updated: number
    unchanged: number
    failed: number
    failures: { index: number; id: string | null; errors: string[] }[]
  }
  records: RecordReport[]
  created: number
  updated: number
  unchanged: number
  failed: number
}

export interface ImportOptions {
  onProgress?: (done: number, total: number) => void
}

const DEFAULT_CHANGE_NOTE = 'Imported from a catalogue file'

/** Thrown inside a record's transaction to roll it back with the reasons. */
class RecordRejected extends Error {
  readonly reasons: string[]
  constructor(reasons: string[]) {
    super(reasons.join('; '))
    this.reasons = reasons
  }
}

function issuesText(error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`)
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function emptyReport(fileErrors: string[]): ImportReport {
  return {
    fileErrors,
    agencies: { created: 0, unchanged: 0, failed: 0, failures: [] },
    offices: { created: 0, updated: 0, unchanged: 0, failed: 0, failures: [] },
    records: [],
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
  }
}

/** Reads the text of a catalogue file; a file that is not the format reports why. */
export function parseCatalogueText(
  text: string,
): { ok: true; envelope: CatalogueEnvelope } | { ok: false; errors: string[] } {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return { ok: false, errors: [`not JSON: ${error instanceof Error ? error.message : error}`] }
  }
  const parsed = catalogueEnvelopeSchema.safeParse(value)
  if (!parsed.success)
    return {
      ok: false,
      errors: ['not a mardom-catalogue version 1 file', ...issuesText(parsed.error)],
    }
  return { ok: true, envelope: parsed.data }
}

export async function importCatalogue(
  deps: Deps,
  envelope: CatalogueEnvelope,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report = emptyReport([])
  const files = new Map<string, Uint8Array>()
  for (const [sha256, base64] of Object.entries(envelope.files ?? {})) {
    const bytes = Buffer.from(base64, 'base64')
    if (sha256Hex(bytes) === sha256) files.set(sha256, new Uint8Array(bytes))
    // A file whose bytes do not match its hash is left out: records using it fail below.
  }
  await importAgencies(deps, envelope.agencies ?? [], report)
  await importOffices(deps, envelope.offices ?? [], report)
  const total = envelope.services.length
  for (const [index, raw] of envelope.services.entries()) {
    const r = await importRecord(deps, index, raw, files, envelope.publisher?.name ?? null)
    report.records.push(r)
    report[r.outcome]++
    options.onProgress?.(index + 1, total)
  }
  return report
}

function slugOf(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && 'slug' in raw && typeof raw.slug === 'string')
    return raw.slug
  return null
}

function idOf(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string')
    return raw.id
  return null
}

async function importRecord(
  deps: Deps,
  index: number,
  raw: unknown,
  files: Map<string, Uint8Array>,
  publisher: string | null,
): Promise<RecordReport> {
  const base = { index, slug: slugOf(raw), id: idOf(raw) }
  const parsed = catalogueServiceSchema.safeParse(raw)
  if (!parsed.success) return { ...base, outcome: 'failed', errors: issuesText(parsed.error) }
  const record = parsed.data
  try {
    const outcome = await deps.publicChange((trx, markChanged) =>
      writeRecord({ ...deps, db: trx }, markChanged, record, files, publisher),
    )
    return { ...base, outcome, errors: [] }
  } catch (error) {
    const errors =
      error instanceof RecordRejected
        ? error.reasons
        : [`could not be written: ${error instanceof Error ? error.message : String(error)}`]
    return { ...base, outcome: 'failed', errors }
  }
}

/**
 * Agencies before everything else, each in its own transaction, parents first (the file lists
 * them so): one whose code is here already is left as it is (this installation's record of its
 * own agencies wins); a missing one is created with the file's code, and its id when that is
 * free, under the parent the file names by code.
 */
async function importAgencies(
  deps: Deps,
  agencies: unknown[],
  report: ImportReport,
): Promise<void> {
  for (const [index, raw] of agencies.entries()) {
    const code =
      typeof raw === 'object' && raw !== null && 'code' in raw && typeof raw.code === 'string'
        ? raw.code
        : null
    const fail = (errors: string[]) => {
      report.agencies.failed++
      report.agencies.failures.push({ index, code, errors })
    }
    const parsed = catalogueAgencySchema.safeParse(raw)
    if (!parsed.success) {
      fail(issuesText(parsed.error))
      continue
    }
    const a = parsed.data
    if (await findAgencyByCode(deps.db, a.code)) {
      report.agencies.unchanged++
      continue
    }
    const parent = a.parentCode ? await findAgencyByCode(deps.db, a.parentCode) : undefined
    if (a.parentCode && !parent) {
      fail([`parent agency ${a.parentCode} is neither in the file before it nor here`])
      continue
    }
    try {
      await deps.publicChange(async (trx, markChanged) => {
        const { parentCode: _parent, id: fileId, ...fields } = a
        const id = await insertAgencyFromImport(
          trx,
          {
            ...fields,
            id: (await agencyIdTaken(trx, fileId)) ? undefined : fileId,
            parentId: parent?.id ?? null,
          },
          deps.clock.now(),
        )
        await recordAudit(trx, deps.clock, {
          actor: null,
          entityType: 'agency',
          entityId: id,
          action: 'import',
          agencyId: id,
          before: null,
          after: { code: a.code, nameFa: a.nameFa, level: a.level },
        })
        await markChanged(AGENCIES_CACHE_TAG)
      })
      report.agencies.created++
    } catch (error) {
      fail([`could not be written: ${error instanceof Error ? error.message : String(error)}`])
    }
  }
}

/**
 * Offices first, each in its own transaction: matched by id, agency by code; an office
 * identical to ours is left alone (so a second import writes nothing).
 */
async function importOffices(deps: Deps, offices: unknown[], report: ImportReport): Promise<void> {
  if (offices.length === 0) return
  const ours = new Map((await listOfficesForExport(deps.db)).map((o) => [o.id, JSON.stringify(o)]))
  for (const [index, raw] of offices.entries()) {
    const id = idOf(raw)
    const fail = (errors: string[]) => {
      report.offices.failed++
      report.offices.failures.push({ index, id, errors })
    }
    if (typeof raw !== 'object' || raw === null || id === null) {
      fail(['not an office record with an id'])
      continue
    }
    const { agencyCode, ...rest } = raw as Record<string, unknown>
    const agency =
      typeof agencyCode === 'string' ? await findAgencyByCode(deps.db, agencyCode) : undefined
    if (!agency) {
      fail([`no agency with code ${String(agencyCode)} here`])
      continue
    }
    const record = { ...rest, id, agencyId: agency.id }
    if (ours.get(id) === JSON.stringify(record)) {
      report.offices.unchanged++
      continue
    }
    const result = await deps.publicChange(async (trx, markChanged) => {
      const r = await upsertOfficeFromImport(trx, record, deps.clock.now())
      if (!r.ok) return r
      await recordAudit(trx, deps.clock, {
        actor: null,
        entityType: 'office',
        entityId: id,
        action: 'import',
        agencyId: agency.id,
        before: null,
        after: { name: r.office.name },
      })
      await markChanged(officeCacheTag(id), agencyOfficesCacheTag(agency.id))
      return r
    })
    if (!result.ok) {
      fail(Object.entries(result.errors).map(([k, v]) => `${k}: ${v}`))
      continue
    }
    report.offices[result.created ? 'created' : 'updated']++
  }
}

/** Law ids of the file → law ids here; creates the laws nothing here matches. */
async function resolveLaws(
  deps: Deps,
  record: ImportedService,
  errors: string[],
): Promise<Map<string, string>> {
  const cited = citedLawIds(record.content)
  const here = await existingLawIds(deps.db, cited)
  const described = new Map(record.laws.map((l) => [l.id, l]))
  const map = new Map<string, string>()
  for (const id of cited) {
    if (here.has(id)) {
      map.set(id, id)
      continue
    }
    const law = described.get(id)
    if (!law) {
      errors.push(`law ${id} is cited but neither described in the record nor known here`)
      continue
    }
    const match = await findLawIdByTitleAndNumber(deps.db, law.title, law.number)
    if (match) {
      map.set(id, match)
      continue
    }
    await insertLawWithId(deps.db, { ...law, sortKey: persianSortKey(law.title) }, deps.clock.now())
    await recordAudit(deps.db, deps.clock, {
      actor: null,
      entityType: 'law',
      entityId: law.id,
      action: 'import',
      agencyId: null,
      before: null,
      after: { title: law.title, kind: law.kind, number: law.number },
    })
    map.set(id, id)
  }
  return map
}

function withLaws(content: ServiceContent, map: Map<string, string>): ServiceContent {
  const to = (id: string) => map.get(id) ?? id
  return {
    ...content,
    legalBases: content.legalBases.map((b) => ({ ...b, lawId: to(b.lawId) })),
    process: {
      ...content.process,
      steps: content.process.steps.map((s) =>
        s.legalBasis ? { ...s, legalBasis: { ...s.legalBasis, lawId: to(s.legalBasis.lawId) } } : s,
      ),
    },
  }
}

async function ensureFormFiles(
  deps: Deps,
  record: ImportedService,
  agencyId: string,
  files: Map<string, Uint8Array>,
  errors: string[],
): Promise<void> {
  const wanted = [...new Set(record.content.forms.map((f) => f.sha256))]
  if (wanted.length === 0) return
  const stored = await formFileMeta(deps.db, wanted)
  for (const sha256 of wanted) {
    const bytes = files.get(sha256)
    // Bytes in the file are stored (again) for this agency, which records it as the uploader;
    // a stored file named only by its hash is attachable only if the publish check allows it.
    if (stored.has(sha256) && !bytes) continue
    if (!bytes) {
      errors.push(`form file ${sha256} is neither in the file's "files" nor stored here`)
      continue
    }
    try {
      await storeFormFile(deps.db, bytes, { actor: null, clock: deps.clock, agencyId })
    } catch (error) {
      errors.push(`form file ${sha256}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

async function writeRecord(
  deps: Deps,
  markChanged: MarkChanged,
  record: ImportedService,
  files: Map<string, Uint8Array>,
  publisher: string | null,
): Promise<Exclude<RecordOutcome, 'failed'>> {
  const errors: string[] = []
  const agency = await findAgencyByCode(deps.db, record.agency.code)
  if (!agency) throw new RecordRejected([`no agency with code ${record.agency.code} here`])
  const existing = await findServiceById(deps.db, record.id)
  if (existing && existing.agencyId !== agency.id)
    errors.push(`service ${record.id} belongs to another agency here`)
  if (!existing) {
    const bySlug = await findServiceBySlugForImport(deps.db, record.slug)
    if (bySlug) errors.push(`slug ${record.slug} belongs to another service here (${bySlug.id})`)
  }
  if (existing && (await findDraft(deps.db, existing.id)))
    errors.push('the service has an unpublished draft here: publish or discard it first')
  if (errors.length) throw new RecordRejected(errors)

  const lawMap = await resolveLaws(deps, record, errors)
  await ensureFormFiles(deps, record, agency.id, files, errors)
  const officeIds = [...new Set(record.content.offices.map((o) => o.officeId))]
  const offices = await findOfficesByIds(deps.db, officeIds)
  for (const id of officeIds) {
    const office = offices.find((o) => o.id === id)
    if (!office) errors.push(`office ${id} is neither in the file's "offices" nor known here`)
    else if (office.agencyId !== agency.id) errors.push(`office ${id} belongs to another agency`)
  }
  if (errors.length) throw new RecordRejected(errors)
  const content = withLaws(record.content, lawMap)

  const now = deps.clock.now()
  const published = existing ? await findPublished(deps.db, record.id) : undefined
  if (published && JSON.stringify(published.content) === JSON.stringify(content)) return 'unchanged'
  if (!existing)
    await insertServiceWithId(deps.db, {
      id: record.id,
      agencyId: agency.id,
      slug: record.slug,
      now,
    })
  const service = existing ?? (await loadServiceById(deps.db, record.id))
  // A new service keeps the file's version number; an existing one continues its own numbering.
  const versionNo = existing ? await nextVersionNo(deps.db, record.id) : record.versionNo
  const draft = await insertDraft(deps.db, {
    serviceId: record.id,
    versionNo,
    content,
    userId: null,
    now,
  })
  const result = await publishDraftIn(deps, markChanged, {
    service,
    draft,
    changeNote: record.changeNote?.trim() || DEFAULT_CHANGE_NOTE,
    actor: null,
    at: now,
    audit: { action: 'import', source: publisher },
  })
  if (!result.ok) throw new RecordRejected(Object.values(result.errors))
  return existing ? 'updated' : 'created'
}
