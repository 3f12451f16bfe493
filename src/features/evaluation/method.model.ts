import { z } from 'zod'
import type { ComponentRule } from './scoring.ts'

/**
 * The evaluation method (issue 15 item 1): which components count, their weights and targets,
 * the growth weight and the minimum data, set by the central admin and versioned. A method that
 * a published evaluation used is frozen; a change is the next version.
 */

/** The components a method may weigh, each read from what the portal already measures. */
export const COMPONENTS = {
  publication: {
    nameFa: 'کامل بودن شناسنامه‌ها و زمان هر گام',
    source: 'G-CARD-COMPLETE',
    direction: 'higher',
    unit: 'percent',
  },
  reviews: {
    nameFa: 'بازبینی به‌موقع شناسنامه‌ها',
    source: 'G-REVIEW-ON-TIME',
    direction: 'higher',
    unit: 'percent',
  },
  indicatorsOnTime: {
    nameFa: 'پیشنهاد شاخص‌ها و ارسال به‌موقع مقدارها',
    source: 'indicator values due in the period and recorded by their due day',
    direction: 'higher',
    unit: 'percent',
  },
  specificTargets: {
    nameFa: 'دستیابی به هدف شاخص‌های اختصاصی',
    source: 'accepted values of approved specific indicators against their year’s target',
    direction: 'higher',
    unit: 'percent',
  },
  satisfaction: {
    nameFa: 'رضایت مردم',
    source: 'G-SATISFACTION',
    direction: 'higher',
    unit: 'score_1_5',
  },
  accuracy: {
    nameFa: 'صحت اطلاعات (گزارش‌های پذیرفته در هر هزار بازدید)',
    source: 'G-REPORTS-PER-1000',
    direction: 'lower',
    unit: 'per_1000',
  },
  eService: {
    nameFa: 'سهم مراحل الکترونیکی',
    source: 'G-E-STAGES',
    direction: 'higher',
    unit: 'percent',
  },
  promises: {
    nameFa: 'انجام کار در زمان وعده‌داده‌شده',
    source: 'G-PROMISE-ON-TIME',
    direction: 'higher',
    unit: 'percent',
  },
} as const

export type ComponentKey = keyof typeof COMPONENTS
export const COMPONENT_KEYS = Object.keys(COMPONENTS) as ComponentKey[]

export interface MethodComponent {
  key: ComponentKey
  weight: number
  target: number
  minN: number
}

export interface EvaluationMethod {
  id: string
  version: number
  nameFa: string
  components: MethodComponent[]
  growthWeight: number
  /** Below this share of the weight comparable, an agency's total is not comparable. */
  minComparableShare: number
  createdAt: Date
  frozenAt: Date | null
}

/** The stored components (jsonb), parsed on the way out. */
export const storedComponents = z.array(
  z.object({
    key: z.enum(COMPONENT_KEYS as [ComponentKey, ...ComponentKey[]]),
    weight: z.number(),
    target: z.number(),
    minN: z.number().int(),
  }),
)

/** The scoring rules of a method's components (direction comes from the component). */
export function rulesOf(m: Pick<EvaluationMethod, 'components'>): ComponentRule[] {
  return m.components.map((c) => ({
    key: c.key,
    weight: c.weight,
    target: c.target,
    direction: COMPONENTS[c.key].direction,
    minN: c.minN,
  }))
}

/**
 * The first method, a starting point the central admin edits before any evaluation uses it:
 * informing people and e-service weigh most (directive item 7), satisfaction and accuracy next
 * (item 6), then timeliness.
 */
export const DEFAULT_METHOD: Omit<EvaluationMethod, 'id' | 'version' | 'createdAt' | 'frozenAt'> = {
  nameFa: 'روش ارزیابی دستگاه‌ها از راه پرتال',
  components: [
    { key: 'publication', weight: 20, target: 100, minN: 1 },
    { key: 'eService', weight: 15, target: 80, minN: 1 },
    { key: 'satisfaction', weight: 15, target: 4.5, minN: 30 },
    { key: 'accuracy', weight: 10, target: 1, minN: 1 },
    { key: 'promises', weight: 10, target: 90, minN: 30 },
    { key: 'reviews', weight: 10, target: 100, minN: 1 },
    { key: 'indicatorsOnTime', weight: 5, target: 100, minN: 1 },
    { key: 'specificTargets', weight: 5, target: 100, minN: 1 },
  ],
  growthWeight: 10,
  minComparableShare: 0.5,
}
