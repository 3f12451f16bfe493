import { z } from 'zod'
import { normalizeFaInput, toAsciiDigits } from '../../lib/fa/index.ts'
import { COMPONENT_KEYS, type ComponentKey, type MethodComponent } from './method.model.ts'
import type { MethodFields } from './method.queries.ts'
import { weightsProblem } from './scoring.ts'

const number = (s: unknown): number | null => {
  if (typeof s !== 'string') return null
  const t = toAsciiDigits(normalizeFaInput(s)).trim().replace(/[٫/]/g, '.')
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null
}

/**
 * The method form: per component `weight.<key>`, `target.<key>`, `minN.<key>` (a weight of 0
 * or empty leaves the component out), the growth weight, the minimum comparable share in
 * percent, and the name. Weights (with growth) must sum to 100.
 */
export function parseMethodForm(
  f: Record<string, string>,
): { ok: true; value: MethodFields } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const nameFa = normalizeFaInput(f.nameFa ?? '').trim()
  if (nameFa.length < 3 || nameFa.length > 200)
    errors.nameFa = 'نام روش را بنویسید (۳ تا ۲۰۰ نویسه).'
  const components: MethodComponent[] = []
  for (const key of COMPONENT_KEYS) {
    const raw = f[`weight.${key}`] ?? ''
    const weight = raw.trim() === '' ? 0 : number(raw)
    if (weight === null || weight < 0 || weight > 100) {
      errors[`weight.${key}`] = 'وزن باید عددی میان ۰ و ۱۰۰ باشد.'
      continue
    }
    if (weight === 0) continue
    const target = number(f[`target.${key}`])
    if (target === null || target < 0) errors[`target.${key}`] = 'هدف را به عدد بنویسید.'
    const minN = number(f[`minN.${key}`])
    if (minN === null || !Number.isInteger(minN) || minN < 1 || minN > 100_000)
      errors[`minN.${key}`] = 'کمینهٔ داده باید عدد صحیحی از ۱ به بالا باشد.'
    components.push({ key: key as ComponentKey, weight, target: target ?? 0, minN: minN ?? 1 })
  }
  const growthWeight = (f.growthWeight ?? '').trim() === '' ? 0 : number(f.growthWeight)
  if (growthWeight === null || growthWeight < 0 || growthWeight > 100)
    errors.growthWeight = 'وزن رشد باید عددی میان ۰ و ۱۰۰ باشد.'
  const share = number(f.minComparableShare)
  if (share === null || share <= 0 || share > 100)
    errors.minComparableShare = 'کمینهٔ سهم قابل مقایسه باید درصدی میان ۱ و ۱۰۰ باشد.'
  if (components.length === 0) errors.weights = 'دست‌کم یک جزء باید وزن داشته باشد.'
  else if (Object.keys(errors).length === 0) {
    const problem = weightsProblem(components, growthWeight ?? 0)
    if (problem) errors.weights = problem
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: {
      nameFa,
      components,
      growthWeight: growthWeight ?? 0,
      minComparableShare: (share ?? 50) / 100,
    },
  }
}

/** The same for the API (numbers as JSON). */
export const methodBody = z.object({
  nameFa: z.string().min(3).max(200),
  components: z
    .array(
      z.object({
        key: z.enum(COMPONENT_KEYS as [ComponentKey, ...ComponentKey[]]),
        weight: z.number().positive().max(100),
        target: z.number().min(0),
        minN: z.number().int().min(1).max(100_000),
      }),
    )
    .min(1),
  growthWeight: z.number().min(0).max(100),
  minComparableShare: z.number().positive().max(1),
})
