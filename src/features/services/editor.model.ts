import { createHash } from 'node:crypto'
import type { ServiceContent } from './service.model.ts'

/**
 * The staff editor's view of the service card: which fields each section
 * edits, and the changes a section form makes to a draft. Every change is a
 * pure function of the draft it is applied to, so it can be applied again to
 * a newer draft after a conflict.
 */

/** Sections edited with one form. */
export const FORM_SECTIONS = ['basics', 'classification', 'details', 'time'] as const
export type FormSection = (typeof FORM_SECTIONS)[number]

/** Sections that are lists of items (added, edited and removed one at a time). */
export const LIST_SECTIONS = ['legal', 'documents', 'fees'] as const
export type ListSection = (typeof LIST_SECTIONS)[number]

/** The card section where a missing item is fixed, so the message can link to it. */
export type CardSection =
  | 'basics'
  | 'classification'
  | 'details'
  | 'legal'
  | 'documents'
  | 'fees'
  | 'time'

/** The order the overview shows the sections in. */
export const CARD_SECTIONS: readonly CardSection[] = [
  'basics',
  'classification',
  'details',
  'time',
  'legal',
  'documents',
  'fees',
]

export const SECTION_FIELDS: Record<CardSection, readonly (keyof ServiceContent)[]> = {
  basics: ['title', 'popularNames', 'summary', 'description', 'keywords'],
  classification: ['audiences', 'nature', 'level', 'lifeEvents', 'trigger'],
  details: [
    'frequency',
    'inPersonVisits',
    'eligibility',
    'output',
    'redress',
    'contact',
    'nationalServiceCode',
  ],
  time: ['declaredTime'],
  legal: ['legalBases'],
  documents: ['documents', 'noDocumentsRequired'],
  fees: ['fees'],
}

/** The content field holding each list section's items. */
export const LIST_KEYS = { legal: 'legalBases', documents: 'documents', fees: 'fees' } as const
export type ListKey = (typeof LIST_KEYS)[ListSection]
export type ItemOf<K extends ListKey> = ServiceContent[K][number]

/** The most items each list may hold (as service.schema.ts allows). */
export const LIST_MAX: Record<ListSection, number> = { legal: 30, documents: 40, fees: 30 }

export function isFormSection(s: string): s is FormSection {
  return (FORM_SECTIONS as readonly string[]).includes(s)
}

export function isListSection(s: string): s is ListSection {
  return (LIST_SECTIONS as readonly string[]).includes(s)
}

export type ContentChange = (content: ServiceContent) => ServiceContent

/** Replaces the fields a section form edits. */
export function replaceFields(patch: Partial<ServiceContent>): ContentChange {
  return (content) => ({ ...content, ...patch })
}

/**
 * A short fingerprint of an item. Item forms carry the fingerprint of the
 * item they were opened on, so an edit or a removal still finds it (or knows
 * it is gone) after someone else has reordered or changed the list.
 */
export function itemFingerprint(item: unknown): string {
  // Keys sorted, so the same value always has the same fingerprint whatever built it.
  const json = JSON.stringify(item ?? null, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  )
  return createHash('sha256').update(json).digest('hex').slice(0, 16)
}

/**
 * The fields of a section form's result that the person actually changed:
 * those whose value differs from the one the form was opened with (`base`
 * gives that value's fingerprint). Saving only these means that, after a
 * conflict, a field someone else changed and this person did not touch keeps
 * the other person's value. A field without a base fingerprint counts as changed.
 */
export function changedFields(
  patch: Partial<ServiceContent>,
  base: (field: keyof ServiceContent) => string | undefined,
): Partial<ServiceContent> {
  const kept: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(patch)) {
    if (base(field as keyof ServiceContent) !== itemFingerprint(value)) kept[field] = value
  }
  return kept as Partial<ServiceContent>
}

/** Hidden fields named `base-<field>` carry a section field's fingerprint as the form was opened. */
export const BASE_PREFIX = 'base-'

export function baseFieldName(field: keyof ServiceContent): string {
  return `${BASE_PREFIX}${field}`
}

function withItems<K extends ListKey>(
  content: ServiceContent,
  key: K,
  items: ItemOf<K>[],
): ServiceContent {
  const next: ServiceContent = { ...content }
  ;(next[key] as ItemOf<K>[]) = items
  return next
}

/** Where the item opened at `index` with this fingerprint is now, or -1 if it is gone. */
export function locateItem<T>(items: readonly T[], index: number, fingerprint: string): number {
  const at = items[index]
  if (at !== undefined && itemFingerprint(at) === fingerprint) return index
  return items.findIndex((item) => itemFingerprint(item) === fingerprint)
}

export function addItem<K extends ListKey>(key: K, item: ItemOf<K>): ContentChange {
  return (content) => {
    const next = withItems(content, key, [...(content[key] as ItemOf<K>[]), item])
    // Listing a document contradicts "no documents are required".
    return key === 'documents' ? { ...next, noDocumentsRequired: false } : next
  }
}

/**
 * Replaces the item that was opened; if someone removed or changed it in the
 * meantime, the edited item is added instead, so the editor's work is kept.
 */
export function replaceItem<K extends ListKey>(
  key: K,
  index: number,
  fingerprint: string,
  item: ItemOf<K>,
): ContentChange {
  return (content) => {
    const items = [...(content[key] as ItemOf<K>[])]
    const at = locateItem(items, index, fingerprint)
    if (at === -1) items.push(item)
    else items[at] = item
    return withItems(content, key, items)
  }
}

/** Removes the item that was opened; nothing happens if it is already gone. */
export function removeItem<K extends ListKey>(
  key: K,
  index: number,
  fingerprint: string,
): ContentChange {
  return (content) => {
    const items = content[key] as ItemOf<K>[]
    const at = locateItem(items, index, fingerprint)
    if (at === -1) return content
    return withItems(
      content,
      key,
      items.filter((_, i) => i !== at),
    )
  }
}

/** The items of a list section, typed by its content field. */
export function itemsOf<K extends ListKey>(content: ServiceContent, key: K): ItemOf<K>[] {
  return content[key] as ItemOf<K>[]
}
