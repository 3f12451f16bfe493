import { formatNumberFa } from '../../lib/fa/digits.ts'
import type { StepDuration } from '../services/index.ts'
import { STEP_UNIT_LABELS } from './messages.fa.ts'

/** «۲ تا ۳ روز کاری», «۲۰ دقیقه». */
export function stepDurationText(d: StepDuration): string {
  const unit = STEP_UNIT_LABELS[d.unit]
  return d.min === d.max
    ? `${formatNumberFa(d.max)} ${unit}`
    : `${formatNumberFa(d.min)} تا ${formatNumberFa(d.max)} ${unit}`
}
