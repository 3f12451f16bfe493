export { diffContent, FIELD_LABELS } from './content.text.ts'
export {
  absoluteUrl,
  agencyIri,
  amountInRials,
  CPSV_CONTEXT,
  type CpsvInput,
  IRAN_NAME_FA,
  type JsonLdNode,
  legalBasisTitle,
  servedProvince,
  serviceIri,
  toCpsvAp,
} from './interop/cpsv-ap.ts'
export { nationalSample, provincialSample, SAMPLE_BASE_URL } from './interop/samples.ts'
export { validateAgainstCpsvShapes } from './interop/shacl.ts'
export {
  type PublishAudit,
  type PublishDraftInput,
  type PublishResult,
  publishDraftIn,
  publishService,
  setServiceWithdrawn,
} from './publish.actions.ts'
export { type IssueSection, type QualityIssue, qualityIssues } from './service.quality.ts'
