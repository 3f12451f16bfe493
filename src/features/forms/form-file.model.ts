/**
 * The form-file store's model (R5). A form file is identified by the SHA-256 of its bytes;
 * its kind is read from the bytes (never from the name). Only these four kinds are accepted.
 */
export const FORM_FILE_KINDS = ['pdf', 'docx', 'xlsx', 'odt'] as const
export type FormFileKind = (typeof FORM_FILE_KINDS)[number]

export const FORM_MEDIA_TYPES: Record<FormFileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
}

export const FORM_EXTENSIONS: Record<FormFileKind, string> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  odt: 'odt',
}

/** The largest form file accepted: 10 MB. */
export const MAX_FORM_BYTES = 10 * 1024 * 1024

/** What an upload request may weigh: the file plus the other fields and multipart framing. */
export const MAX_FORM_UPLOAD_BODY = MAX_FORM_BYTES + 256 * 1024

/** A stored file's description, without its bytes. */
export interface FormFileMeta {
  sha256: string
  kind: FormFileKind
  mediaType: string
  sizeBytes: number
}

export interface FormFile extends FormFileMeta {
  bytes: Uint8Array<ArrayBuffer>
}

export function isSha256(s: string): boolean {
  return /^[0-9a-f]{64}$/.test(s)
}

export function kindOfMediaType(mediaType: string): FormFileKind | undefined {
  return FORM_FILE_KINDS.find((k) => FORM_MEDIA_TYPES[k] === mediaType)
}
