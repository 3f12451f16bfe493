import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { tehranDateOf } from '../../lib/fa/tehran-time.ts'
import {
  answerObjection,
  DEFAULT_METHOD,
  lodgeObjection,
  publishCorrection,
  publishEvaluation,
  refreshProvisional,
  saveMethod,
} from '../evaluation/index.ts'
import { type DemoStaffRow, listStaff } from './demo-reviews.queries.ts'

function actorOf(u: DemoStaffRow): Actor {
  return {
    userId: u.userId,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    agencyId: u.agencyId,
    agencyNameFa: u.agencyNameFa,
    mustChangePassword: false,
    via: 'session',
  }
}

export interface DemoEvaluationSummary {
  published: string
  agencies: number
  objections: number
  provisional: string | null
}

/**
 * The evaluation story (issue 15 item 7), through the real actions and from the demo's own
 * data: the central admin stores the method, the supervisor closes last Jalali year and
 * publishes it; two agencies object (one accepted and applied in a corrected evaluation that
 * keeps the first, one rejected) and a third objection waits for an answer; then the running
 * year's provisional evaluation is computed. Runs after the indicators, whose values it reads.
 */
export async function loadDemoEvaluation(deps: Deps): Promise<DemoEvaluationSummary> {
  const staff = await listStaff(deps.db)
  const central = (role: Actor['role']) => {
    const row = staff.find((u) => u.role === role)
    if (!row) throw new Error(`Demo evaluation story: no ${role}`)
    return actorOf(row)
  }
  const supervisor = central('central_supervisor')
  await saveMethod(deps, central('central_admin'), DEFAULT_METHOD)
  const period = String(tehranDateOf(deps.clock.now()).jy - 1)
  const published = await publishEvaluation(deps, supervisor, period)

  // The objecting agencies: the first three (by username) whose admin's agency was scored on
  // the e-service share and on publication.
  const snapshotAdmins = staff.filter((u) => u.role === 'agency_admin' && u.agencyId !== null)
  const [first, second, third] = snapshotAdmins.map(actorOf)
  let objections = 0
  if (first) {
    const accepted = await lodgeObjection(deps, first, period, {
      component: 'eService',
      reasonFa:
        'مرحلهٔ «درخواست» خدمات ما از نیمهٔ سال الکترونیکی شده بود، ولی در شناسنامه دیر ثبت شد.',
    })
    await answerObjection(deps, supervisor, accepted.id, {
      decision: 'accept',
      answerFa:
        'گزارش درگاه دستگاه بررسی شد؛ از ۱۵ مهر مرحلهٔ درخواست برخط بوده است. سهم درست ۷۵٪ از ۴ مرحله است.',
      correctedValue: 75,
      correctedN: 4,
    })
    objections++
  }
  if (second) {
    const rejected = await lodgeObjection(deps, second, period, {
      component: 'publication',
      reasonFa: 'زمان گام‌های فرایند را در پایان سال کامل کردیم و باید به حساب بیاید.',
    })
    await answerObjection(deps, supervisor, rejected.id, {
      decision: 'reject',
      answerFa:
        'زمان گام‌ها پس از پایان سال ثبت شده است؛ ارزیابی وضعیت همان سال را می‌سنجد و در ارزیابی امسال به حساب می‌آید.',
    })
    objections++
  }
  if (first)
    await publishCorrection(
      deps,
      supervisor,
      period,
      'سهم مراحل الکترونیکی یک دستگاه پس از پذیرش اعتراض آن اصلاح شد.',
    )
  if (third) {
    await lodgeObjection(deps, third, period, {
      component: 'reviews',
      reasonFa: 'بازبینی دو خدمت ما پیش از موعد انجام شد ولی تاریخ آن در پرتال ثبت نشده است.',
    })
    objections++
  }
  const provisional = await refreshProvisional(deps)
  return {
    published: period,
    agencies: published.agencies,
    objections,
    provisional: provisional?.period ?? null,
  }
}
