import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import {
  gregorianToJalali,
  tehranDateOf,
  toAsciiDigits,
  toPersianDigits,
} from '../../lib/fa/index.ts'
import { isIsoDay } from '../../lib/working-calendar.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, type FormValues, parseForm, readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import {
  addHoliday,
  listHolidaysOfYear,
  loadLunarKnownYear,
  loadThursdayStatus,
  removeHoliday,
  setLunarKnownYear,
  setThursdayStatus,
} from './calendar.actions.ts'
import { holidayInput, lunarYearInput, thursdayInput } from './calendar.input.ts'
import { CALENDAR_CACHE_TAG, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from './calendar.model.ts'
import { assertCanEditCalendar, canEditCalendar } from './calendar.policy.ts'
import { msg } from './messages.fa.ts'
import { adminCalendarPage, publicCalendarPage } from './views/calendar-pages.ts'

const BANNERS: Record<string, string> = {
  added: msg.added,
  removed: msg.removed,
  thursday: msg.thursdaySaved,
  'lunar-year': msg.lunarYearSaved,
}

/** `?year=1405` (in any digits) within the accepted years, else the current Tehran year. */
function yearOf(deps: Deps, value: string | undefined): number {
  const text = toAsciiDigits(value ?? '').trim()
  const n = /^\d{4}$/.test(text) ? Number(text) : Number.NaN
  if (n >= MIN_CALENDAR_YEAR && n <= MAX_CALENDAR_YEAR) return n
  return tehranDateOf(deps.clock.now()).jy
}

function jalaliYearOfIso(isoDay: string): number {
  const [gy = 0, gm = 0, gd = 0] = isoDay.split('-').map(Number)
  return gregorianToJalali(gy, gm, gd).jy
}

/** `/calendar`: the official holidays of a year, public and cached. */
export function calendarPublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/', async (c) => {
    const year = yearOf(deps, c.req.query('year'))
    return cachedPage(c, deps.pageCache, async () => {
      const [holidays, thursday, lunarKnownYear] = await Promise.all([
        listHolidaysOfYear(deps, year),
        loadThursdayStatus(deps.db),
        loadLunarKnownYear(deps.db),
      ])
      return {
        response: await page(c, {
          title: `${msg.publicTitle} ${toPersianDigits(year)}`,
          breadcrumbs: [{ href: '/', text: 'خانه' }],
          content: publicCalendarPage({ year, holidays, thursday, lunarKnownYear }),
        }),
        tags: [CALENDAR_CACHE_TAG],
      }
    })
  })
  return app
}

/** `/admin/calendar`: the central admin's holidays table, add form and Thursday setting. */
export function calendarAdminRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  async function render(
    c: Context<AppEnv>,
    year: number,
    form: {
      addValues?: FormValues
      addErrors?: FieldErrors
      thursdayErrors?: FieldErrors
      lunarYearValue?: string
      lunarYearErrors?: FieldErrors
    } = {},
  ) {
    const addErrors = form.addErrors ?? {}
    const thursdayErrors = form.thursdayErrors ?? {}
    const lunarYearErrors = form.lunarYearErrors ?? {}
    const invalid =
      Object.keys(addErrors).length +
        Object.keys(thursdayErrors).length +
        Object.keys(lunarYearErrors).length >
      0
    const [holidays, thursday, lunarKnownYear] = await Promise.all([
      listHolidaysOfYear(deps, year),
      loadThursdayStatus(deps.db),
      loadLunarKnownYear(deps.db),
    ])
    const banner = invalid ? undefined : BANNERS[c.req.query('changed') ?? '']
    return page(
      c,
      {
        title: `${invalid ? 'خطا: ' : ''}${msg.adminTitle} ${toPersianDigits(year)}`,
        ...(banner ? { banner: { kind: 'success' as const, text: banner } } : {}),
        breadcrumbs: [
          { href: '/', text: 'خانه' },
          { href: '/admin', text: 'پیشخوان' },
        ],
        content: adminCalendarPage({
          csrfToken: c.get('csrfToken'),
          year,
          holidays,
          thursday,
          lunarKnownYear,
          lunarYearValue: form.lunarYearValue ?? '',
          lunarYearErrors,
          addValues: form.addValues ?? {},
          addErrors,
          thursdayErrors,
        }),
      },
      invalid ? 422 : 200,
    )
  }

  app.get('/', (c) => {
    const actor = requireActor(c)
    if (!canEditCalendar(actor)) throw new ForbiddenError('calendar.view', msg.viewForbidden)
    return render(c, yearOf(deps, c.req.query('year')))
  })

  app.post('/holidays', async (c) => {
    const actor = requireActor(c)
    assertCanEditCalendar(actor)
    const values = await readForm(c)
    const year = yearOf(deps, values['date-year'])
    const parsed = parseForm(holidayInput, values)
    if (!parsed.ok) return render(c, year, { addValues: values, addErrors: parsed.errors })
    const result = await addHoliday(deps, actor, parsed.data)
    if (!result.ok) return render(c, year, { addValues: values, addErrors: result.errors })
    return c.redirect(`/admin/calendar?year=${parsed.data.jalali.jy}&changed=added`, 303)
  })

  app.post('/holidays/:day/delete', async (c) => {
    const actor = requireActor(c)
    assertCanEditCalendar(actor)
    const day = c.req.param('day')
    if (!isIsoDay(day)) throw new NotFoundError('holiday.not-found', msg.notFound)
    const removed = await removeHoliday(deps, actor, day)
    return c.redirect(`/admin/calendar?year=${jalaliYearOfIso(removed.day)}&changed=removed`, 303)
  })

  app.post('/thursday', async (c) => {
    const actor = requireActor(c)
    assertCanEditCalendar(actor)
    const values = await readForm(c)
    const year = yearOf(deps, c.req.query('year'))
    const parsed = parseForm(thursdayInput, values)
    if (!parsed.ok) return render(c, year, { thursdayErrors: parsed.errors })
    await setThursdayStatus(deps, actor, parsed.data.thursday)
    return c.redirect(`/admin/calendar?year=${year}&changed=thursday`, 303)
  })

  app.post('/lunar-year', async (c) => {
    const actor = requireActor(c)
    assertCanEditCalendar(actor)
    const values = await readForm(c)
    const year = yearOf(deps, c.req.query('year'))
    const lunarYearValue = values.lunarYear ?? ''
    const parsed = parseForm(lunarYearInput, values)
    if (!parsed.ok) return render(c, year, { lunarYearValue, lunarYearErrors: parsed.errors })
    const result = await setLunarKnownYear(deps, actor, parsed.data.lunarYear)
    if (!result.ok) return render(c, year, { lunarYearValue, lunarYearErrors: result.errors })
    return c.redirect(`/admin/calendar?year=${year}&changed=lunar-year`, 303)
  })

  return app
}
