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

/**
 * What a package (DOCX, XLSX, ODT) may hold once inflated, all parts together: 100 MiB, ten
 * times the largest file. Checked against the sizes the archive declares, then again while
 * inflating (a declaration may lie), stopping at the cap.
 */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024

/**
 * The highest compression ratio a part may have once it is over `RATIO_GRACE_BYTES`: 100,
 * Apache POI's default (its `ZipSecureFile` minimum inflate ratio 0.01 and 100 KiB grace).
 * Ordinary office XML compresses 5 to 20 times; a bomb of zeros about 1000 times.
 */
export const MAX_COMPRESSION_RATIO = 100
export const RATIO_GRACE_BYTES = 100 * 1024

/** The most entries a package may have (a form has tens; a directory bomb has millions). */
export const MAX_PACKAGE_ENTRIES = 5000

/** Why a file of an accepted kind is still refused after its content was inspected. */
export type ContentProblem =
  | 'expands-too-much'
  | 'ratio'
  | 'size-mismatch'
  | 'unsafe-name'
  | 'macro'
  | 'embedded-object'
  | 'xml-entity'
  | 'external-link'
  | 'malformed'
  | 'pdf-script'
  | 'pdf-embedded'
  | 'pdf-uninspectable'

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
