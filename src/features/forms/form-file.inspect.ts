import {
  type ContentProblem,
  type FormFileKind,
  MAX_UNCOMPRESSED_BYTES,
} from './form-file.model.ts'
import { inspectPdf } from './pdf-inspect.ts'
import { inspectPackage } from './zip-inspect.ts'

/**
 * Looks inside a file whose kind is already known from its bytes, before it is stored and
 * offered to citizens: a package's parts (sizes, names, macros, entities, external links), a
 * PDF's scripts and embedded files. Null when nothing is wrong. Inflation is bounded by one
 * budget for the whole file (`MAX_UNCOMPRESSED_BYTES`) and done chunk by chunk, so a hostile
 * upload costs at most that much work and a chunk of memory.
 */
export function inspectFormFile(
  bytes: Uint8Array,
  kind: FormFileKind,
): Promise<ContentProblem | null> {
  const budget = { remaining: MAX_UNCOMPRESSED_BYTES }
  if (kind === 'pdf') return inspectPdf(bytes, budget)
  return inspectPackage(bytes, budget, { odf: kind === 'odt' })
}
