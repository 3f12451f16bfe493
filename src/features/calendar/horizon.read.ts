import type { Deps } from '../../deps.ts'
import type { Html } from '../../web/ui/index.ts'
import { horizonText, loadCalendarHorizon, nextYearToEnter } from './horizon.actions.ts'
import { calendarHorizonPanel } from './views/horizon-panel.ts'

/** The central dashboard's reminder that the lunar holidays run out (empty until it is due). */
export async function loadCalendarHorizonPanel(deps: Pick<Deps, 'db'>, now: Date): Promise<Html> {
  const h = await loadCalendarHorizon(deps, now)
  return calendarHorizonPanel(h, horizonText(h), nextYearToEnter(h, now))
}
