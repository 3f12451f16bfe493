import { html } from 'hono/html'
import { ROLES, type Role } from '../../../lib/actor.ts'
import { toPersianDigits } from '../../../lib/fa/index.ts'
import { roleLabel } from '../../../web/page.ts'
import type { Html } from '../../../web/ui/index.ts'
import type { AuditEvent } from '../audit.model.ts'
import type { AuditNames } from '../audit-names.queries.ts'
import { ACTION_LABELS, ENTITY_LABELS, msg } from '../messages.fa.ts'

function ltrCode(value: string): Html {
  return html`<code class="mr-audit__code" dir="ltr">${value}</code>`
}

function isRole(value: string): value is Role {
  return ROLES.some((r) => r === value)
}

// How `actorLabel` in lib/actor.ts writes an actor: `username (role)`, or `system`.
const STORED_ACTOR = /^(.+) \(([a-z_]+)\)$/

/** Who acted: the user's current name and role, or (for a removed user) what was stored. */
export function actorCell(e: AuditEvent, names: AuditNames): Html {
  const user = e.actorUserId ? names.users.get(e.actorUserId) : undefined
  if (user)
    return html`<bdi>${user.displayName}</bdi><span class="mr-audit__meta">${roleLabel(user.role)}</span>`
  if (e.actorLabel === 'system') return html`${msg.system}`
  const stored = STORED_ACTOR.exec(e.actorLabel)
  const role = stored?.[2]
  if (stored?.[1] && role && isRole(role))
    return html`<bdi dir="ltr">${stored[1]}</bdi><span class="mr-audit__meta">${roleLabel(role)}</span>`
  return html`<bdi dir="ltr">${e.actorLabel}</bdi>`
}

/** The agency whose data changed, linked to its public page. */
export function agencyCell(agencyId: string | null, names: AuditNames): Html {
  const agency = agencyId ? names.agencies.get(agencyId) : undefined
  if (agency) return html`<a class="mr-link" href="/agencies/${agency.code}">${agency.nameFa}</a>`
  return agencyId ? ltrCode(agencyId) : html`${msg.empty}`
}

/** The Persian name of an entity type; an unknown code is shown as it is stored. */
export function entityTypeLabel(type: string): Html {
  const label = ENTITY_LABELS[type]
  return label ? html`${label}` : ltrCode(type)
}

/** The Persian name of an action; an unknown code is shown as it is stored. */
export function actionCell(action: string): Html {
  const label = ACTION_LABELS[action]
  return label ? html`${label}` : ltrCode(action)
}

/** The entity's name, linked where it has a page; its id when the name is not known. */
export function entityName(e: AuditEvent, names: AuditNames): Html {
  const id = e.entityId
  if (e.entityType === 'service') {
    const title = names.services.get(id)
    if (title) return html`<a class="mr-link" href="/admin/services/${id}">${title}</a>`
  }
  if (e.entityType === 'agency') {
    const agency = names.agencies.get(id)
    if (agency) return agencyCell(id, names)
  }
  if (e.entityType === 'user') {
    const user = names.users.get(id)
    if (user) return html`<a class="mr-link" href="/admin/users/${id}">${user.displayName}</a>`
  }
  if (e.entityType === 'office') {
    const name = names.offices.get(id)
    if (name) return html`<bdi>${name}</bdi>`
  }
  if (e.entityType === 'law') {
    const title = names.laws.get(id)
    if (title) return html`<bdi>${title}</bdi>`
  }
  return ltrCode(id)
}

/** What the event touched: its kind, then its name. */
export function entityCell(e: AuditEvent, names: AuditNames): Html {
  return html`${entityTypeLabel(e.entityType)}<span class="mr-audit__meta">${entityName(e, names)}</span>`
}

/** The stored snapshots as JSON, folded away until asked for. */
export function snapshotsDetails(e: AuditEvent): Html {
  if (e.before === null && e.after === null) return html``
  const json = (v: Record<string, unknown> | null) =>
    v === null ? msg.empty : JSON.stringify(v, null, 1)
  return html`<details class="mr-audit__json">
    <summary>${msg.snapshots}<span class="mr-visually-hidden"> ${msg.detailsOf(toPersianDigits(e.id))}</span></summary>
    <p class="mr-audit__meta">${msg.before}</p>
    <pre dir="ltr">${json(e.before)}</pre>
    <p class="mr-audit__meta">${msg.after}</p>
    <pre dir="ltr">${json(e.after)}</pre>
  </details>`
}
