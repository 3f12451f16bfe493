export { centralBodyName, loadCentralBodyName } from './central-body-name.ts'
export { msg as settingsMsg } from './messages.fa.ts'
export {
  loadPortalSettings,
  setCentralBodyName,
  setDirectiveDate,
  setFeedbackMinN,
  setReviewPolicy,
} from './settings.actions.ts'
export {
  centralBodyNameInput,
  directiveDateInput,
  feedbackMinNInput,
  reviewPolicyInput,
} from './settings.input.ts'
export {
  DEFAULT_CENTRAL_BODY_NAME,
  DEFAULT_DIRECTIVE_DATE,
  DEFAULT_FEEDBACK_MIN_N,
  DEFAULT_REVIEW_POLICY,
  FEEDBACK_POLICY_CACHE_TAG,
  type PortalSettings,
  REVIEW_POLICY_CACHE_TAG,
  type ReviewPolicy,
  reviewPolicySchema,
  SETTING_KEYS,
} from './settings.model.ts'
export { assertCanEditSettings, canEditSettings } from './settings.policy.ts'
