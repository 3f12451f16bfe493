import type { ProcessStep, ServiceProcess, StepDuration, Transition } from '../services/index.ts'

/** A task step with sensible defaults, for tests. */
export function task(
  id: string,
  title: string,
  duration: StepDuration | null,
  over: Partial<ProcessStep> = {},
): ProcessStep {
  return {
    id,
    kind: 'task',
    title,
    actor: 'agency',
    unit: null,
    description: null,
    duration,
    channel: null,
    requiresAttendance: false,
    documents: [],
    fees: [],
    legalBasis: null,
    variantId: null,
    ...over,
  }
}

export function decision(id: string, title: string): ProcessStep {
  return task(id, title, null, { kind: 'decision' })
}

export function edge(from: string, to: string, label: string | null = null): Transition {
  return { from, to, label, kind: 'normal' }
}

export function back(from: string, to: string, label = 'بازگشت برای اصلاح'): Transition {
  return { from, to, label, kind: 'return' }
}

export function processOf(
  steps: ProcessStep[],
  transitions: Transition[],
  variants: ServiceProcess['variants'] = [],
): ServiceProcess {
  return { steps, transitions, variants }
}

export const wd = (min: number, max = min): StepDuration => ({ min, max, unit: 'working_day' })
export const hours = (min: number, max = min): StepDuration => ({ min, max, unit: 'hour' })
export const minutes = (min: number, max = min): StepDuration => ({ min, max, unit: 'minute' })

/** Generated processes with branches, loops and variants (the flowchart's test data). */
export { generateProcess } from './flowchart/testing.ts'
