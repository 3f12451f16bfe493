import { z } from 'zod'
import { msg } from './messages.fa.ts'
import { isValidSlug } from './slug.ts'

/**
 * A service address as the API and the catalogue import accept it (issue 17 item 13): the normal
 * form `slugify` makes, Persian or Latin, at most 80 characters (slug.ts). One schema for every
 * reader, so none of them keeps a Latin-only pattern of its own.
 */
export const slugSchema = z.string().refine(isValidSlug, msg.slugInvalid)
