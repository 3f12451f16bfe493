import { html } from 'hono/html'
import {
  formatJalaliFa,
  gregorianToJalali,
  type JalaliDate,
  toPersianDigits,
  weekdayFa,
} from '../../../lib/fa/index.ts'
import { THURSDAY_STATUSES, type ThursdayStatus } from '../../../lib/working-calendar.ts'
import {
  button,
  checkboxes,
  csrfField,
  dateInput,
  errorListFromFieldErrors,
  errorSummary,
  type FieldErrors,
  fieldError,
  type Html,
  hasErrors,
  insetText,
  radios,
  type TableCell,
  table,
  tag,
  textInput,
  warningText,
} from '../../../web/ui/index.ts'
import { HOLIDAY_KINDS, type ListedHoliday } from '../calendar.model.ts'
import { HOLIDAY_KIND_LABELS, msg, THURSDAY_STATUS_LABELS } from '../messages.fa.ts'

function jalaliOf(isoDay: string): JalaliDate {
  const [gy, gm, gd] = isoDay.split('-').map(Number)
  return gregorianToJalali(gy ?? 0, gm ?? 0, gd ?? 0)
}

/** '2026-03-21' → «۱ فروردین ۱۴۰۵». */
export function holidayDateFa(isoDay: string): string {
  return formatJalaliFa(jalaliOf(isoDay))
}

/** '2026-03-21' → «شنبه» (noon UTC is the same day in Tehran). */
export function holidayWeekdayFa(isoDay: string): string {
  return weekdayFa(new Date(`${isoDay}T12:00:00Z`))
}

function statusTag(h: ListedHoliday): Html {
  return h.tentative
    ? tag({ text: msg.tentative, colour: 'yellow' })
    : tag({ text: msg.confirmed, colour: 'green' })
}

function yearNav(year: number, base: string): Html {
  const link = (y: number, text: string) =>
    html`<li><a class="mr-link" href="${base}?year=${y}">${text}</a></li>`
  return html`<nav aria-label="${msg.yearNav}"><ul class="mr-list">
    ${link(year - 1, msg.previousYear(toPersianDigits(year - 1)))}
    ${link(year + 1, msg.nextYear(toPersianDigits(year + 1)))}
  </ul></nav>`
}

function holidayTable(
  year: number,
  holidays: ListedHoliday[],
  actionCell?: (h: ListedHoliday) => TableCell,
): Html {
  if (holidays.length === 0) return html`<p class="mr-body">${msg.noHolidays}</p>`
  const head: TableCell[] = [
    { text: msg.date },
    { text: msg.weekday },
    { text: msg.title },
    { text: msg.kind },
    { text: msg.status },
  ]
  if (actionCell) head.push({ html: html`<span class="mr-visually-hidden">${msg.actions}</span>` })
  return table({
    caption: msg.yearCaption(toPersianDigits(year)),
    captionClasses: 'mr-table__caption--m',
    head,
    firstCellIsHeader: true,
    scrollable: true,
    id: 'holidays',
    rows: holidays.map((h) => {
      const cells: TableCell[] = [
        { text: holidayDateFa(h.day) },
        { text: holidayWeekdayFa(h.day) },
        { text: h.title },
        { text: HOLIDAY_KIND_LABELS[h.kind] },
        { html: statusTag(h) },
      ]
      if (actionCell) cells.push(actionCell(h))
      return cells
    }),
  })
}

export interface PublicCalendarView {
  year: number
  holidays: ListedHoliday[]
  thursday: ThursdayStatus
  /** The last year whose lunar holidays are entered; null when none is. */
  lunarKnownYear: number | null
}

/**
 * What the page says about the year's lunar holidays: not entered yet (so they are not in
 * the table and not excluded from due dates), or entered as estimates.
 */
function lunarNote(year: number, knownYear: number | null, holidays: ListedHoliday[]): Html {
  // Years before the table began have no lunar rows either: not known, not excluded.
  if (knownYear === null || year > knownYear || !holidays.some((h) => h.kind === 'lunar'))
    return html`<div id="lunar-unknown">${warningText({ text: msg.lunarUnknownTitle(toPersianDigits(year)) })}
      <p class="mr-body">${msg.lunarUnknown(toPersianDigits(year))}</p></div>`
  if (holidays.some((h) => h.kind === 'lunar' && h.tentative))
    return insetText({
      text: `${msg.lunarTentativeYear(toPersianDigits(year))} ${msg.tentativeHint}`,
    })
  return insetText({ text: msg.tentativeHint })
}

/** `/calendar`: the official holidays of a year, for citizens. */
export function publicCalendarPage(v: PublicCalendarView): Html {
  return html`<h1 class="mr-heading-l">${msg.publicTitle} ${toPersianDigits(v.year)}</h1>
    <p class="mr-body-l">${msg.publicLead}</p>
    <p class="mr-body">${msg.thursdayPublic(THURSDAY_STATUS_LABELS[v.thursday])} ${msg.thursdayPublicNote}</p>
    ${lunarNote(v.year, v.lunarKnownYear, v.holidays)}
    <p class="mr-body">${msg.count(toPersianDigits(v.holidays.length))}</p>
    ${holidayTable(v.year, v.holidays)}
    ${yearNav(v.year, '/calendar')}`
}

export interface AdminCalendarView {
  csrfToken: string
  year: number
  holidays: ListedHoliday[]
  thursday: ThursdayStatus
  lunarKnownYear: number | null
  /** The lunar-year form's submitted value and error (kept on a 422). */
  lunarYearValue: string
  lunarYearErrors: FieldErrors
  /** The add form's submitted values and errors (kept on a 422). */
  addValues: Record<string, string>
  addErrors: FieldErrors
  thursdayErrors: FieldErrors
}

/** `/admin/calendar`: the central admin keeps the holidays and the Thursday status. */
export function adminCalendarPage(v: AdminCalendarView): Html {
  const val = (k: string) => v.addValues[k] ?? ''
  const errors = { ...v.addErrors, ...v.thursdayErrors, ...v.lunarYearErrors }
  return html`${
    hasErrors(errors)
      ? errorSummary({
          errorList: errorListFromFieldErrors(errors, {
            date: 'date-day',
            kind: 'kind',
            lunarYear: 'lunarYear',
          }),
        })
      : ''
  }
    <h1 class="mr-heading-l">${msg.adminTitle} ${toPersianDigits(v.year)}</h1>
    <p class="mr-body-l">${msg.adminLead}</p>
    <p class="mr-body"><a class="mr-link" href="/calendar?year=${v.year}">${msg.adminLink}</a></p>
    ${lunarNote(v.year, v.lunarKnownYear, v.holidays)}
    ${holidayTable(v.year, v.holidays, (h) => ({
      html: h.stored
        ? html`<form method="post" action="/admin/calendar/holidays/${h.day}/delete">${csrfField(v.csrfToken)}${button(
            {
              variant: 'warning',
              classes: 'mr-button--small',
              html: html`${msg.remove}<span class="mr-visually-hidden"> ${msg.removeHidden(holidayDateFa(h.day))}${h.fixedByLaw ? `؛ ${msg.fixedByLawHint(holidayDateFa(h.day))}` : ''}</span>`,
            },
          )}</form>`
        : html`<span class="mr-secondary-text">${msg.fixedByLaw}</span>`,
    }))}
    ${yearNav(v.year, '/admin/calendar')}

    <h2 class="mr-heading-m">${msg.addTitle}</h2>
    <form method="post" action="/admin/calendar/holidays" novalidate>
      ${csrfField(v.csrfToken)}
      ${dateInput({
        id: 'date',
        fieldset: { legend: { text: msg.addDate } },
        hint: { text: msg.addDateHint },
        values: { day: val('date-day'), month: val('date-month'), year: val('date-year') },
        errorMessage: fieldError(v.addErrors, 'date'),
      })}
      ${textInput({
        name: 'title',
        label: { text: msg.holidayTitle },
        hint: { text: msg.holidayTitleHint },
        value: val('title'),
        errorMessage: fieldError(v.addErrors, 'title'),
      })}
      ${radios({
        name: 'kind',
        fieldset: { legend: { text: msg.kindLegend } },
        errorMessage: fieldError(v.addErrors, 'kind'),
        value: val('kind'),
        items: HOLIDAY_KINDS.map((k) => ({ value: k, text: HOLIDAY_KIND_LABELS[k] })),
      })}
      ${checkboxes({
        name: 'tentative',
        values: val('tentative') === 'yes' ? ['yes'] : [],
        items: [{ value: 'yes', text: msg.tentativeLabel }],
      })}
      ${button({ text: msg.add })}
    </form>

    <h2 class="mr-heading-m">${msg.lunarKnownTitle}</h2>
    <p class="mr-body" id="lunar-known">${
      v.lunarKnownYear === null
        ? msg.lunarKnownNone
        : msg.lunarKnownStatus(toPersianDigits(v.lunarKnownYear))
    }</p>
    <form method="post" action="/admin/calendar/lunar-year?year=${v.year}" novalidate>
      ${csrfField(v.csrfToken)}
      ${textInput({
        name: 'lunarYear',
        label: { text: msg.lunarYearLabel },
        hint: { text: msg.lunarYearHint },
        value: v.lunarYearValue,
        classes: 'mr-input--width-4',
        inputmode: 'numeric',
        errorMessage: fieldError(v.lunarYearErrors, 'lunarYear'),
      })}
      ${button({ text: msg.saveLunarYear, variant: 'secondary' })}
    </form>

    <h2 class="mr-heading-m">${msg.thursdayTitle}</h2>
    <form method="post" action="/admin/calendar/thursday" novalidate>
      ${csrfField(v.csrfToken)}
      ${radios({
        name: 'thursday',
        fieldset: { legend: { text: msg.thursdayLegend } },
        hint: { text: msg.thursdayHint },
        errorMessage: fieldError(v.thursdayErrors, 'thursday'),
        value: v.thursday,
        items: THURSDAY_STATUSES.map((s) => ({
          value: s,
          text: THURSDAY_STATUS_LABELS[s],
        })),
      })}
      ${button({ text: msg.saveThursday, variant: 'secondary' })}
    </form>`
}
