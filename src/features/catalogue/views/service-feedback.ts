import { html } from 'hono/html'
import type { Html } from '../../../web/ui/index.ts'
import {
  type ActualTimeFigures,
  actualTimeSentence,
  type DeclaredTime,
  type SatisfactionFigure,
  satisfactionSentence,
} from '../../services/index.ts'

/** What transactions and ratings say about the service, as rolled up (issue 13 items 4, 5). */
export interface ServiceFeedbackView {
  actualTime: ActualTimeFigures
  promised: DeclaredTime | null
  satisfaction: SatisfactionFigure
}

/**
 * «در عمل چقدر طول کشید؟» beside the process section: the median actual time against the
 * promise and the satisfaction mean with its interval, each with n, or «هنوز دادهٔ کافی نیست».
 * Static text from rollup rows, so the page stays cacheable.
 */
export function serviceFeedbackSection(v: ServiceFeedbackView): Html {
  return html`<section class="mr-service-section" id="in-practice" aria-labelledby="in-practice-heading">
      <h2 class="mr-heading-m" id="in-practice-heading">در عمل</h2>
      <p class="mr-body" id="actual-time"><strong>زمان واقعی انجام کار:</strong> ${actualTimeSentence(v.actualTime, v.promised)}</p>
      <p class="mr-body" id="satisfaction"><strong>رضایت مردم:</strong> ${satisfactionSentence(v.satisfaction)}</p>
    </section>`
}
