import { slugMsg } from '../services/index.ts'

/** Persian text of the catalogue's own staff forms (the rest is the services feature's). */
export const catalogueMsg = {
  // One-time form tokens (issue 17 item 10).
  formOnceMissing:
    'این فرم کهنه است یا کامل فرستاده نشده است. چیزی ساخته نشد؛ لطفاً فرم را دوباره بفرستید.',
  // The new-service form's address field (issue 17 item 13): Persian like the title, optional.
  newSlugHint: `${slugMsg.hint} اگر خالی بگذارید، نشانی از عنوان خدمت ساخته می‌شود.`,
  // The overview's address row (issue 17 item 13).
  address: 'نشانی صفحهٔ خدمت',
} as const
