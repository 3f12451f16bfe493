import type { Deps } from '../../deps.ts'
import { isProvinceCode } from '../../lib/iran/provinces.ts'
import { oneTimePassword } from '../../lib/secrets.ts'
import {
  createAgencyUserAsSystem,
  createCentralUser,
  type IssuedCredentials,
} from '../accounts/index.ts'
import { type Agency, insertAgency } from '../agencies/index.ts'
import { recordAudit } from '../audit/index.ts'
import { DEMO_AGENCIES } from './demo-agencies.data.ts'
import { loadDemoCatalogue } from './demo-catalogue.load.ts'
import { loadDemoFeedback } from './demo-feedback.load.ts'
import { loadDemoIndicators } from './demo-indicators.load.ts'
import { loadDemoLinkChecks } from './demo-link-checks.load.ts'
import { loadDemoReviews } from './demo-reviews.load.ts'

export interface DemoAccount extends IssuedCredentials {
  roleLabel: string
  agencyNameFa: string | null
}

/** Whether the database already holds agencies (demo data or real). */
export async function hasAgencies(deps: Deps): Promise<boolean> {
  const row = await deps.db.selectFrom('agencies').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}

/**
 * Loads the demo hierarchy and one account per role. Passwords are random for
 * every installation and returned here to be printed once; nothing fixed ships
 * in the code.
 */
export async function loadDemoData(deps: Deps): Promise<DemoAccount[]> {
  const byKey = new Map<string, Agency>()
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    for (const d of DEMO_AGENCIES) {
      const parent = d.parentKey ? byKey.get(d.parentKey) : undefined
      if (d.parentKey && !parent)
        throw new Error(`Demo agency ${d.key} comes before its parent ${d.parentKey}`)
      const agency = await insertAgency(
        trx,
        {
          nameFa: d.nameFa,
          nameEn: d.nameEn,
          shortNameFa: d.shortNameFa ?? null,
          level: d.level,
          parentId: parent?.id ?? null,
          website: d.website ?? null,
          phone: d.phone ?? null,
          email: d.email ?? null,
          address: d.address ?? null,
          provinceCode: d.provinceCode && isProvinceCode(d.provinceCode) ? d.provinceCode : null,
        },
        now,
      )
      byKey.set(d.key, agency)
    }
    await recordAudit(trx, deps.clock, {
      actor: null,
      entityType: 'demo',
      entityId: 'agencies',
      action: 'load',
      agencyId: null,
      before: null,
      after: { agencies: DEMO_AGENCIES.length },
    })
  })

  await loadDemoCatalogue(deps, byKey)
  await loadDemoLinkChecks(deps)

  const accounts: DemoAccount[] = []
  const central = async (
    username: string,
    displayName: string,
    role: 'central_admin' | 'central_supervisor',
    roleLabel: string,
  ) => {
    const c = await createCentralUser(deps, null, {
      username,
      displayName,
      role,
      password: oneTimePassword(),
    })
    accounts.push({ ...c, roleLabel, agencyNameFa: null })
  }
  await central('demo-admin', 'مدیر سامانهٔ نمونه', 'central_admin', 'مدیر سامانه')
  await central('demo-supervisor', 'ناظر مرکزی نمونه', 'central_supervisor', 'ناظر مرکزی')
  const sabt = byKey.get('sabt-ahval')
  if (sabt) {
    for (const [part, displayName, role, roleLabel] of [
      ['admin', 'مدیر نمونهٔ ثبت احوال', 'agency_admin', 'مدیر دستگاه'],
      ['editor', 'کارشناس نمونهٔ ثبت احوال', 'agency_editor', 'کارشناس دستگاه'],
    ] as const) {
      const c = await createAgencyUserAsSystem(
        deps,
        sabt.id,
        { usernamePart: part, displayName, email: null, role },
        oneTimePassword(),
      )
      accounts.push({ ...c, roleLabel, agencyNameFa: sabt.nameFa })
    }
  }
  await loadDemoReviews(deps) // after the accounts: they make the reviews
  await loadDemoFeedback(deps) // after the reviews: their revisions are the versions measured
  await loadDemoIndicators(deps, byKey) // last: the general indicators are computed from all
  return accounts
}
