/**
 * Generated processes for the flowchart's tests and benchmark: a main chain of tasks with
 * decisions whose two branches merge again, decisions that send the file back for correction,
 * return edges from review tasks, and a few variant steps. Deterministic for a given seed.
 */
import type {
  ProcessStep,
  ServiceProcess,
  StepActor,
  StepDuration,
  Transition,
} from '../../services/index.ts'

const TITLES = [
  'ثبت درخواست در سامانه',
  'بارگذاری مدارک',
  'بررسی مدارک توسط کارشناس',
  'پرداخت هزینه',
  'استعلام از سازمان ثبت احوال کشور',
  'بازدید میدانی و تهیهٔ گزارش کارشناسی از محل',
  'تأیید مدیر واحد',
  'صدور و ارسال گواهی‌نامه به نشانی متقاضی',
  'اعلام نتیجه با پیامک',
  'حضور متقاضی و تحویل اصل مدارک',
]
const QUESTIONS = ['مدارک کامل است؟', 'نتیجهٔ استعلام مثبت است؟', 'آیا ملک در طرح تفصیلی قرار دارد؟']
const ACTORS: StepActor[] = ['citizen', 'agency', 'other_agency', 'system']
const DURATIONS: StepDuration[] = [
  { min: 10, max: 10, unit: 'minute' },
  { min: 1, max: 2, unit: 'hour' },
  { min: 2, max: 3, unit: 'working_day' },
  { min: 5, max: 7, unit: 'calendar_day' },
]

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A step with the defaults of the model filled in. */
export function buildStep(
  overrides: Partial<ProcessStep> & Pick<ProcessStep, 'id' | 'title'>,
): ProcessStep {
  const step: ProcessStep = {
    kind: 'task',
    actor: 'agency',
    unit: null,
    description: null,
    duration: null,
    channel: null,
    requiresAttendance: false,
    documents: [],
    fees: [],
    legalBasis: null,
    variantId: null,
    ...overrides,
  }
  return step
}

/**
 * A process of exactly `count` steps.
 *
 * @param count - Number of steps (≥ 1).
 * @param seed - Changes the shape; the same seed gives the same process.
 */
export function generateProcess(count: number, seed = 1): ServiceProcess {
  const rand = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
  const steps: ProcessStep[] = []
  const transitions: Transition[] = []
  const variants = [{ id: 'v1', label: 'اتباع خارجی' }]
  let open: { from: string; label: string | null }[] = []

  const add = (kind: ProcessStep['kind'], title: string, variantId: string | null = null) => {
    const id = `s${steps.length + 1}`
    steps.push(
      buildStep({
        id,
        kind,
        title,
        actor: pick(ACTORS),
        duration: kind === 'task' ? pick(DURATIONS) : null,
        variantId,
      }),
    )
    for (const o of open) transitions.push({ from: o.from, to: id, label: o.label, kind: 'normal' })
    open = []
    return id
  }
  const back = (from: string, label: string | null): void => {
    const earlier = steps.length - 2 - Math.floor(rand() * 3)
    const target = steps[Math.max(0, earlier)]
    if (target && target.id !== from)
      transitions.push({ from, to: target.id, label, kind: 'return' })
  }

  while (steps.length < count) {
    const left = count - steps.length
    const r = rand()
    if (r < 0.15 && left >= 4 && steps.length > 0) {
      // A decision whose two branches merge at the next step.
      const d = add('decision', pick(QUESTIONS))
      open = [{ from: d, label: 'بله' }]
      const yes = add('task', pick(TITLES))
      open = [{ from: d, label: 'خیر' }]
      const no = add('task', pick(TITLES), rand() < 0.5 ? 'v1' : null)
      open = [
        { from: yes, label: null },
        { from: no, label: null },
      ]
    } else if (r < 0.27 && left >= 2 && steps.length > 1) {
      // A check that sends the file back for correction.
      const d = add('decision', pick(QUESTIONS))
      back(d, 'خیر، بازگشت برای اصلاح')
      open = [{ from: d, label: 'بله' }]
    } else {
      const t = add('task', pick(TITLES))
      if (rand() < 0.08 && steps.length > 2) back(t, null)
      open = [{ from: t, label: null }]
    }
  }
  return { steps, transitions, variants }
}
