import { randomUUID } from 'node:crypto'
import type { Insertable } from 'kysely'
import type { ServicesTable, ServiceVersionsTable } from '../../db/schema.ts'
import type { Deps } from '../../deps.ts'
import { persianSortKey } from '../../lib/fa/collate.ts'
import { jalaliToGregorian } from '../../lib/fa/jalali.ts'
import { startOfTehranDay } from '../../lib/fa/tehran-time.ts'
import type { Agency } from '../agencies/index.ts'
import { recordAudit } from '../audit/index.ts'
import { qualityIssues } from '../catalogue/index.ts'
import { insertLaws } from '../laws/index.ts'
import { reindexAll } from '../search/index.ts'
import { publicServiceTags, type ServiceContent } from '../services/index.ts'
import {
  insertDemoServices,
  insertDemoVersionLaws,
  insertDemoVersions,
} from './demo-catalogue.queries.ts'
import { demoChannelsFor } from './demo-channels.data.ts'
import { storeDemoForms } from './demo-forms.data.ts'
import { DEMO_LAWS } from './demo-laws.data.ts'
import { insertDemoOffices } from './demo-offices.data.ts'
import { demoProcessFor } from './demo-processes.data.ts'
import { DEMO_SERVICES, type DemoService } from './demo-services.data.ts'

function isoDay(d: { jy: number; jm: number; jd: number }): string {
  const g = jalaliToGregorian(d.jy, d.jm, d.jd)
  return `${g.gy}-${String(g.gm).padStart(2, '0')}-${String(g.gd).padStart(2, '0')}`
}

/**
 * Loads the demo laws and services with each service's versions as publishing them in order on
 * their (past) dates leaves them, so the history pages have real revisions. In bulk, for a
 * fresh start within seconds (issue 16 item 4): one transaction, multi-row inserts, the search
 * index built once at the end. It leaves exactly the rows that publishing every version in turn
 * through `publishDraftIn` left (`demo-catalogue.bulk.test.ts` compares the two); the demo
 * bypasses that command only because it loads an empty catalogue, where a publish has nothing
 * to supersede, no cache to clear but the tags marked here, and no audit to write but its own.
 */
export async function loadDemoCatalogue(
  deps: Deps,
  agenciesByKey: ReadonlyMap<string, Agency>,
  /** All of them but in tests. */
  demoServices: readonly DemoService[] = DEMO_SERVICES,
): Promise<{ laws: number; services: number }> {
  const loaded = await deps.publicChange(async (trx, markChanged) => {
    const now = deps.clock.now()
    const laws = await insertLaws(
      trx,
      DEMO_LAWS.map((l) => ({
        title: l.title,
        kind: l.kind,
        number: l.number,
        approvedOn: l.approvedOn ? isoDay(l.approvedOn) : null,
        url: l.url,
      })),
      now,
    )
    const lawIds = new Map(DEMO_LAWS.flatMap((l, i) => (laws[i] ? [[l.key, laws[i].id]] : [])))
    const demoFormsFor = await storeDemoForms(
      trx,
      demoServices,
      (d) => agenciesByKey.get(d.agencyKey)?.id ?? null,
    )
    const demoOfficesFor = await insertDemoOffices(trx, agenciesByKey, now)
    const services: Insertable<ServicesTable>[] = []
    const versions: Insertable<ServiceVersionsTable>[] = []
    const citations: { versionId: string; lawId: string }[] = []
    for (const d of demoServices) {
      const agency = agenciesByKey.get(d.agencyKey)
      if (!agency) throw new Error(`Demo service ${d.key} names unknown agency ${d.agencyKey}`)
      const firstDay = d.versions[0]?.publishedOn
      const serviceId = randomUUID()
      let firstAt: Date | null = null
      let lastAt: Date | null = null
      for (const [i, v] of d.versions.entries()) {
        // Published mid-morning Tehran time on the given day.
        const at = new Date(
          startOfTehranDay(v.publishedOn.jy, v.publishedOn.jm, v.publishedOn.jd).getTime() +
            10 * 3_600_000,
        )
        firstAt ??= at
        lastAt = at
        const legalBases = v.content.legalBases.map((b) => {
          const lawId = lawIds.get(b.lawKey)
          if (!lawId) throw new Error(`Demo service ${d.key} cites unknown law ${b.lawKey}`)
          return { lawId, article: b.article, note: b.note }
        })
        const content: ServiceContent = {
          ...v.content,
          legalBases,
          process: demoProcessFor(d, i, v.content, (k) => lawIds.get(k) ?? k),
          forms: demoFormsFor(d, i),
          offices: demoOfficesFor(d.agencyKey, v.content.inPersonVisits),
          ...demoChannelsFor(d, v.content),
        }
        // The publishing checks that read only the card (the offices and form files it links
        // were made above for this very card, so their checks cannot fail here).
        const issues = qualityIssues(content)
        if (issues.length > 0 || v.changeNote.trim() === '')
          throw new Error(
            `Demo service ${d.key} v${i + 1} fails the publishing checks: ${issues.map((x) => x.message).join('; ') || 'no change note'}`,
          )
        const versionId = randomUUID()
        const latest = i === d.versions.length - 1
        versions.push({
          id: versionId,
          serviceId,
          versionNo: i + 1,
          // What publishing each version in turn leaves: the last published, the others superseded.
          status: latest ? 'published' : 'superseded',
          content: JSON.stringify(content),
          title: content.title,
          sortKey: persianSortKey(content.title),
          audiences: content.audiences,
          lifeEvents: content.lifeEvents,
          changeNote: v.changeNote,
          createdAt: at,
          createdBy: null,
          updatedAt: at,
          updatedBy: null,
          publishedAt: at,
          publishedBy: null,
        })
        for (const lawId of new Set(legalBases.map((b) => b.lawId)))
          citations.push({ versionId, lawId })
      }
      services.push({
        id: serviceId,
        agencyId: agency.id,
        slug: d.slug,
        createdAt: firstDay ? startOfTehranDay(firstDay.jy, firstDay.jm, firstDay.jd) : now,
        publicChangedAt: lastAt,
        firstPublishedAt: firstAt,
      })
    }
    await insertDemoServices(trx, services)
    await insertDemoVersions(trx, versions)
    await insertDemoVersionLaws(trx, citations)
    await markChanged(...services.flatMap((s) => (s.id ? publicServiceTags(s.id) : [])))
    await recordAudit(trx, deps.clock, {
      actor: null,
      entityType: 'demo',
      entityId: 'catalogue',
      action: 'load',
      agencyId: null,
      before: null,
      after: { laws: DEMO_LAWS.length, services: demoServices.length },
    })
    return { laws: DEMO_LAWS.length, services: demoServices.length }
  })
  // The search index, built once from the published versions (one statement per batch).
  await reindexAll(deps.db)
  return loaded
}
