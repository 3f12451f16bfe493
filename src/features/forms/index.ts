// The forms feature's public surface (R5): the content-addressed form-file store, its
// type sniffing, the editor section, downloads, the service-page section and the API.
export { fileSizeFa } from './download.ts'
export { formText } from './form.text.ts'
export {
  FORM_FILE_KINDS,
  FORM_MEDIA_TYPES,
  type FormFile,
  type FormFileKind,
  type FormFileMeta,
  MAX_FORM_BYTES,
  MAX_FORM_UPLOAD_BODY,
} from './form-file.model.ts'
export {
  assertFormFilesAttachable,
  formAttachProblem,
  unattachableFormFiles,
} from './form-file.policy.ts'
export {
  checkFormFile,
  type FormFileCheck,
  formFileMeta,
  getFormFile,
  type StoredFormFile,
  storeFormFile,
  storeFormFiles,
} from './form-file.store.ts'
export { publicFormItems, publicServiceFormHref, staffFormHref } from './forms.present.ts'
export { FORM_KIND_LABELS, FORM_LANGUAGE_LABELS } from './messages.fa.ts'
export { sniffFormType } from './sniff.ts'
export { formUploadBodyLimit, isFormUploadPath } from './upload-limit.ts'
export { formsOverviewRow } from './views/forms-overview.ts'
export { formsPublicSection, type PublicFormItem } from './views/forms-public.ts'
