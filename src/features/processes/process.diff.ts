import type { ProcessStep, ServiceProcess } from '../services/index.ts'
import { ACTOR_LABELS } from './messages.fa.ts'
import { stepDurationText } from './process.text.ts'
import { elapsedHours, type ProcessTiming, processTiming } from './process.timing.ts'
import { processTotal } from './service-total.ts'

/** R8 at step level: what happened to each step between two versions of a process. */
export interface StepChange {
  kind: 'added' | 'removed' | 'changed'
  title: string
  before: ProcessStep | null
  after: ProcessStep | null
  /** Persian descriptions of what changed in a changed step. */
  details: string[]
}

export interface ProcessDiff {
  changes: StepChange[]
  timingBefore: ProcessTiming | undefined
  timingAfter: ProcessTiming | undefined
  /** A plain-Persian summary, e.g. «مرحلهٔ … حذف شد؛ زمان کل از ۱۵ به ۷ روز کاری کاهش یافت». */
  summary: string
}

const key = (s: ProcessStep) => s.title.replace(/\s+/g, ' ').trim()

function durationHours(s: ProcessStep): number {
  if (!s.duration) return 0
  const perUnit = { minute: 1 / 60, hour: 1, working_day: 24 * (7 / 5), calendar_day: 24 }[
    s.duration.unit
  ]
  return s.duration.max * perUnit
}

function stepDetails(a: ProcessStep, b: ProcessStep): string[] {
  const details: string[] = []
  if (key(a) !== key(b)) details.push(`عنوان از «${a.title}» به «${b.title}» تغییر کرد`)
  const da = a.duration ? stepDurationText(a.duration) : 'بدون زمان'
  const db = b.duration ? stepDurationText(b.duration) : 'بدون زمان'
  if (da !== db) {
    const verb =
      durationHours(b) < durationHours(a)
        ? 'کاهش یافت'
        : durationHours(b) > durationHours(a)
          ? 'افزایش یافت'
          : 'تغییر کرد'
    details.push(`زمان از ${da} به ${db} ${verb}`)
  }
  if (a.actor !== b.actor)
    details.push(`انجام‌دهنده از ${ACTOR_LABELS[a.actor]} به ${ACTOR_LABELS[b.actor]} تغییر کرد`)
  if (a.requiresAttendance !== b.requiresAttendance)
    details.push(b.requiresAttendance ? 'مراجعهٔ حضوری لازم شد' : 'دیگر مراجعهٔ حضوری لازم نیست')
  if (a.channel !== b.channel) details.push('شیوهٔ انجام تغییر کرد')
  if (a.kind !== b.kind)
    details.push(b.kind === 'decision' ? 'به مرحلهٔ تصمیم تبدیل شد' : 'به مرحلهٔ کار تبدیل شد')
  if ((a.unit ?? '') !== (b.unit ?? '')) details.push('واحد مسئول تغییر کرد')
  if (JSON.stringify(a.documents) !== JSON.stringify(b.documents))
    details.push('مدارک این مرحله تغییر کرد')
  if (JSON.stringify(a.fees) !== JSON.stringify(b.fees))
    details.push('هزینه‌های این مرحله تغییر کرد')
  return details
}

/**
 * Steps are matched by id, then by title (an editor may rebuild a process);
 * what is left over was added or removed.
 */
export function diffProcesses(before: ServiceProcess, after: ServiceProcess): ProcessDiff {
  const unmatched = new Map(before.steps.map((s) => [s.id, s]))
  const changes: StepChange[] = []
  for (const b of after.steps) {
    let a = unmatched.get(b.id)
    if (!a || key(a) !== key(b)) a = [...unmatched.values()].find((x) => key(x) === key(b)) ?? a
    if (a) {
      unmatched.delete(a.id)
      const details = stepDetails(a, b)
      if (details.length > 0)
        changes.push({ kind: 'changed', title: b.title, before: a, after: b, details })
    } else {
      changes.push({ kind: 'added', title: b.title, before: null, after: b, details: [] })
    }
  }
  for (const a of unmatched.values())
    changes.push({ kind: 'removed', title: a.title, before: a, after: null, details: [] })

  const timingBefore = processTiming(before)
  const timingAfter = processTiming(after)
  const parts: string[] = []
  for (const c of changes) {
    if (c.kind === 'removed') parts.push(`مرحلهٔ «${c.title}» حذف شد`)
    else if (c.kind === 'added') parts.push(`مرحلهٔ «${c.title}» افزوده شد`)
    else parts.push(`در مرحلهٔ «${c.title}» ${c.details.join('، ')}`)
  }
  if (timingBefore && timingAfter) {
    // In the service page's words (the one total, issue 17), not the exact sum of the units.
    const from = processTotal(timingBefore).text
    const to = processTotal(timingAfter).text
    if (from !== to) {
      const verb =
        elapsedHours(timingAfter.max) < elapsedHours(timingBefore.max)
          ? 'کاهش یافت'
          : elapsedHours(timingAfter.max) > elapsedHours(timingBefore.max)
            ? 'افزایش یافت'
            : 'تغییر کرد'
      parts.push(`زمان کل از ${from} به ${to} ${verb}`)
    }
  }
  const summary =
    parts.length > 0
      ? `${parts.join('؛ ')}.`
      : before.steps.length === 0 && after.steps.length === 0
        ? ''
        : 'مراحل فرایند تغییری نکرد.'
  return { changes, timingBefore, timingAfter, summary }
}
