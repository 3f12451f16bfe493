import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import { type Actor, assertSignedIn, isCentralAdmin } from '../../lib/actor.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { findProvince } from '../../lib/iran/provinces.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import { newFormOnceToken } from '../../web/form-once.ts'
import { page } from '../../web/page.ts'
import {
  type Agency,
  findAgencyByCode,
  findAgencyById,
  listAgencyBriefs,
} from '../agencies/index.ts'
import { msg } from './messages.fa.ts'
import { officeFormValues } from './office.input.ts'
import type { Office } from './office.model.ts'
import { assertCanManageOfficesOf, canManageOfficesOf } from './office.policy.ts'
import { findOfficeById, listAgencyOffices } from './office.queries.ts'
import { calendarAround } from './office.read.ts'
import { closureRows, exceptionRows } from './office-days.present.ts'
import { type AdminListView, officeFormPage } from './views/admin.ts'

// The admin pages' shared parts (office-admin.routes.ts, office-days.routes.ts): who may act
// on which office, the list's view model, and the office form page, new or existing.

/** The signed-in actor and the office in the path, once the actor may manage it. */
export async function officeFor(
  deps: Deps,
  c: Context<AppEnv>,
): Promise<{ actor: Actor; office: Office }> {
  const actor = c.get('actor')
  assertSignedIn(actor)
  const office = await findOfficeById(deps.db, c.req.param('id') ?? '')
  if (!office) throw new NotFoundError('office.not-found', msg.notFound)
  assertCanManageOfficesOf(actor, office.agencyId)
  return { actor, office }
}

/** The agency a new office is for: the actor's own, or (central admin) `?agency=`. */
export async function targetAgency(deps: Deps, c: Context<AppEnv>, actor: Actor): Promise<Agency> {
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

/** The list: an agency's offices (the actor's own, or the central admin's pick of `code`). */
export async function loadAdminOfficeList(
  deps: Deps,
  actor: Actor,
  code: string,
): Promise<AdminListView> {
  const briefs = await listAgencyBriefs(deps.db)
  const names = new Map(briefs.map((b) => [b.id, b.nameFa]))
  let agency: Agency | undefined
  if (isCentralAdmin(actor)) agency = code ? await findAgencyByCode(deps.db, code) : undefined
  else if (actor.agencyId) agency = await findAgencyById(deps.db, actor.agencyId)
  const own = agency !== undefined && (!code || code === agency.code)
  if (!isCentralAdmin(actor) && (!agency || !own || !canManageOfficesOf(actor, agency.id)))
    throw new ForbiddenError('offices.manage', msg.forbidden)
  const offices = agency ? await listAgencyOffices(deps.db, agency.id) : []
  return {
    heading: agency ? msg.listTitleOf(agency.nameFa) : msg.listTitle,
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
  }
}

/** The new-office form for `agency`, with what was sent and its errors (422) or empty. */
export function newOfficePage(
  c: Context<AppEnv>,
  agency: Agency,
  values: FormFields,
  errors: FieldErrors,
) {
  const query = c.req.query('agency') ? `?agency=${encodeURIComponent(agency.code)}` : ''
  return page(
    c,
    {
      title: `${Object.keys(errors).length ? 'خطا: ' : ''}${msg.newTitle}`,
      breadcrumbs: [{ href: '/admin/offices', text: msg.listTitle }],
      content: officeFormPage({
        csrfToken: c.get('csrfToken'),
        // A fresh one-time token each time the form is shown, re-rendered ones included.
        onceToken: newFormOnceToken(),
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

type Sent = { values: FormFields; errors: FieldErrors }

/** The forms of an office's page that may come back with what was sent and its errors. */
export interface OfficeForms {
  main?: Sent
  exception?: Sent
  closure?: Sent
  deleteErrors?: FieldErrors
}

const NOTICES: Record<string, string> = {
  created: msg.created,
  updated: msg.updated,
  'exception-added': msg.exceptionAdded,
  'exception-removed': msg.exceptionRemoved,
  'closure-added': msg.closureAdded,
  'closure-removed': msg.closureRemoved,
}

/** An office's page: its form, exceptions, closures and delete form (422 when any failed). */
export async function officeEditPage(
  deps: Deps,
  c: Context<AppEnv>,
  office: Office,
  forms: OfficeForms,
) {
  const cal = await calendarAround(deps, deps.clock.now())
  const errors = {
    ...(forms.main?.errors ?? {}),
    ...(forms.exception?.errors ?? {}),
    ...(forms.closure?.errors ?? {}),
    ...(forms.deleteErrors ?? {}),
  }
  const invalid = Object.keys(errors).length > 0
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
          exceptions: exceptionRows(office, cal),
          closures: closureRows(office.closures),
          exceptionForm: forms.exception ?? { values: {}, errors: {} },
          closureForm: forms.closure ?? { values: {}, errors: {} },
          exceptionOnce: newFormOnceToken(),
          closureOnce: newFormOnceToken(),
          deleteErrors: forms.deleteErrors ?? {},
        },
        notice: invalid ? null : (NOTICES[c.req.query('done') ?? ''] ?? null),
      }),
    },
    invalid ? 422 : 200,
  )
}
