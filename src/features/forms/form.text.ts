import type { ServiceForm } from '../services/index.ts'
import { FORM_LANGUAGE_LABELS } from './messages.fa.ts'

/** A form as one line; the short hash makes a replaced file show as a change. */
export function formText(f: ServiceForm): string {
  const code = f.code ? ` (${f.code})` : ''
  return `${f.title}${code}، ${FORM_LANGUAGE_LABELS[f.language]} — ${f.fileName} [${f.sha256.slice(0, 8)}]`
}
