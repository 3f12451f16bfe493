export type {
  InboxItem,
  NotificationFrequency,
  NotifyInput,
  NotifyResult,
} from './notification.model.ts'
export { notify } from './notify.actions.ts'
export { findRecipients, type RecipientCriteria } from './recipients.queries.ts'
