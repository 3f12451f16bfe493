import { html } from 'hono/html'
import {
  button,
  csrfField,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
  panel,
  radios,
  textarea,
} from '../../../web/ui/index.ts'
import { COMMENT_MAX } from '../rating.input.ts'
import { DIMENSIONS, ratingMsg as msg, SCALE_LABELS } from '../rating.messages.fa.ts'
import { guardFields } from './guard-fields.ts'

export interface RatingFormView {
  action: string
  serviceTitle: string
  csrfToken: string
  /** The signed time the form was rendered (the public-form guard's minimum fill time). */
  started: string
  values: Record<string, string>
  errors: FieldErrors
}

const SCALE = ['5', '4', '3', '2', '1'] as const

/** The rating form: a plain POST form, no sign-in, no script needed. */
export function ratingFormPage(v: RatingFormView): Html {
  const scale = () => SCALE.map((value) => ({ value, text: SCALE_LABELS[value] ?? value }))
  const dimensions = DIMENSIONS.map((d) =>
    radios({
      name: d.key,
      fieldset: { legend: { text: d.label, classes: 'mr-fieldset__legend--s' } },
      classes: 'mr-radios--small mr-radios--inline',
      items: [...scale(), { value: '', text: msg.notApplicable }],
      value: v.values[d.key] ?? '',
      errorMessage: fieldError(v.errors, d.key),
    }),
  )
  return html`${hasErrors(v.errors) ? errorSummary({ errorList: errorListFromFieldErrors(v.errors) }) : ''}
<h1 class="mr-heading-l">${msg.title}</h1>
<p class="mr-body-l">${v.serviceTitle}</p>
<p class="mr-body">${msg.intro}</p>
<form method="post" action="${v.action}" novalidate>
${csrfField(v.csrfToken)}
${guardFields(v.started)}
${radios({
  name: 'overall',
  fieldset: { legend: { text: msg.overallLegend, classes: 'mr-fieldset__legend--m' } },
  items: scale(),
  ...(v.values.overall !== undefined ? { value: v.values.overall } : {}),
  errorMessage: fieldError(v.errors, 'overall'),
})}
<h2 class="mr-heading-m">${msg.dimensionsHeading}</h2>
${dimensions}
${textarea({
  name: 'comment',
  label: { text: msg.commentLabel, classes: 'mr-label--s' },
  hint: { text: msg.commentHint },
  value: v.values.comment ?? '',
  rows: 5,
  maxlength: COMMENT_MAX,
  errorMessage: fieldError(v.errors, 'comment'),
})}
${button({ text: msg.submit })}
</form>`
}

/** A short page that says what happened to a link (thanks, used, forged, expired…). */
export function ratingOutcomePage(kind: 'saved' | 'used' | 'forged' | 'expired' | 'unknown'): {
  title: string
  content: Html
} {
  if (kind === 'saved')
    return {
      title: msg.thanksTitle,
      content: panel({ titleText: msg.thanksTitle, text: msg.thanks }),
    }
  const pages: Record<typeof kind, { title: string; text: string }> = {
    used: { title: msg.usedTitle, text: msg.used },
    forged: { title: msg.forgedTitle, text: msg.forged },
    expired: { title: msg.expiredTitle, text: msg.expired },
    unknown: { title: msg.unknownTitle, text: msg.unknown },
  }
  const { title, text } = pages[kind]
  return {
    title,
    content: html`<h1 class="mr-heading-l">${title}</h1><p class="mr-body">${text}</p>`,
  }
}
