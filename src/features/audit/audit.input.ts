import { z } from 'zod'
import {
  type JalaliDate,
  jalaliMonthLength,
  parseJalaliDateInput,
  startOfTehranDay,
} from '../../lib/fa/index.ts'
import type { FieldErrors } from '../../web/form.ts'
import { pageNumber } from '../../web/pagination.ts'
import type { AuditFilter } from './audit.model.ts'
import { msg } from './messages.fa.ts'

// Filters are typed into a GET form: anything too long or malformed is dropped, not an error.
const text = (max: number) => z.string().trim().max(max).catch('').optional().default('')

const auditQueryFields = z.object({
  entityType: text(50),
  action: text(50),
  actor: text(64).transform((s) => s.toLowerCase()),
  page: z
    .string()
    .optional()
    .transform((raw) => pageNumber(raw)),
  'from-day': text(4),
  'from-month': text(4),
  'from-year': text(6),
  'to-day': text(4),
  'to-month': text(4),
  'to-year': text(6),
})

export type AuditQueryValues = z.output<typeof auditQueryFields>

export interface AuditQuery {
  values: AuditQueryValues
  filter: AuditFilter
  page: number
  errors: FieldErrors
}

function dayOf(
  values: AuditQueryValues,
  prefix: 'from' | 'to',
  label: string,
  errors: FieldErrors,
): JalaliDate | undefined {
  const [y, m, d] = [values[`${prefix}-year`], values[`${prefix}-month`], values[`${prefix}-day`]]
  if (y === '' && m === '' && d === '') return undefined
  const parsed = parseJalaliDateInput(y, m, d)
  // The log begins in this century; bounding the year keeps day arithmetic in range.
  if (parsed.ok && parsed.value.jy >= 1300 && parsed.value.jy < 1500) return parsed.value
  errors[prefix] =
    !parsed.ok && parsed.reason === 'missing' ? msg.dateMissing(label) : msg.dateInvalid(label)
  return undefined
}

function nextDay(d: JalaliDate): JalaliDate {
  if (d.jd < jalaliMonthLength(d.jy, d.jm)) return { ...d, jd: d.jd + 1 }
  return d.jm < 12 ? { jy: d.jy, jm: d.jm + 1, jd: 1 } : { jy: d.jy + 1, jm: 1, jd: 1 }
}

function startOf(d: JalaliDate): Date {
  return startOfTehranDay(d.jy, d.jm, d.jd)
}

/** The audit page's query string → a filter, plus Persian messages for dates that do not exist. */
export function parseAuditQuery(query: Record<string, string>): AuditQuery {
  const values = auditQueryFields.parse(query)
  const errors: FieldErrors = {}
  const from = dayOf(values, 'from', msg.from, errors)
  const to = dayOf(values, 'to', msg.to, errors)
  const fromInstant = from && startOf(from)
  // The range includes the whole «to» day in Tehran: it ends where the next day starts.
  const toInstant = to && startOf(nextDay(to))
  if (fromInstant && toInstant && toInstant <= fromInstant) errors.to = msg.dateOrder
  return {
    values,
    page: values.page,
    errors,
    filter: {
      entityType: values.entityType || undefined,
      action: values.action || undefined,
      actor: values.actor || undefined,
      from: fromInstant,
      to: toInstant,
    },
  }
}
