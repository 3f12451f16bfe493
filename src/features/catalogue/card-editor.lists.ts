import { toPersianDigits } from '../../lib/fa/digits.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import type { Fee, LegalBasis, RequiredDocument, ServiceContent } from '../services/index.ts'
import {
  addItem,
  type ContentChange,
  DOCUMENT_FORM_LABELS,
  editorMsg as em,
  feeAmountText,
  type ItemOf,
  itemFingerprint,
  itemsOf,
  LIST_DEFS,
  type ListDef,
  type ListKey,
  type ListRow,
  type ListSection,
  parseFields,
  removeItem,
  replaceItem,
} from '../services/index.ts'

/** How a list section is shown and changed, for one kind of item. */
export interface ListAdapter {
  list: ListSection
  count(c: ServiceContent): number
  rows(c: ServiceContent, lawLabel: (id: string) => string): ListRow[]
  /** The item at `index` as form values, with its fingerprint. */
  item(c: ServiceContent, index: number): { values: FormFields; fingerprint: string } | undefined
  blank: FormFields
  parse(fields: FormFields):
    | {
        ok: true
        add: ContentChange
        replace: (index: number, fingerprint: string) => ContentChange
      }
    | { ok: false; errors: FieldErrors }
  remove(index: number, fingerprint: string): ContentChange
}

function adapter<K extends ListKey>(
  list: ListSection,
  def: ListDef<K>,
  describe: (
    item: ItemOf<K>,
    lawLabel: (id: string) => string,
  ) => { name: string; cells: string[] },
): ListAdapter {
  return {
    list,
    count: (c) => itemsOf(c, def.key).length,
    rows: (c, lawLabel) =>
      itemsOf(c, def.key).map((item, index) => ({
        index,
        fingerprint: itemFingerprint(item),
        ...describe(item, lawLabel),
      })),
    item: (c, index) => {
      const item = itemsOf(c, def.key)[index]
      return item === undefined
        ? undefined
        : { values: def.values(item), fingerprint: itemFingerprint(item) }
    },
    blank: def.blank,
    parse: (fields) => {
      const parsed = parseFields(def.form, fields)
      if (!parsed.ok) return parsed
      const item = parsed.data
      return {
        ok: true,
        add: addItem(def.key, item),
        replace: (index, fingerprint) => replaceItem(def.key, index, fingerprint, item),
      }
    },
    remove: (index, fingerprint) => removeItem(def.key, index, fingerprint),
  }
}

const dash = (s: string | null) => (s === null || s === '' ? '—' : s)

/** The card's list sections (legal bases, documents, fees): their rows, forms and changes. */
export const ADAPTERS: Record<ListSection, ListAdapter> = {
  legal: adapter('legal', LIST_DEFS.legal, (b: LegalBasis, law) => ({
    name: law(b.lawId),
    cells: [law(b.lawId), dash(b.article && toPersianDigits(b.article)), dash(b.note)],
  })),
  documents: adapter('documents', LIST_DEFS.documents, (d: RequiredDocument) => ({
    name: d.name,
    cells: [
      d.name,
      DOCUMENT_FORM_LABELS[d.form],
      toPersianDigits(d.count),
      dash(d.issuer),
      d.obtainableByInquiry ? em.yes : em.no,
    ],
  })),
  fees: adapter('fees', LIST_DEFS.fees, (f: Fee) => ({
    name: f.description,
    cells: [f.description, feeAmountText(f)],
  })),
}
