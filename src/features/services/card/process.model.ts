/**
 * The process of a service version (directive item 1: "the workflow with its
 * timing … shown as simple graphs"): steps with who does them and how long
 * they take, decisions with labelled outgoing transitions, variant cases, and
 * "return for correction" edges (the only edges allowed to form cycles).
 */

export const STEP_KINDS = ['task', 'decision'] as const
export type StepKind = (typeof STEP_KINDS)[number]

/** Who performs a step. */
export const ACTORS = ['citizen', 'agency', 'other_agency', 'system'] as const
export type StepActor = (typeof ACTORS)[number]

export const STEP_TIME_UNITS = ['minute', 'hour', 'working_day', 'calendar_day'] as const
export type StepTimeUnit = (typeof STEP_TIME_UNITS)[number]

export const CHANNELS = [
  'in_person',
  'online',
  'phone',
  'mail',
  'counter_office',
  'internal',
] as const
export type StepChannel = (typeof CHANNELS)[number]

/** How long a step takes: a range (min = max for a fixed time). */
export interface StepDuration {
  min: number
  max: number
  unit: StepTimeUnit
}

export interface ProcessStep {
  /** Stable within the process (`s1`, `s2`…); transitions refer to it. */
  id: string
  kind: StepKind
  title: string
  actor: StepActor
  /** The responsible unit, e.g. «واحد صدور». */
  unit: string | null
  description: string | null
  /** Decisions may take no time (null); tasks should say how long they take. */
  duration: StepDuration | null
  channel: StepChannel | null
  /** The citizen must be present in person at this step (counts as a visit). */
  requiresAttendance: boolean
  /** Names of the card's required documents used at this step. */
  documents: string[]
  /** Descriptions of the card's fees paid at this step. */
  fees: string[]
  legalBasis: { lawId: string; article: string | null } | null
  /** When set, the step belongs only to this variant case (e.g. foreign nationals). */
  variantId: string | null
}

export const TRANSITION_KINDS = ['normal', 'return'] as const
export type TransitionKind = (typeof TRANSITION_KINDS)[number]

export interface Transition {
  from: string
  to: string
  /** The condition of a decision's outgoing edge («مدارک کامل است»), or null. */
  label: string | null
  /** A "return for correction" edge may point backwards; normal edges never form a cycle. */
  kind: TransitionKind
}

/** A case with a path of its own, e.g. «اتباع خارجی». */
export interface ProcessVariant {
  id: string
  label: string
}

export interface ServiceProcess {
  steps: ProcessStep[]
  transitions: Transition[]
  variants: ProcessVariant[]
}

export const EMPTY_PROCESS: ServiceProcess = { steps: [], transitions: [], variants: [] }
