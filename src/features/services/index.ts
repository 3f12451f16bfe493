// The catalogue core's public surface: the card model and schema, versions and the draft
// lifecycle, cache tags, access and quality checks. Route modules are imported by app.ts alone.

export { doneBanner, ID, staffService } from './admin.access.ts'
export {
  CHANNEL_KINDS,
  type ChannelKind,
  EMPTY_STAGE_MATRIX,
  SERVICE_STAGES,
  type ServiceChannel,
  type ServiceStage,
  SIGN_IN_METHODS,
  type SignInMethod,
  STAGE_MODES,
  type StageDelivery,
  type StageMatrix,
  type StageMode,
} from './card/channel.model.ts'
export { channelSchema, stageMatrixSchema, storedChannelSchema } from './card/channel.schema.ts'
export { FORM_LANGUAGES, type FormLanguage, type ServiceForm } from './card/form.model.ts'
export { serviceFormSchema } from './card/form.schema.ts'
export type { ServiceOfficeLink } from './card/office-link.model.ts'
export { officeLinkSchema } from './card/office-link.schema.ts'
export * from './card/process.model.ts'
export * from './card/process.schema.ts'
export { expectedRevision, stampOf, stampOfDraft, withoutStamp } from './draft-stamp.ts'
export {
  checkContent,
  formErrorsOf,
  LIST_DEFS,
  type ListDef,
  newServiceForm,
  noDocumentsForm,
  type Parsed,
  parseFields,
  publishForm,
  SECTION_FORMS,
  sectionValues,
  slugForm,
  withdrawForm,
} from './editor.input.ts'
export {
  addItem,
  baseFieldName,
  CARD_SECTIONS,
  type CardSection,
  type ContentChange,
  changedFields,
  FORM_SECTIONS,
  type FormSection,
  type ItemOf,
  itemFingerprint,
  itemsOf,
  LIST_MAX,
  LIST_SECTIONS,
  type ListKey,
  type ListSection,
  removeItem,
  replaceFields,
  replaceItem,
  SECTION_FIELDS,
} from './editor.model.ts'
export {
  findActualTimeFigures,
  findRatingTotals,
  WHOLE_TRANSACTION_STEP,
} from './feedback-figures.queries.ts'
export {
  ACTUAL_TIME_WINDOW_DAYS,
  type ActualTimeFigures,
  actualTimeSentence,
  elapsedText,
  NOT_ENOUGH_DATA,
  type SatisfactionFigure,
  satisfactionFigure,
  satisfactionSentence,
} from './feedback-figures.ts'
export {
  findHelpfulCounts,
  type HelpfulFigure,
  helpfulFigure,
} from './feedback-rollup.queries.ts'
export {
  AUDIENCE_LABELS,
  AUDIENCE_LONG_LABELS,
  DOCUMENT_FORM_LABELS,
  editorMsg,
  LEVEL_LABELS,
  LIFE_EVENT_LABELS,
  msg as servicesMsg,
  NATURE_LABELS,
  SECTION_LABELS,
  TRIGGER_LABELS,
} from './messages.fa.ts'
export { requestPublication } from './publish-request.actions.ts'
export { publishRequestMsg } from './publish-request.messages.fa.ts'
export {
  type PublishRequest,
  type PublishRequestOutcome,
  type PublishRequestView,
  publishRequestView,
} from './publish-request.model.ts'
export { findPublishRequest } from './publish-request.queries.ts'
export {
  countByState,
  type ServiceUnderReview,
  type StateCounts,
  servicesWithClock,
} from './review-clock.read.ts'
export {
  ESCALATE_AFTER_DAYS,
  OVERDUE_REMINDER_DAYS,
  REVIEW_STATES,
  type ReviewClock,
  type ReviewPolicyLike,
  type ReviewState,
  reviewClock,
  reviewDueAt,
} from './review-clock.ts'
export type { ReviewableService } from './review-list.queries.ts'
export {
  type ConflictChanges,
  checkedChange,
  conflictResponse,
  draftToEdit,
  lineChanges,
  type SectionSave,
  type SectionTarget,
  saveSection,
} from './section-editor.ts'
export {
  auditDiff,
  type CreateServiceResult,
  createService,
  createServiceIn,
  discardDraft,
  saveDraft,
  startDraft,
} from './service.actions.ts'
export { CATALOGUE_CACHE_TAG, publicServiceTags, serviceCacheTag } from './service.cache.ts'
export type { DeclaredTime, Service, ServiceContent, ServiceVersion } from './service.model.ts'
export {
  AUDIENCES,
  type Audience,
  emptyContent,
  type Fee,
  type Frequency,
  type LegalBasis,
  LIFE_EVENTS,
  type LifeEvent,
  type Nature,
  type RequiredDocument,
  type ServiceLevel,
  type TimeUnit,
  type Trigger,
} from './service.model.ts'
export {
  assertCanEditServicesOf,
  assertCanPublishServicesOf,
  canEditServicesOf,
  canPublishServicesOf,
} from './service.policy.ts'
export {
  type AgencyServiceRow,
  countPublishedByFacet,
  findDraft,
  findPublicVersion,
  findPublished,
  findServiceById,
  insertDraft,
  insertService,
  listAgencyServices,
  listPublicVersions,
  listPublishedServices,
  lockService,
  nextVersionNo,
  type PublishedServiceSummary,
  publishDraftVersion,
  setWithdrawn,
} from './service.queries.ts'
export type { ServiceWithVersion } from './service.read.ts'
export {
  loadPublicService,
  loadPublishedById,
  loadServiceById,
  loadServiceBySlug,
  withAgencyAndLaws,
} from './service.read.ts'
export {
  parseStoredContent,
  serviceContentSchema,
} from './service.schema.ts'
export {
  declaredTimeText,
  documentText,
  type FieldChange,
  feeAmountText,
  feeText,
  frequencyText,
  linesChange,
  visitsText,
} from './service.text.ts'
export { type CompletedReview, listCompletedReviews } from './service-reviews.queries.ts'
export { type ChangeSlugResult, changeServiceSlug } from './service-slug.actions.ts'
export { findSlugRedirect, listRetiredSlugs, type RetiredSlug } from './service-slug.queries.ts'
export { slugMsg } from './slug.messages.fa.ts'
export { slugSchema } from './slug.schema.ts'
export { isValidSlug, SLUG_CHARS, SLUG_PATTERN, slugify } from './slug.ts'
export {
  type DraftStamp,
  draftStampFields,
  fieldValue,
  fieldValues,
  formErrorSummary,
  formStart,
  type ServiceStatus,
  statusTags,
} from './views/editor-common.ts'
export { conflictPage } from './views/editor-conflict.ts'
export { itemPage, type LawChoice, type ListRow, listPage } from './views/editor-lists.ts'
export { sectionFormPage } from './views/editor-sections.ts'
