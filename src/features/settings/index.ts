export { msg as settingsMsg } from './messages.fa.ts'
export { loadPortalSettings, setCentralBodyName, setDirectiveDate } from './settings.actions.ts'
export { centralBodyNameInput, directiveDateInput } from './settings.input.ts'
export {
  DEFAULT_CENTRAL_BODY_NAME,
  DEFAULT_DIRECTIVE_DATE,
  type PortalSettings,
  SETTING_KEYS,
} from './settings.model.ts'
export { assertCanEditSettings, canEditSettings } from './settings.policy.ts'
