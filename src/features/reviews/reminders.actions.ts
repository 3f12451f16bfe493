import type { ReviewReminderStep } from '../../db/schema.ts'
import type { Deps } from '../../deps.ts'
import { formatDateFa, toPersianDigits } from '../../lib/fa/index.ts'
import { listAgencyBriefs } from '../agencies/index.ts'
import { findRecipients, notify } from '../notifications/index.ts'
import { type ServiceUnderReview, servicesWithClock } from '../services/index.ts'
import { loadPortalSettings } from '../settings/index.ts'
import { STEPS, stepsDue } from './reminders.model.ts'
import { recordedSteps, recordSent, recordSteps } from './reminders.queries.ts'

export interface ReminderSummary {
  /** Public services past their first warning (the others have nothing due and are not read). */
  services: number
  /** Services each step was sent for in this run. */
  sent: Record<ReviewReminderStep, number>
  /** Steps passed while the job was not running, recorded and not sent. */
  skipped: number
  /** Notifications written (one per agency and step, one for the centre). */
  messages: number
}

type Role = 'agency_admin' | 'agency_editor' | 'central_supervisor'

const WHO: Record<ReviewReminderStep, readonly Role[]> = {
  due_soon: ['agency_admin', 'agency_editor'],
  due: ['agency_admin', 'agency_editor'],
  due_date: ['agency_admin'],
  overdue: ['agency_admin'],
  escalated: ['central_supervisor'],
}

const SUBJECT: Record<ReviewReminderStep, (n: string) => string> = {
  due_soon: (n) => `یادآوری بازبینی: موعد بازبینی ${n} خدمت در سه ماه آینده است`,
  due: (n) => `یادآوری بازبینی: موعد بازبینی ${n} خدمت در یک ماه آینده است`,
  due_date: (n) => `امروز موعد بازبینی ${n} خدمت است`,
  overdue: (n) => `بازبینی ${n} خدمت یک ماه از موعد گذشته است`,
  escalated: (n) => `گزارش به ستاد: بازبینی ${n} خدمت سه ماه از موعد گذشته است`,
}

const STATE_FILTER: Record<ReviewReminderStep, string> = {
  due_soon: 'due_soon',
  due: 'due',
  due_date: 'overdue',
  overdue: 'overdue',
  escalated: 'escalated',
}

/**
 * How much of a digest lists services, in characters: `notify` takes at most 20,000, and the
 * first run over an old catalogue may owe the centre a digest of thousands of services.
 * Services beyond it are counted in one closing line; the message's link lists them all.
 */
export const DIGEST_LIST_CHARS = 12_000

function lines(
  services: readonly ServiceUnderReview[],
  agencyName?: (id: string) => string,
): string {
  const out: string[] = []
  let length = 0
  for (const [i, s] of services.entries()) {
    const line = `- ${s.title}${agencyName ? ` (${agencyName(s.agencyId)})` : ''}: موعد ${formatDateFa(s.clock.dueAt)}`
    if (length + line.length + 1 > DIGEST_LIST_CHARS) {
      out.push(msgMore(services.length - i))
      break
    }
    out.push(line)
    length += line.length + 1
  }
  return out.join('\n')
}

const msgMore = (n: number) => `- و ${toPersianDigits(n)} خدمت دیگر (فهرست کامل در پیوند این پیام)`

/**
 * Digests written per transaction. Each digest is written with its step records, as before, but
 * several share a transaction (and one insert of their records): the first run over 20,000
 * services writes hundreds of digests (one per agency and step), and a transaction each made
 * that run twice as slow.
 */
const DIGESTS_PER_TRANSACTION = 50

/**
 * One run of the daily review follow-up (directive item 4: the portal follows up itself). Each
 * step of each service's cycle is recorded once; messages and their records are written in the
 * same transaction, so a run killed midway sends nothing twice when it runs again.
 */
export async function runReviewReminders(
  deps: Pick<Deps, 'db' | 'clock' | 'log'>,
): Promise<ReminderSummary> {
  const now = deps.clock.now()
  const [services, settings] = await Promise.all([
    servicesWithClock(deps, null, { notCurrent: true }),
    loadPortalSettings(deps.db),
  ])
  const recorded = await recordedSteps(
    deps.db,
    services.map((s) => ({ serviceId: s.serviceId, dueAt: s.clock.dueAt })),
  )
  const summary: ReminderSummary = {
    services: services.length,
    sent: { due_soon: 0, due: 0, due_date: 0, overdue: 0, escalated: 0 },
    skipped: 0,
    messages: 0,
  }
  // (step, agency or '' for the centre) → the services to tell about.
  const groups = new Map<
    string,
    { step: ReviewReminderStep; agencyId: string | null; services: ServiceUnderReview[] }
  >()
  const skips: { serviceId: string; dueAt: Date; step: ReviewReminderStep; skipped: boolean }[] = []
  for (const s of services) {
    const plan = stepsDue(
      s.clock.dueAt,
      settings.reviewPolicy,
      now,
      recorded.get(s.serviceId) ?? new Set(),
    )
    for (const step of plan.skip)
      skips.push({ serviceId: s.serviceId, dueAt: s.clock.dueAt, step, skipped: true })
    if (!plan.send) continue
    const agencyId = plan.send === 'escalated' ? null : s.agencyId
    const key = `${plan.send} ${agencyId ?? ''}`
    const group = groups.get(key) ?? { step: plan.send, agencyId, services: [] }
    group.services.push(s)
    groups.set(key, group)
  }
  summary.skipped = await recordSteps(deps.db, skips, now)

  const names = groups.size
    ? new Map((await listAgencyBriefs(deps.db)).map((a) => [a.id, a.nameFa]))
    : new Map<string, string>()
  const day = formatDateFa(now)
  // Recipients per agency and roles, read once: several steps go to the same people.
  const recipients = new Map<string, string[]>()
  const ordered = [...groups.values()].sort((a, b) => STEPS.indexOf(a.step) - STEPS.indexOf(b.step))
  for (let i = 0; i < ordered.length; i += DIGESTS_PER_TRANSACTION) {
    const batch = ordered.slice(i, i + DIGESTS_PER_TRANSACTION)
    const written = await deps.db.transaction().execute(async (trx) => {
      const fresh = await recordSent(
        trx,
        batch.flatMap((g) =>
          g.services.map((s) => ({ serviceId: s.serviceId, dueAt: s.clock.dueAt, step: g.step })),
        ),
        now,
      )
      const sent: typeof batch = []
      for (const g of batch) {
        // Recorded meanwhile by another run (the advisory lock prevents it): already told.
        if (!g.services.some((s) => fresh.has(`${s.serviceId} ${g.step}`))) continue
        const who = `${g.agencyId ?? ''} ${WHO[g.step].join(',')}`
        let userIds = recipients.get(who)
        if (!userIds) {
          userIds = await findRecipients(trx, { agencyId: g.agencyId, roles: WHO[g.step] })
          recipients.set(who, userIds)
        }
        const n = toPersianDigits(g.services.length)
        await notify(
          trx,
          {
            userIds,
            kind: `review.${g.step.replace('_', '-')}`,
            subject: SUBJECT[g.step](n),
            text: `${SUBJECT[g.step](n)}:\n\n${lines(g.services, g.agencyId === null ? (id) => names.get(id) ?? '' : undefined)}\n\nبنابر بند ۴ بخشنامه، هر فرایند دست‌کم هر سه سال یک بار بازبینی می‌شود. تاریخ این یادآوری: ${day}.`,
            link: `/admin/reviews?state=${STATE_FILTER[g.step]}`,
            dedupeKey: `review:${g.step}:${g.agencyId ?? 'centre'}:${now.toISOString().slice(0, 10)}:${g.services
              .map((s) => s.serviceId)
              .sort()
              .join(',')
              .slice(0, 200)}`,
          },
          deps.clock,
        )
        sent.push(g)
      }
      return sent
    })
    // Counted once committed.
    for (const g of written) {
      summary.sent[g.step] += g.services.length
      summary.messages++
    }
  }
  return summary
}
