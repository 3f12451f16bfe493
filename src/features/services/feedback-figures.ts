import { formatNumberFa, toPersianDigits } from '../../lib/fa/digits.ts'
import { type MeanInterval, meanInterval, type SampleTotals } from '../../lib/stats.ts'
import type { DeclaredTime } from './service.model.ts'
import { declaredTimeText } from './service.text.ts'

/**
 * The pure wording of what citizens and transactions say about a service (issue 13 items 4, 5),
 * kept in the catalogue core so both the service page (catalogue) and features/feedback (API,
 * dashboards, open data) use the same sentences and the same minimum-n rule.
 */

/** What a page says instead of a figure below the minimum n. */
export const NOT_ENOUGH_DATA = 'هنوز دادهٔ کافی نیست'

/** Promised against actual looks back this many days (features/feedback rolls it up). */
export const ACTUAL_TIME_WINDOW_DAYS = 90

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

/** The whole-transaction figures a sentence needs. */
export interface ActualTimeFigures {
  n: number
  medianHours: number | null
  /** n reaches the minimum n. */
  shown: boolean
  windowDays: number
}

/**
 * The service page's sentence on promised against actual (issue 13 item 4), from the rolled-up
 * figures: «در ۹۰ روز گذشته، نیمی از درخواست‌ها در … انجام شد؛ وعده: …», with its n; below the
 * minimum n, «هنوز دادهٔ کافی نیست».
 */
export function actualTimeSentence(
  figures: ActualTimeFigures,
  promised: DeclaredTime | null,
): string {
  if (!figures.shown || figures.medianHours === null) return NOT_ENOUGH_DATA
  const promise = declaredTimeText(promised)
  return `در ${toPersianDigits(figures.windowDays)} روز گذشته، نیمی از درخواست‌ها در ${elapsedText(figures.medianHours)} یا کمتر انجام شد${promise ? `؛ وعده: ${promise}` : ''} (${toPersianDigits(figures.n)} درخواست).`
}

/** Satisfaction (overall 1–5) as a page may show it: the mean with its interval, or not yet. */
export interface SatisfactionFigure {
  n: number
  /** The mean with its 95% interval; null with no rating. */
  interval: MeanInterval | null
  shown: boolean
  minN: number
}

export function satisfactionFigure(totals: SampleTotals, minN: number): SatisfactionFigure {
  return { n: totals.n, interval: meanInterval(totals), shown: totals.n >= minN, minN }
}

/** «۴٫۲» — one decimal, Persian digits and separator. */
function oneDecimal(x: number): string {
  return formatNumberFa(Math.round(x * 10) / 10)
}

/**
 * «میانگین رضایت ۴٫۲ از ۵ (بازهٔ اطمینان ۹۵٪: ۳٫۹ تا ۴٫۵؛ ۴۲ امتیاز)», or below the minimum n
 * «هنوز دادهٔ کافی نیست (۱۲ امتیاز؛ کمینه ۳۰ امتیاز).».
 */
export function satisfactionSentence(f: SatisfactionFigure): string {
  if (!f.shown || !f.interval)
    return `${NOT_ENOUGH_DATA} (${formatNumberFa(f.n)} امتیاز؛ کمینه ${formatNumberFa(f.minN)} امتیاز).`
  const [low, high] = f.interval.ci95
  return `میانگین رضایت ${oneDecimal(f.interval.mean)} از ۵ (بازهٔ اطمینان ۹۵٪: ${oneDecimal(Math.max(1, low))} تا ${oneDecimal(Math.min(5, high))}؛ ${formatNumberFa(f.n)} امتیاز).`
}
