import { toPersianDigits } from '../../lib/fa/digits.ts'
import { STEP_UNIT_LABELS } from './messages.fa.ts'
import type { StepDuration } from './process.model.ts'

/** «۲ تا ۳ روز کاری», «۲۰ دقیقه». */
export function stepDurationText(d: StepDuration): string {
  const unit = STEP_UNIT_LABELS[d.unit]
  return d.min === d.max
    ? `${toPersianDigits(d.max)} ${unit}`
    : `${toPersianDigits(d.min)} تا ${toPersianDigits(d.max)} ${unit}`
}
