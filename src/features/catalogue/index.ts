export {
  type PublishAudit,
  type PublishDraftInput,
  type PublishResult,
  publishDraftIn,
  publishService,
  setServiceWithdrawn,
} from './publish.actions.ts'
export { type IssueSection, type QualityIssue, qualityIssues } from './service.quality.ts'
