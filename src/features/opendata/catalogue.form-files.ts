import { publicServiceFormHref } from '../forms/index.ts'

/** Where a form file of a published service downloads from (the forms feature serves it). */
export function formFileUrl(publicUrl: string, slug: string, sha256: string): string {
  return `${publicUrl}${publicServiceFormHref(encodeURIComponent(slug), sha256)}`
}
