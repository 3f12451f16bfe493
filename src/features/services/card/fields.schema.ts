import { z } from 'zod'
import { normalizeFaInput } from '../../../lib/fa/normalize.ts'

/** Text fields of the card: normalised on the way in, so parsing stored content again changes nothing. */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => normalizeFaInput(s))
export const longText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => normalizeFaInput(s, { multiline: true }))
export const nullableText = (max: number) =>
  z
    .string()
    .max(max)
    .nullable()
    .transform((s) => (s ? normalizeFaInput(s, { multiline: true }) || null : null))
