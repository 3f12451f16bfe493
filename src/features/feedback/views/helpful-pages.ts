import { html } from 'hono/html'
import {
  button,
  csrfField,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  panel,
  radios,
  textarea,
} from '../../../web/ui/index.ts'
import { helpfulMsg as msg } from '../helpful.messages.fa.ts'
import { HELPFUL_SECTION_LABELS, HELPFUL_SECTIONS, MISSING_MAX } from '../helpful.model.ts'
import { guardFields } from './guard-fields.ts'

const back = (slug: string) =>
  html`<p class="mr-body"><a class="mr-link" href="/services/${slug}">${msg.backToService}</a></p>`

/** After a vote (or a silently refused one: it looks the same). */
export function helpfulThanks(slug: string): Html {
  return html`${panel({ titleText: msg.thanksTitle, text: msg.thanks })}${back(slug)}`
}

/** Too many answers from this address or browser: said plainly, nothing stored. */
export function helpfulRateLimited(slug: string): Html {
  return html`<h1 class="mr-heading-l">${msg.rateLimitedTitle}</h1>
    <p class="mr-body">${msg.rateLimited}</p>${back(slug)}`
}

/** A follow-up link that is too old, used or unknown. */
export function helpfulFollowUpGone(slug: string): Html {
  return html`<h1 class="mr-heading-l">${msg.thanksTitle}</h1>
    <p class="mr-body">${msg.followUpGone}</p>${back(slug)}`
}

/** The vote as its own page (a GET of the vote address, e.g. from a bookmark). */
export function helpfulQuestion(slug: string, serviceTitle: string, csrfToken: string): Html {
  return html`<span class="mr-caption-l">${serviceTitle}</span>
    <form method="post" action="/services/${slug}/helpful" novalidate>
      ${csrfField(csrfToken)}${guardFields(null)}
      <fieldset class="mr-fieldset">
        <legend class="mr-fieldset__legend mr-fieldset__legend--l"><h1 class="mr-fieldset__heading">${msg.question}</h1></legend>
        <div class="mr-button-group">
          <button type="submit" name="vote" value="yes" class="mr-button mr-button--secondary">بله</button>
          <button type="submit" name="vote" value="no" class="mr-button mr-button--secondary">خیر</button>
        </div>
      </fieldset>
    </form>`
}

export interface FollowUpView {
  slug: string
  serviceTitle: string
  voteId: string
  csrfToken: string
  /** The signed render time (abuse: minimum fill time). */
  started: string
  values: { missing?: string; section?: string }
  errors: FieldErrors
}

/** «چه چیزی نادرست بود یا کم بود؟» and which section, after a «خیر»; both optional. */
export function helpfulFollowUp(v: FollowUpView): Html {
  const errorList = Object.entries(v.errors).map(([field, text]) => ({ text, href: `#${field}` }))
  return html`${errorList.length ? errorSummary({ errorList }) : ''}
    <span class="mr-caption-l">${v.serviceTitle}</span>
    <h1 class="mr-heading-l">${msg.followUpTitle}</h1>
    <form method="post" action="/services/${v.slug}/helpful/more?vote=${v.voteId}" novalidate>
      ${csrfField(v.csrfToken)}${guardFields(v.started)}
      ${textarea({
        name: 'missing',
        id: 'missing',
        label: { text: msg.followUpTitle, classes: 'mr-label--s' },
        hint: { text: msg.followUpHint },
        rows: 5,
        maxlength: MISSING_MAX,
        value: v.values.missing ?? '',
        errorMessage: fieldError(v.errors, 'missing'),
      })}
      ${radios({
        name: 'section',
        idPrefix: 'section',
        fieldset: { legend: { text: msg.sectionLegend, classes: 'mr-fieldset__legend--s' } },
        value: v.values.section ?? '',
        errorMessage: fieldError(v.errors, 'section'),
        items: [
          ...HELPFUL_SECTIONS.map((s) => ({ value: s, text: HELPFUL_SECTION_LABELS[s] })),
          { value: '', text: msg.sectionAny },
        ],
      })}
      ${button({ text: msg.send })}
    </form>
    <p class="mr-body"><a class="mr-link" href="/services/${v.slug}">${msg.skip}</a></p>`
}
