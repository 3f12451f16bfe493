import { SLUG_CHARS } from '../services/index.ts'
/**
 * «آیا این صفحه مفید بود؟» (issue 13 item 1): a yes or no on a service page, then, after «خیر»,
 * an optional «چه چیزی نادرست بود یا کم بود؟» and which section. It measures the page's
 * information, not the service (satisfaction is the rating feature's), so it never feeds an
 * agency's score.
 */

/** The sections a follow-up may name: the service page's, with the review's keys. */
export const HELPFUL_SECTIONS = [
  'description',
  'laws',
  'documents',
  'fees',
  'forms',
  'process',
  'offices',
  'channels',
] as const
export type HelpfulSection = (typeof HELPFUL_SECTIONS)[number]

export const HELPFUL_SECTION_LABELS: Record<HelpfulSection, string> = {
  description: 'شرح خدمت',
  laws: 'قوانین و مقررات',
  documents: 'مدارک لازم',
  fees: 'هزینه‌ها',
  forms: 'فرم‌ها',
  process: 'مراحل انجام کار',
  offices: 'محل‌های مراجعه',
  channels: 'راه‌های دریافت خدمت',
}

export const MISSING_MAX = 2000

/** A «خیر» may be followed up within this long (the link on the follow-up page is its key). */
export const FOLLOW_UP_WINDOW_MS = 60 * 60_000

/**
 * When the cached service page is dropped for new figures. Every vote updates the rollup row
 * at once (its counts are always exact), but the page tag `service:<id>` is marked changed only
 * when FLUSH_EVERY_VOTES votes have arrived since the page last was, or a vote arrives more
 * than FLUSH_AFTER_MS after that: a busy page re-renders at most once per ten votes, a quiet one
 * shows each vote within the next vote, and a stale figure is at most nine votes behind (the
 * page also re-renders by itself at the end of the Tehran day).
 */
export const FLUSH_EVERY_VOTES = 10
export const FLUSH_AFTER_MS = 10 * 60_000

export function shouldFlush(
  rollup: { total: number; shownTotal: number; shownAt: Date },
  now: Date,
): boolean {
  const pending = rollup.total - rollup.shownTotal
  if (pending <= 0) return false
  return pending >= FLUSH_EVERY_VOTES || now.getTime() - rollup.shownAt.getTime() >= FLUSH_AFTER_MS
}

/** The path of the vote form on the cached service page (posted without a CSRF token). */
export const HELPFUL_VOTE_PATH = new RegExp(`^/services/[${SLUG_CHARS}-]{1,80}/helpful$`, 'u')

/** Slugs may be Persian: the path is matched as decoded, whichever way it arrives. */
export function isHelpfulVotePath(path: string): boolean {
  try {
    return HELPFUL_VOTE_PATH.test(decodeURIComponent(path))
  } catch {
    return false
  }
}
