export {
  type PublishAudit,
  type PublishDraftInput,
  type PublishResult,
  publishDraftIn,
  publishService,
  setServiceWithdrawn,
} from './publish.actions.ts'
