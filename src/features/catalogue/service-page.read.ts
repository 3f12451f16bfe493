import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { toPersianDigits } from '../../lib/fa/digits.ts'
import { parseJalaliDateInput } from '../../lib/fa/jalali.ts'
import { endOfTehranDay, startOfTehranDay } from '../../lib/fa/tehran-time.ts'
import type { WorkingCalendar } from '../../lib/working-calendar.ts'
import { listAgencyAncestryRows } from '../agencies/index.ts'
import { CALENDAR_CACHE_TAG, loadWorkingCalendar } from '../calendar/index.ts'
import { publicFormItems, publicServiceFormHref } from '../forms/index.ts'
import { lawsCitedBy } from '../laws/index.ts'
import { findOfficesByIds, officeCalendarDays, serviceOfficesSectionOf } from '../offices/index.ts'
import {
  findActualTimeFigures,
  findHelpfulCounts,
  findPublished,
  findRatingTotals,
  helpfulFigure,
  loadPublicService,
  loadServiceBySlug,
  servicesMsg as msg,
  reviewClock,
  type ServiceWithVersion,
  satisfactionFigure,
  serviceCacheTag,
} from '../services/index.ts'
import {
  FEEDBACK_POLICY_CACHE_TAG,
  loadPortalSettings,
  REVIEW_POLICY_CACHE_TAG,
} from '../settings/index.ts'
import { cpsvInputFrom } from './cpsv.read.ts'
import { serializeJsonLdForHtml, toSchemaOrgGovernmentService } from './interop/schema-org.ts'
import { processCalendarDays, processSectionOf } from './process-view.ts'
import type { ServicePageModel } from './views/service-page.ts'

/** The page's query parameters: the offices filter and an application date. */
export type ServicePageQuery = Readonly<Record<string, string | undefined>>

/** The public service page, loaded: its view model, cache tags and expiry (ms). */
export interface LoadedServicePage {
  view: ServicePageModel
  tags: string[]
  /** The end of the Tehran day, or an office's next opening or closing if sooner. */
  expiresAt: number
}

const START_FIELDS = ['start-year', 'start-month', 'start-day'] as const

/** Whether the visitor asked about an application date (such a page is not cached). */
export function asksForStart(query: ServicePageQuery): boolean {
  return START_FIELDS.some((f) => (query[f] ?? '').trim() !== '')
}

/** The application date a visitor asked about (three Jalali fields), if any. */
function askedStart(query: ServicePageQuery) {
  if (!asksForStart(query)) return { values: {}, start: null, error: null }
  const [year = '', month = '', day = ''] = START_FIELDS.map((f) => query[f] ?? '')
  const values = { year, month, day }
  const parsed = parseJalaliDateInput(year, month, day)
  if (!parsed.ok)
    return {
      values,
      start: null,
      error: 'تاریخ درست نیست؛ روز، ماه و سال شمسی را وارد کنید، مانند ۱۵ ۱ ۱۴۰۵.',
    }
  const { jy, jm, jd } = parsed.value
  // Applications are made during office hours: 09:00 Tehran time on that day.
  return {
    values,
    start: new Date(startOfTehranDay(jy, jm, jd).getTime() + 9 * 3_600_000),
    error: null,
  }
}

type Days = { from: string; to: string }

/** The calendar as loaded for `days` alone, so each section sees exactly what it asked for. */
function within(cal: WorkingCalendar, days: Days): WorkingCalendar {
  const holidays = new Set([...cal.holidays].filter((d) => d >= days.from && d <= days.to))
  return { ...cal, holidays }
}

/** One working calendar covering every range asked for, or null when none is. */
async function calendarOver(deps: Pick<Deps, 'db'>, ranges: (Days | null)[]) {
  const wanted = ranges.filter((r): r is Days => r !== null)
  if (wanted.length === 0) return null
  const from = wanted.map((r) => r.from).sort()[0] ?? ''
  const to =
    wanted
      .map((r) => r.to)
      .sort()
      .at(-1) ?? ''
  return loadWorkingCalendar(deps, from, to)
}

function breadcrumbs(s: ServiceWithVersion) {
  return [
    { href: '/', text: 'خانه' },
    { href: '/services', text: 'خدمات' },
    { href: `/services?agency=${s.agency.code}`, text: s.agency.nameFa },
  ]
}

/**
 * The public service page of the current published version, every read done once: the
 * service and its version, then together the agency with its ancestry (one statement), the
 * laws, the linked offices, the forms' files and the working calendar (one range covering the
 * completion window and the offices' opening hours).
 */
export async function loadServicePage(
  deps: Deps,
  slug: string,
  query: ServicePageQuery,
  now: Date,
): Promise<LoadedServicePage> {
  const service = await loadServiceBySlug(deps, slug)
  const version = await findPublished(deps.db, service.id)
  if (!version) throw new NotFoundError('service.version-not-found', msg.notFound)
  const content = version.content
  const links = content.offices
  const ask = askedStart(query)
  const start = ask.start ?? now
  const processDays = processCalendarDays(content, start)
  const officeDays = links.length > 0 ? officeCalendarDays(now) : null
  const [ancestry, laws, found, forms, cal, settings, helpfulCounts, actualTime, ratings] =
    await Promise.all([
      listAgencyAncestryRows(deps.db, service.agencyId),
      lawsCitedBy(deps.db, version),
      findOfficesByIds(
        deps.db,
        links.map((l) => l.officeId),
      ),
      publicFormItems(deps.db, content.forms, (sha) => publicServiceFormHref(slug, sha)),
      calendarOver(deps, [processDays, officeDays]),
      loadPortalSettings(deps.db),
      // The helpful figure from the service's rollup row (issue 13): one primary-key read. The
      // feedback feature drops this page's tag in batches of votes, not on every vote.
      findHelpfulCounts(deps.db, service.id),
      // Promised against actual and satisfaction (issue 13 items 4, 5): one primary-key read of
      // each rollup features/feedback keeps, never the transactions or ratings.
      findActualTimeFigures(deps.db, service.id),
      findRatingTotals(deps.db, service.id),
    ])
  const review = service.withdrawnAt ? null : reviewClock(service, settings.reviewPolicy, now)
  const agency = ancestry.at(-1)
  if (agency?.id !== service.agencyId) throw new NotFoundError('agency.not-found', msg.notFound)
  const s = { service, version, agency, laws }
  const offices = serviceOfficesSectionOf(
    links,
    found,
    cal && officeDays ? within(cal, officeDays) : null,
    { province: query.province, city: query.city },
    `/services/${slug}`,
    now,
  )
  const process = processSectionOf(
    {
      slug,
      content,
      versionId: version.id,
      start,
      ask: { values: ask.values, error: ask.error },
    },
    cal && processDays ? within(cal, processDays) : null,
    now,
  )
  const jsonLd = service.withdrawnAt
    ? null
    : serializeJsonLdForHtml(
        toSchemaOrgGovernmentService(cpsvInputFrom(deps.config.publicUrl, s, ancestry, found)),
      )
  return {
    view: {
      title: content.title,
      breadcrumbs: breadcrumbs(s),
      body: {
        slug,
        content,
        agency,
        laws: s.laws,
        versionNo: version.versionNo,
        publishedAt: version.publishedAt,
        withdrawnReason: service.withdrawnReason,
        historicNote: null,
        jsonLd,
        forms,
        offices: offices.view,
        process,
        review: review && {
          lastReviewedAt: review.lastReviewedAt,
          dueAt: review.dueAt,
          state: review.state,
        },
        helpful: service.withdrawnAt ? null : helpfulFigure(helpfulCounts, settings.feedbackMinN),
        inPractice: service.withdrawnAt
          ? null
          : {
              actualTime: { ...actualTime, shown: actualTime.n >= settings.feedbackMinN },
              promised: content.declaredTime,
              satisfaction: satisfactionFigure(ratings, settings.feedbackMinN),
            },
      },
    },
    tags: [
      serviceCacheTag(service.id),
      CALENDAR_CACHE_TAG,
      REVIEW_POLICY_CACHE_TAG,
      FEEDBACK_POLICY_CACHE_TAG,
      ...offices.tags,
    ],
    expiresAt: Math.min(
      endOfTehranDay(now).getTime(),
      offices.expiresAt ?? Number.POSITIVE_INFINITY,
      review?.nextChangeAt?.getTime() ?? Number.POSITIVE_INFINITY,
    ),
  }
}

/** A public version of a service by its number: the current one or a superseded one. */
export async function loadServiceVersionPage(
  deps: Deps,
  slug: string,
  versionNo: number,
  now: Date,
): Promise<ServicePageModel> {
  if (!Number.isInteger(versionNo) || versionNo < 1)
    throw new NotFoundError('service.version-not-found', msg.versionNotFound)
  const s = await loadPublicService(deps, slug, versionNo)
  const content = s.version.content
  const processDays = processCalendarDays(content, now)
  const [forms, cal] = await Promise.all([
    publicFormItems(deps.db, content.forms, (sha) => publicServiceFormHref(slug, sha)),
    calendarOver(deps, [processDays]),
  ])
  return {
    title: `${content.title} (نسخهٔ ${toPersianDigits(versionNo)})`,
    breadcrumbs: [
      { href: '/', text: 'خانه' },
      { href: `/services/${slug}`, text: content.title },
      { href: `/services/${slug}/history`, text: 'تاریخچه' },
    ],
    body: {
      slug,
      content,
      agency: s.agency,
      laws: s.laws,
      versionNo: s.version.versionNo,
      publishedAt: s.version.publishedAt,
      withdrawnReason: null,
      historicNote:
        s.version.status === 'superseded'
          ? 'این یک نسخهٔ پیشین از این خدمت است و دیگر اعتبار ندارد.'
          : null,
      jsonLd: null,
      forms,
      process: processSectionOf(
        { slug, content, versionId: s.version.id, start: now, ask: { values: {}, error: null } },
        cal,
        now,
      ),
    },
  }
}
