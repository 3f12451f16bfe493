import { Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { gregorianToJalali, parseJalaliDateInput } from '../../lib/fa/jalali.ts'
import { startOfTehranDay } from '../../lib/fa/tehran-time.ts'
import { findProvince, PROVINCES } from '../../lib/iran/provinces.ts'
import { addCalendarDays, tehranIsoDay } from '../../lib/working-calendar.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { page } from '../../web/page.ts'
import { findAgencyByCode } from '../agencies/index.ts'
import { CALENDAR_CACHE_TAG } from '../calendar/index.ts'
import { publicFormItems, publicServiceFormHref } from '../forms/index.ts'
import { findLawsByIds } from '../laws/index.ts'
import { loadServiceOffices, officeNamer } from '../offices/index.ts'
import { diffProcesses, processFlowchartSvg } from '../processes/index.ts'
import {
  AUDIENCE_LONG_LABELS,
  AUDIENCES,
  LIFE_EVENT_LABELS,
  LIFE_EVENTS,
  listPublicVersions,
  listPublishedServices,
  loadPublicService,
  loadServiceBySlug,
  servicesMsg as msg,
  serviceCacheTag,
} from '../services/index.ts'
import { diffContent } from './content.text.ts'
import { cpsvInputOf } from './cpsv.read.ts'
import { serializeJsonLdForHtml, toSchemaOrgGovernmentService } from './interop/schema-org.ts'
import { buildProcessSection } from './process-view.ts'
import { historyPage } from './views/history-page.ts'
import { serviceListPage } from './views/service-list.ts'
import { servicePageBody } from './views/service-page.ts'

const PAGE_SIZE = 20

/** The instant the current Tehran day ends (Iran keeps no daylight saving time since 1401). */
function endOfTehranDay(now: Date): number {
  const [gy = 0, gm = 0, gd = 0] = addCalendarDays(tehranIsoDay(now), 1).split('-').map(Number)
  const j = gregorianToJalali(gy, gm, gd)
  return startOfTehranDay(j.jy, j.jm, j.jd).getTime()
}

/** The application date a visitor asked about (three Jalali fields), if any. */
function askedStart(year?: string, month?: string, day?: string) {
  const values = { year: year ?? '', month: month ?? '', day: day ?? '' }
  const asked = [year, month, day].some((v) => v !== undefined && v.trim() !== '')
  if (!asked) return { asked, values: {}, start: null, error: null }
  const parsed = parseJalaliDateInput(values.year, values.month, values.day)
  if (!parsed.ok)
    return {
      asked,
      values,
      start: null,
      error: 'تاریخ درست نیست؛ روز، ماه و سال شمسی را وارد کنید، مانند ۱۵ ۱ ۱۴۰۵.',
    }
  const { jy, jm, jd } = parsed.value
  // Applications are made during office hours: 09:00 Tehran time on that day.
  return {
    asked,
    values,
    start: new Date(startOfTehranDay(jy, jm, jd).getTime() + 9 * 3_600_000),
    error: null,
  }
}

function pageNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10)
  return Number.isFinite(n) && n >= 1 && n <= 100_000 ? n : 1
}

export function servicePublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/', async (c) => {
    const audience = AUDIENCES.find((a) => a === c.req.query('audience'))
    const lifeEvent = LIFE_EVENTS.find((e) => e === c.req.query('lifeEvent'))
    const province = c.req.query('province')
      ? findProvince(c.req.query('province') ?? '')
      : undefined
    const agencyCode = c.req.query('agency')
    const agency = agencyCode ? await findAgencyByCode(deps.db, agencyCode) : undefined
    if (agencyCode && !agency) throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
    const current = pageNumber(c.req.query('page'))
    const { items, total } = await listPublishedServices(
      deps.db,
      { audience, lifeEvent, provinceCode: province?.code, agencyId: agency?.id },
      { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE },
    )
    const params = (over: Record<string, string | undefined>) => {
      const p = new URLSearchParams()
      const all = { audience, lifeEvent, province: province?.code, agency: agency?.code, ...over }
      for (const [k, v] of Object.entries(all)) if (v) p.set(k, v)
      const s = p.toString()
      return s ? `/services?${s}` : '/services'
    }
    const heading = agency
      ? `خدمات ${agency.nameFa}`
      : audience
        ? AUDIENCE_LONG_LABELS[audience]
        : lifeEvent
          ? `خدمات رویداد «${LIFE_EVENT_LABELS[lifeEvent]}»`
          : province
            ? `خدمات ادارات استان ${province.nameFa}`
            : 'همهٔ خدمات'
    return page(c, {
      title: heading,
      breadcrumbs: [
        { href: '/', text: 'خانه' },
        { href: '/services', text: 'خدمات' },
      ],
      content: serviceListPage({
        heading,
        lead: province
          ? 'خدماتی که ادارات کل و ادارات شهرستان‌های این استان ارائه می‌کنند. خدمات ملی در همهٔ استان‌ها ارائه می‌شوند.'
          : null,
        items,
        total,
        page: current,
        pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        href: (p) => params({ page: String(p) }),
        facets: [
          {
            title: 'مخاطبان',
            links: AUDIENCES.map((a) => ({
              href: params({ audience: a, page: undefined }),
              text: AUDIENCE_LONG_LABELS[a],
              current: a === audience,
            })),
          },
          {
            title: 'رویدادهای زندگی',
            links: LIFE_EVENTS.map((e) => ({
              href: params({ lifeEvent: e, page: undefined }),
              text: LIFE_EVENT_LABELS[e],
              current: e === lifeEvent,
            })),
          },
          {
            title: 'استان',
            links: PROVINCES.map((p) => ({
              href: params({ province: p.code, page: undefined }),
              text: p.nameFa,
              current: p.code === province?.code,
            })),
          },
        ],
      }),
    })
  })

  app.get('/:slug', async (c) => {
    const slug = c.req.param('slug')
    let serviceId = ''
    let officeTags: string[] = []
    let officesChangeAt: number | null = null
    const ask = askedStart(
      c.req.query('start-year'),
      c.req.query('start-month'),
      c.req.query('start-day'),
    )
    const render = async () => {
      const s = await loadPublicService(deps, slug)
      serviceId = s.service.id
      const offices = await loadServiceOffices(
        deps,
        s.version.content.offices,
        { province: c.req.query('province'), city: c.req.query('city') },
        `/services/${slug}`,
        deps.clock.now(),
      )
      officeTags = offices.tags
      officesChangeAt = offices.expiresAt
      const jsonLd = serializeJsonLdForHtml(
        toSchemaOrgGovernmentService(await cpsvInputOf(deps, s)),
      )
      return page(c, {
        title: s.version.content.title,
        breadcrumbs: [
          { href: '/', text: 'خانه' },
          { href: '/services', text: 'خدمات' },
          { href: `/services?agency=${s.agency.code}`, text: s.agency.nameFa },
        ],
        content: servicePageBody({
          slug,
          content: s.version.content,
          agency: s.agency,
          laws: s.laws,
          versionNo: s.version.versionNo,
          publishedAt: s.version.publishedAt,
          withdrawnReason: s.service.withdrawnReason,
          historicNote: null,
          jsonLd: s.service.withdrawnAt ? null : jsonLd,
          forms: await publicFormItems(deps.db, s.version.content.forms, (sha) =>
            publicServiceFormHref(slug, sha),
          ),
          offices: offices.view,
          process: await buildProcessSection(deps, {
            slug,
            content: s.version.content,
            versionId: s.version.id,
            start: ask.start ?? deps.clock.now(),
            ask: { values: ask.values, error: ask.error },
          }),
        }),
      })
    }
    // A date asked for is computed afresh; the usual page is cached per Tehran day,
    // since it says when to expect the result if you apply today.
    if (ask.asked) return render()
    return cachedPage(
      c,
      deps.pageCache,
      () => [serviceCacheTag(serviceId), CALENDAR_CACHE_TAG, ...officeTags],
      render,
      {
        // Read after rendering: "open now" changes at the next opening or closing of an office.
        get expiresAt() {
          return Math.min(
            endOfTehranDay(deps.clock.now()),
            officesChangeAt ?? Number.POSITIVE_INFINITY,
          )
        },
      },
    )
  })

  app.get('/:slug/v/:n', async (c) => {
    const slug = c.req.param('slug')
    const n = Number.parseInt(c.req.param('n'), 10)
    if (!Number.isInteger(n) || n < 1)
      throw new NotFoundError('service.version-not-found', msg.versionNotFound)
    const s = await loadPublicService(deps, slug, n)
    return page(c, {
      title: `${s.version.content.title} (نسخهٔ ${n})`,
      breadcrumbs: [
        { href: '/', text: 'خانه' },
        { href: `/services/${slug}`, text: s.version.content.title },
        { href: `/services/${slug}/history`, text: 'تاریخچه' },
      ],
      content: servicePageBody({
        slug,
        content: s.version.content,
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
        forms: await publicFormItems(deps.db, s.version.content.forms, (sha) =>
          publicServiceFormHref(slug, sha),
        ),
        process: await buildProcessSection(deps, {
          slug,
          content: s.version.content,
          versionId: s.version.id,
          start: deps.clock.now(),
          ask: { values: {}, error: null },
        }),
      }),
    })
  })

  app.get('/:slug/history', async (c) => {
    const slug = c.req.param('slug')
    let serviceId = ''
    return cachedPage(
      c,
      deps.pageCache,
      () => [serviceCacheTag(serviceId)],
      async () => {
        const service = await loadServiceBySlug(deps, slug)
        serviceId = service.id
        const versions = await listPublicVersions(deps.db, service.id)
        const last = versions.at(-1)
        if (!last) throw new NotFoundError('service.not-found', msg.notFound)
        // Laws cited by any version, so older citations are named too.
        const laws = await findLawsByIds(
          deps.db,
          versions.flatMap((v) => v.content.legalBases.map((l) => l.lawId)),
        )
        const titles = new Map(laws.map((l) => [l.id, l.title]))
        const lawTitle = (id: string) => titles.get(id) ?? 'قانون حذف‌شده'
        const officeName = await officeNamer(
          deps,
          versions.map((v) => v.content),
        )
        const entries = versions
          .map((v, i) => {
            const prev = versions[i - 1]
            const diff = prev ? diffProcesses(prev.content.process, v.content.process) : null
            const changed = diff !== null && diff.changes.length > 0
            return {
              versionNo: v.versionNo,
              publishedAt: v.publishedAt ?? v.updatedAt,
              changeNote: v.changeNote ?? '',
              current: v.status === 'published',
              first: i === 0,
              changes: diffContent(prev?.content ?? null, v.content, lawTitle, officeName).filter(
                (c) => c.field !== 'process',
              ),
              process:
                prev && diff && changed
                  ? {
                      summary: diff.summary,
                      steps: diff.changes.map((c) => ({
                        kind: c.kind,
                        title: c.title,
                        details: c.details,
                      })),
                      beforeSvg: prev.content.process.steps.length
                        ? processFlowchartSvg(
                            prev.content.process,
                            prev.content.title,
                            prev.id,
                            `v${v.versionNo}-before`,
                          )
                        : null,
                      afterSvg: v.content.process.steps.length
                        ? processFlowchartSvg(
                            v.content.process,
                            v.content.title,
                            v.id,
                            `v${v.versionNo}-after`,
                          )
                        : null,
                    }
                  : null,
            }
          })
          .reverse()
        return page(c, {
          title: `تاریخچهٔ ${last.content.title}`,
          breadcrumbs: [
            { href: '/', text: 'خانه' },
            { href: `/services/${slug}`, text: last.content.title },
          ],
          content: historyPage({ title: last.content.title, slug, entries }),
        })
      },
    )
  })

  return app
}
