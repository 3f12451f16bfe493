// One part of the service card's stored shape. The card is stored and parsed as one document,
// so every part's shape sits here at the catalogue core; the section feature owns the rest
// (labels, input, editor, rendering).

export const FORM_LANGUAGES = ['fa', 'en', 'ar', 'ku', 'az'] as const
export type FormLanguage = (typeof FORM_LANGUAGES)[number]

/**
 * A downloadable form attached to a version (R5). The bytes live once in the
 * form-file store, keyed by their SHA-256, so a version that keeps a form
 * shares the file instead of copying it; replacing the file changes the hash.
 */
export interface ServiceForm {
  /** Hex SHA-256 of the file's bytes. */
  sha256: string
  title: string
  /** The agency's own form number, when it has one. */
  code: string | null
  language: FormLanguage
  /** The name the file downloads under (may be Persian). */
  fileName: string
}
