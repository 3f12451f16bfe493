// Test helper: the reference the bulk demo catalogue loader is compared with.
import type { Deps } from '../../deps.ts'
import { jalaliToGregorian } from '../../lib/fa/jalali.ts'
import { startOfTehranDay } from '../../lib/fa/tehran-time.ts'
import type { Agency } from '../agencies/index.ts'
import { recordAudit } from '../audit/index.ts'
import { publishDraftIn } from '../catalogue/index.ts'
import { insertLaw } from '../laws/index.ts'
import { insertDraft, insertService } from '../services/index.ts'
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
 * The demo catalogue as it was loaded before the bulk loader (`demo-catalogue.load.ts`): each
 * version through the real publish command, one after another. Kept for the test that the bulk
 * load leaves exactly the same rows (`demo-catalogue.bulk.test.ts`); never used at start-up.
 */
export async function loadDemoCatalogueOneByOne(
  deps: Deps,
  agenciesByKey: ReadonlyMap<string, Agency>,
  /** All of them but in tests. */
  demoServices: readonly DemoService[] = DEMO_SERVICES,
): Promise<{ laws: number; services: number }> {
  return deps.publicChange(async (trx, markChanged) => {
    const now = deps.clock.now()
    const lawIds = new Map<string, string>()
    for (const l of DEMO_LAWS) {
      const law = await insertLaw(
        trx,
        {
          title: l.title,
          kind: l.kind,
          number: l.number,
          approvedOn: l.approvedOn ? isoDay(l.approvedOn) : null,
          url: l.url,
        },
        null,
        now,
      )
      lawIds.set(l.key, law.id)
    }
    const demoFormsFor = await storeDemoForms(
      trx,
      demoServices,
      (d) => agenciesByKey.get(d.agencyKey)?.id ?? null,
    )
    const demoOfficesFor = await insertDemoOffices(trx, agenciesByKey, now)
    for (const d of demoServices) {
      const agency = agenciesByKey.get(d.agencyKey)
      if (!agency) throw new Error(`Demo service ${d.key} names unknown agency ${d.agencyKey}`)
      const firstDay = d.versions[0]?.publishedOn
      const created = firstDay ? startOfTehranDay(firstDay.jy, firstDay.jm, firstDay.jd) : now
      const service = await insertService(trx, { agencyId: agency.id, slug: d.slug, now: created })
      for (const [i, v] of d.versions.entries()) {
        // Published mid-morning Tehran time on the given day.
        const at = new Date(
          startOfTehranDay(v.publishedOn.jy, v.publishedOn.jm, v.publishedOn.jd).getTime() +
            10 * 3_600_000,
        )
        const legalBases = v.content.legalBases.map((b) => {
          const lawId = lawIds.get(b.lawKey)
          if (!lawId) throw new Error(`Demo service ${d.key} cites unknown law ${b.lawKey}`)
          return { lawId, article: b.article, note: b.note }
        })
        const draft = await insertDraft(trx, {
          serviceId: service.id,
          versionNo: i + 1,
          content: {
            ...v.content,
            legalBases,
            process: demoProcessFor(d, i, v.content, (k) => lawIds.get(k) ?? k),
            forms: demoFormsFor(d, i),
            offices: demoOfficesFor(d.agencyKey, v.content.inPersonVisits),
            ...demoChannelsFor(d, v.content),
          },
          userId: null,
          now: at,
        })
        const published = await publishDraftIn({ ...deps, db: trx }, markChanged, {
          service,
          draft,
          changeNote: v.changeNote,
          actor: null,
          at,
          audit: { action: 'none' },
        })
        if (!published.ok)
          throw new Error(
            `Demo service ${d.key} v${i + 1} fails the publishing checks: ${Object.values(published.errors).join('; ')}`,
          )
      }
    }
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
}
