import { html } from 'hono/html'
import { formatDateFa } from '../../../lib/fa/index.ts'
import { type Html, type TagColour, tag } from '../../../web/ui/index.ts'
import type { ReviewState } from '../../services/index.ts'
import { STATE_LABELS } from '../messages.fa.ts'

const STATE_COLOURS: Record<ReviewState, TagColour> = {
  current: 'green',
  due_soon: 'blue',
  due: 'yellow',
  overdue: 'red',
  escalated: 'red',
}

export function stateTag(state: ReviewState): Html {
  return tag({ text: STATE_LABELS[state], colour: STATE_COLOURS[state] })
}

export function day(d: Date | null): Html {
  return d ? html`<time datetime="${d.toISOString()}">${formatDateFa(d)}</time>` : html`—`
}
