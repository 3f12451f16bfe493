import { type Context, Hono } from 'hono'
import type { Deps } from '../../deps.ts'
import { type Actor, assertSignedIn, isCentralAdmin } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { endOfTehranDay } from '../../lib/fa/tehran-time.ts'
import { findProvince } from '../../lib/iran/provinces.ts'
import { tehranIsoDay } from '../../lib/working-calendar.ts'
import { cachedPage } from '../../web/cached.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, fieldErrorsOf, readFields } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import {
  type Agency,
  findAgencyByCode,
  findAgencyById,
  listAgencyBriefs,
} from '../agencies/index.ts'
import { CALENDAR_CACHE_TAG } from '../calendar/index.ts'
import { CATALOGUE_CACHE_TAG } from '../services/index.ts'
import { msg } from './messages.fa.ts'
import {
  agencyOfficesCacheTag,
  changeOffice,
  createOffice,
  deleteOffice,
  officeCacheTag,
} from './office.actions.ts'
import {
  exceptionsBody,
  type FormFields,
  formErrorKey,
  formToBody,
  hoursBody,
  officeFormValues,
  officeInput,
  parseClosureForm,
  parseExceptionForm,
} from './office.input.ts'
import type { Office } from './office.model.ts'
import { assertCanManageOfficesOf, canManageOfficesOf } from './office.policy.ts'
import { dayHoursText, isoDayFa, officeCard, weeklyRows } from './office.present.ts'
import { findOfficeById, listAgencyOffices, listVersionsLinkingOffice } from './office.queries.ts'
import { calendarAround, filtered, parseOfficeFilter } from './office.read.ts'
import { earliestChange, hoursOnDay } from './open-now.ts'
import { adminListPage, officeFormPage } from './views/admin.ts'
import { agencyOfficesPage, officePage } from './views/public.ts'

const UUID = '{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}'

function soonest(...times: (number | null | undefined)[]): number {
  return Math.min(...times.filter((t): t is number => typeof t === 'number'))
}

/** `/agencies/:code/offices` and `/offices/:id`: public, cached until the next opening or closing. */
export function officePublicRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/agencies/:code/offices', async (c) => {
    const code = c.req.param('code')
    return cachedPage(c, deps.pageCache, async () => {
      const agency = await findAgencyByCode(deps.db, code)
      if (!agency) throw new NotFoundError('agency.not-found', 'این دستگاه پیدا نشد.')
      const now = deps.clock.now()
      const offices = await listAgencyOffices(deps.db, agency.id)
      const cal = await calendarAround(deps, now)
      const filter = parseOfficeFilter(c.req.query('province'), c.req.query('city'))
      const f = filtered(offices, cal, now, filter, `/agencies/${agency.code}/offices`)
      const tags = [
        agencyOfficesCacheTag(agency.id),
        CALENDAR_CACHE_TAG,
        ...offices.map((o) => officeCacheTag(o.id)),
      ]
      // Until the next opening or closing of an office shown, or the end of the Tehran day.
      const expiresAt = soonest(
        earliestChange(f.statuses)?.getTime() ?? null,
        endOfTehranDay(now).getTime(),
      )
      return {
        tags,
        expiresAt,
        response: await page(c, {
          title: msg.listTitleOf(agency.nameFa),
          breadcrumbs: [
            { href: '/', text: 'خانه' },
            { href: '/agencies', text: 'دستگاه‌ها' },
            { href: `/agencies/${agency.code}`, text: agency.nameFa },
          ],
          content: agencyOfficesPage({
            agency,
            offices: f.cards,
            total: offices.length,
            filter: f.filter,
          }),
        }),
      }
    })
  })

  app.get(`/offices/:id${UUID}`, async (c) => {
    const id = c.req.param('id')
    const actor = c.get('actor')
    return cachedPage(c, deps.pageCache, async () => {
      const office = await findOfficeById(deps.db, id)
      if (!office) throw new NotFoundError('office.not-found', msg.notFound)
      const agency = await findAgencyById(deps.db, office.agencyId)
      if (!agency) throw new NotFoundError('agency.not-found', msg.notFound)
      const now = deps.clock.now()
      const cal = await calendarAround(deps, now)
      const { card, status } = officeCard(office, cal, now)
      const expiresAt = soonest(status.nextChange?.getTime() ?? null, endOfTehranDay(now).getTime())
      const today = tehranIsoDay(now)
      const services = (await listVersionsLinkingOffice(deps.db, office.id, ['published'])).filter(
        (s) => !s.withdrawn,
      )
      return {
        // Publishing any service may add this office to it: the catalogue tag covers that.
        tags: [officeCacheTag(id), CATALOGUE_CACHE_TAG, CALENDAR_CACHE_TAG],
        expiresAt,
        response: await page(c, {
          title: office.name,
          breadcrumbs: [
            { href: '/', text: 'خانه' },
            { href: `/agencies/${agency.code}`, text: agency.nameFa },
            { href: `/agencies/${agency.code}/offices`, text: msg.listTitle },
          ],
          content: officePage({
            office: card,
            agency,
            weekly: weeklyRows(office),
            exceptions: office.exceptions
              .filter((e) => e.day >= today)
              .map((e) => ({
                day: e.day,
                dayFa: isoDayFa(e.day),
                text: dayHoursText(hoursOnDay(office, cal, e.day)),
              })),
            closures: office.closures
              .filter((cl) => cl.to >= today)
              .map((cl) => ({ ...cl, fromFa: isoDayFa(cl.from), toFa: isoDayFa(cl.to) })),
            services: services.map((s) => ({ slug: s.slug, title: s.title })),
            canEdit: canManageOfficesOf(actor ?? null, office.agencyId),
          }),
        }),
      }
    })
  })

  return app
}

/** `/admin/offices`: the agency staff's pages for their offices. */
export function officeAdminRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  async function officeFor(c: Context<AppEnv>): Promise<{ actor: Actor; office: Office }> {
    const actor = c.get('actor')
    assertSignedIn(actor)
    const office = await findOfficeById(deps.db, c.req.param('id') ?? '')
    if (!office) throw new NotFoundError('office.not-found', msg.notFound)
    assertCanManageOfficesOf(actor, office.agencyId)
    return { actor, office }
  }

  /** The agency a new office is for: the actor's own, or (central admin) `?agency=`. */
  async function targetAgency(c: Context<AppEnv>, actor: Actor): Promise<Agency> {
    const code = c.req.query('agency') ?? ''
    const agency = isCentralAdmin(actor)
      ? code
        ? await findAgencyByCode(deps.db, code)
        : undefined
      : actor.agencyId
        ? await findAgencyById(deps.db, actor.agencyId)
        : undefined
    if (!agency) throw new ForbiddenError('offices.manage', msg.forbidden)
    assertCanManageOfficesOf(actor, agency.id)
    return agency
  }

  app.get('/', async (c) => {
    const actor = c.get('actor')
    assertSignedIn(actor)
    const briefs = await listAgencyBriefs(deps.db)
    const names = new Map(briefs.map((b) => [b.id, b.nameFa]))
    const code = c.req.query('agency') ?? ''
    let agency: Agency | undefined
    if (isCentralAdmin(actor)) agency = code ? await findAgencyByCode(deps.db, code) : undefined
    else if (actor.agencyId) agency = await findAgencyById(deps.db, actor.agencyId)
    const own = agency !== undefined && (!code || code === agency.code)
    if (!isCentralAdmin(actor) && (!agency || !own || !canManageOfficesOf(actor, agency.id)))
      throw new ForbiddenError('offices.manage', msg.forbidden)
    const offices = agency ? await listAgencyOffices(deps.db, agency.id) : []
    const heading = agency ? msg.listTitleOf(agency.nameFa) : msg.listTitle
    return page(c, {
      title: heading,
      ...(c.req.query('done') === 'deleted'
        ? { banner: { kind: 'success' as const, text: msg.deleted } }
        : {}),
      content: adminListPage({
        heading,
        rows: offices.map((o) => ({
          id: o.id,
          name: o.name,
          place: `${o.city}، ${findProvince(o.provinceCode)?.nameFa ?? ''}`,
          agencyName: names.get(o.agencyId) ?? '',
        })),
        canCreate: agency !== undefined,
        agencyPicker: isCentralAdmin(actor)
          ? {
              choices: briefs.map((b) => ({ code: b.code, nameFa: b.nameFa })),
              selected: agency?.code ?? '',
            }
          : null,
        newHref:
          agency && isCentralAdmin(actor)
            ? `/admin/offices/new?agency=${agency.code}`
            : '/admin/offices/new',
      }),
    })
  })

  const newForm = (c: Context<AppEnv>, agency: Agency, values: FormFields, errors: FieldErrors) => {
    const query = c.req.query('agency') ? `?agency=${encodeURIComponent(agency.code)}` : ''
    return page(
      c,
      {
        title: `${Object.keys(errors).length ? 'خطا: ' : ''}${msg.newTitle}`,
        breadcrumbs: [{ href: '/admin/offices', text: msg.listTitle }],
        content: officeFormPage({
          csrfToken: c.get('csrfToken'),
          heading: `${msg.newTitle} — ${agency.nameFa}`,
          action: `/admin/offices/new${query}`,
          values,
          errors,
          existing: null,
          notice: null,
        }),
      },
      Object.keys(errors).length ? 422 : 200,
    )
  }

  /** Form fields → input, or the form's errors keyed by its field names. */
  function parseOfficeForm(fields: FormFields, kept: Pick<Office, 'exceptions' | 'closures'>) {
    const { body, errors } = formToBody(fields, kept)
    const parsed = officeInput.safeParse(body)
    const all: FieldErrors = { ...errors }
    if (!parsed.success) {
      for (const [path, message] of Object.entries(fieldErrorsOf(parsed.error)))
        all[formErrorKey(path)] ??= message
    }
    if (!parsed.success || Object.keys(all).length) return { ok: false as const, errors: all }
    return { ok: true as const, input: parsed.data }
  }

  app.get('/new', async (c) => {
    const actor = c.get('actor')
    assertSignedIn(actor)
    const agency = await targetAgency(c, actor)
    return newForm(c, agency, {}, {})
  })

  app.post('/new', async (c) => {
    const actor = c.get('actor')
    assertSignedIn(actor)
    const agency = await targetAgency(c, actor)
    const fields = await readFields(c)
    const parsed = parseOfficeForm(fields, { exceptions: [], closures: [] })
    if (!parsed.ok) return newForm(c, agency, fields, parsed.errors)
    const office = await createOffice(deps, actor, agency.id, parsed.input)
    return c.redirect(`/admin/offices/${office.id}?done=created`, 303)
  })

  async function editPage(
    c: Context<AppEnv>,
    office: Office,
    forms: {
      main?: { values: FormFields; errors: FieldErrors }
      exception?: { values: FormFields; errors: FieldErrors }
      closure?: { values: FormFields; errors: FieldErrors }
      deleteErrors?: FieldErrors
    },
  ) {
    const now = deps.clock.now()
    const cal = await calendarAround(deps, now)
    const errors = {
      ...(forms.main?.errors ?? {}),
      ...(forms.exception?.errors ?? {}),
      ...(forms.closure?.errors ?? {}),
      ...(forms.deleteErrors ?? {}),
    }
    const invalid = Object.keys(errors).length > 0
    const done = c.req.query('done') ?? ''
    const notices: Record<string, string> = {
      created: msg.created,
      updated: msg.updated,
      'exception-added': msg.exceptionAdded,
      'exception-removed': msg.exceptionRemoved,
      'closure-added': msg.closureAdded,
      'closure-removed': msg.closureRemoved,
    }
    return page(
      c,
      {
        title: `${invalid ? 'خطا: ' : ''}${office.name}`,
        breadcrumbs: [{ href: '/admin/offices', text: msg.listTitle }],
        content: officeFormPage({
          csrfToken: c.get('csrfToken'),
          heading: `${msg.editTitle}: ${office.name}`,
          action: `/admin/offices/${office.id}`,
          values: forms.main?.values ?? officeFormValues(office),
          errors: forms.main?.errors ?? {},
          existing: {
            id: office.id,
            exceptions: office.exceptions.map((e) => ({
              day: e.day,
              dayFa: isoDayFa(e.day),
              text: dayHoursText(hoursOnDay(office, cal, e.day)),
            })),
            closures: office.closures.map((cl) => ({
              fromFa: isoDayFa(cl.from),
              toFa: isoDayFa(cl.to),
              reason: cl.reason,
            })),
            exceptionForm: forms.exception ?? { values: {}, errors: {} },
            closureForm: forms.closure ?? { values: {}, errors: {} },
            deleteErrors: forms.deleteErrors ?? {},
          },
          notice: invalid ? null : (notices[done] ?? null),
        }),
      },
      invalid ? 422 : 200,
    )
  }

  app.get(`/:id${UUID}`, async (c) => {
    const { office } = await officeFor(c)
    return editPage(c, office, {})
  })

  app.post(`/:id${UUID}`, async (c) => {
    const { actor, office } = await officeFor(c)
    const fields = await readFields(c)
    const result = await changeOffice(deps, actor, office.id, (current) =>
      parseOfficeForm(fields, current),
    )
    if (!result.ok) return editPage(c, office, { main: { values: fields, errors: result.errors } })
    return c.redirect(`/admin/offices/${office.id}?done=updated`, 303)
  })

  /** Rebuilds the input from an office with other exceptions or closures. */
  const withLists = (o: Office, lists: Partial<Pick<Office, 'exceptions' | 'closures'>>) => {
    const parsed = officeInput.safeParse({
      ...o,
      hours: hoursBody(o.hours),
      exceptions: exceptionsBody(lists.exceptions ?? o.exceptions),
      closures: lists.closures ?? o.closures,
    })
    return parsed.success
      ? { ok: true as const, input: parsed.data }
      : { ok: false as const, errors: fieldErrorsOf(parsed.error) }
  }

  app.post(`/:id${UUID}/exceptions`, async (c) => {
    const { actor, office } = await officeFor(c)
    const fields = await readFields(c)
    const parsed = parseExceptionForm(fields)
    if (!parsed.ok)
      return editPage(c, office, { exception: { values: fields, errors: parsed.errors } })
    const ex = parsed.exception
    const result = await changeOffice(
      deps,
      actor,
      office.id,
      (current) =>
        current.exceptions.some((e) => e.day === ex.day)
          ? { ok: false, errors: { 'exDate-day': msg.exceptionDuplicate } }
          : withLists(current, { exceptions: [...current.exceptions, ex] }),
      'add-exception',
    )
    if (!result.ok)
      return editPage(c, office, { exception: { values: fields, errors: result.errors } })
    return c.redirect(`/admin/offices/${office.id}?done=exception-added#exceptions`, 303)
  })

  app.post(`/:id${UUID}/exceptions/:day{\\d{4}-\\d{2}-\\d{2}}/delete`, async (c) => {
    const { actor, office } = await officeFor(c)
    const day = c.req.param('day')
    const result = await changeOffice(
      deps,
      actor,
      office.id,
      (current) =>
        withLists(current, { exceptions: current.exceptions.filter((e) => e.day !== day) }),
      'remove-exception',
    )
    if (!result.ok) return editPage(c, office, { deleteErrors: result.errors })
    return c.redirect(`/admin/offices/${office.id}?done=exception-removed#exceptions`, 303)
  })

  app.post(`/:id${UUID}/closures`, async (c) => {
    const { actor, office } = await officeFor(c)
    const fields = await readFields(c)
    const parsed = parseClosureForm(fields)
    if (!parsed.ok)
      return editPage(c, office, { closure: { values: fields, errors: parsed.errors } })
    const result = await changeOffice(
      deps,
      actor,
      office.id,
      (current) => withLists(current, { closures: [...current.closures, parsed.closure] }),
      'add-closure',
    )
    if (!result.ok)
      return editPage(c, office, { closure: { values: fields, errors: result.errors } })
    return c.redirect(`/admin/offices/${office.id}?done=closure-added#closures`, 303)
  })

  app.post(`/:id${UUID}/closures/:n{\\d{1,3}}/delete`, async (c) => {
    const { actor, office } = await officeFor(c)
    const n = Number(c.req.param('n'))
    const result = await changeOffice(
      deps,
      actor,
      office.id,
      (current) => withLists(current, { closures: current.closures.filter((_, i) => i !== n) }),
      'remove-closure',
    )
    if (!result.ok) return editPage(c, office, { deleteErrors: result.errors })
    return c.redirect(`/admin/offices/${office.id}?done=closure-removed#closures`, 303)
  })

  app.post(`/:id${UUID}/delete`, async (c) => {
    const { actor, office } = await officeFor(c)
    const result = await deleteOffice(deps, actor, office.id)
    if (!result.ok) return editPage(c, office, { deleteErrors: result.errors })
    return c.redirect('/admin/offices?done=deleted', 303)
  })

  return app
}
