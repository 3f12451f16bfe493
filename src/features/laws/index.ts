export { canEditLaw, createLaw } from './law.actions.ts'
export type { Law, LawKind } from './law.model.ts'
export { LAW_KINDS } from './law.model.ts'
export { findLawsByIds, insertLaw, insertLaws, listLawChoices } from './law.queries.ts'
export {
  type CitedLaw,
  type CitingVersion,
  citedLaws,
  lawsCitedBy,
  recordCitedLaws,
} from './law-citations.queries.ts'
export { LAW_KIND_LABELS } from './messages.fa.ts'
export { approvedOnFa, lawCitation } from './views/law-pages.ts'
