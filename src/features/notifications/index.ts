export {
  DEFAULT_SENDER,
  deliverMail,
  retryDelayMs,
  type SenderOptions,
  type SendSummary,
} from './mail.sender.ts'
export {
  classifySendError,
  type MailTransport,
  type OutgoingMail,
  smtpTransport,
} from './mail.transport.ts'
export type {
  InboxItem,
  NotificationFrequency,
  NotifyInput,
  NotifyResult,
} from './notification.model.ts'
export { notify } from './notify.actions.ts'
export { findRecipients, type RecipientCriteria } from './recipients.queries.ts'
export { loadUnreadCount } from './unread.middleware.ts'
