export {
  addHoliday,
  type HolidayWriteResult,
  listHolidaysOfYear,
  loadThursdayStatus,
  loadWorkingCalendar,
  removeHoliday,
  setThursdayStatus,
} from './calendar.actions.ts'
export { type HolidayInput, holidayInput, thursdayInput } from './calendar.input.ts'
export {
  CALENDAR_CACHE_TAG,
  DEFAULT_THURSDAY_STATUS,
  HOLIDAY_KINDS,
  type Holiday,
  type HolidayKind,
  jalaliYearRange,
  type ListedHoliday,
  THURSDAY_SETTING_KEY,
} from './calendar.model.ts'
export { assertCanEditCalendar, canEditCalendar } from './calendar.policy.ts'
export {
  type CalendarHorizon,
  type HorizonReminderResult,
  loadCalendarHorizon,
  remindCalendarHorizon,
} from './horizon.actions.ts'
export { loadCalendarHorizonPanel } from './horizon.read.ts'
export { HOLIDAY_KIND_LABELS, msg as calendarMsg, THURSDAY_STATUS_LABELS } from './messages.fa.ts'
export { holidayDateFa, holidayWeekdayFa } from './views/calendar-pages.ts'
