import { toPersianDigits } from '../../lib/fa/digits.ts'
import { type DeclaredTime, declaredTimeText } from '../services/index.ts'
import type { FeedbackJson } from './rating.api.ts'

/** What a page says instead of a figure below the minimum n. */
export const NOT_ENOUGH_DATA = 'هنوز دادهٔ کافی نیست'

/** «۲ روز و ۵ ساعت», «۳ ساعت», «۴۰ دقیقه»: an actual duration as people say it. */
export function elapsedText(hours: number): string {
  const minutes = Math.round(hours * 60)
  if (minutes < 60) return `${toPersianDigits(Math.max(minutes, 1))} دقیقه`
  const wholeHours = Math.round(hours)
  const days = Math.floor(wholeHours / 24)
  const rest = wholeHours % 24
  if (days === 0) return `${toPersianDigits(wholeHours)} ساعت`
  return rest === 0
    ? `${toPersianDigits(days)} روز`
    : `${toPersianDigits(days)} روز و ${toPersianDigits(rest)} ساعت`
}

/**
 * The service page's sentence on promised against actual (issue 13 item 4), from the rolled-up
 * figures: «در ۹۰ روز گذشته، نیمی از درخواست‌ها در … انجام شد؛ وعده: …», with its n; below the
 * minimum n, «هنوز دادهٔ کافی نیست».
 */
export function actualTimeSentence(
  figures: Pick<FeedbackJson['actualTime'], 'n' | 'medianHours' | 'shown' | 'windowDays'>,
  promised: DeclaredTime | null,
): string {
  if (!figures.shown || figures.medianHours === null) return NOT_ENOUGH_DATA
  const promise = declaredTimeText(promised)
  return `در ${toPersianDigits(figures.windowDays)} روز گذشته، نیمی از درخواست‌ها در ${elapsedText(figures.medianHours)} یا کمتر انجام شد${promise ? `؛ وعده: ${promise}` : ''} (${toPersianDigits(figures.n)} درخواست).`
}
