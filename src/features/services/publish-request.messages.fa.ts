import { toPersianDigits } from '../../lib/fa/digits.ts'

/** Persian text of the «ارسال برای انتشار» request (issue 17 item 12). */
export const publishRequestMsg = {
  heading: 'ارسال برای انتشار',
  lead: 'فقط مدیر دستگاه می‌تواند پیش‌نویس را منتشر کند. با این دکمه به مدیر دستگاه اعلان می‌رسد که پیش‌نویس آمادهٔ بررسی و انتشار است.',
  send: 'ارسال برای انتشار',
  sendAgain: 'ارسال دوباره برای انتشار',
  requested: (name: string, when: string) => `درخواست انتشار: ${name}، ${when}`,
  unknownUser: 'کاربر حذف‌شده',
  changedSince:
    'پیش‌نویس پس از ارسال درخواست تغییر کرده است؛ پیش از انتشار، تغییرات تازه را هم ببینید.',
  changedSinceEditor:
    'پیش‌نویس پس از ارسال درخواست تغییر کرده است. اگر تغییرات تمام شده است، دوباره بفرستید تا مدیر دستگاه باخبر شود.',
  noDraft: 'این خدمت پیش‌نویسی ندارد که برای انتشار فرستاده شود.',
  done: {
    'publish-requested': 'پیش‌نویس برای انتشار فرستاده شد و مدیر دستگاه باخبر شد.',
    'publish-rerequested':
      'پیش‌نویس تغییریافته دوباره برای انتشار فرستاده شد و مدیر دستگاه باخبر شد.',
    'publish-already-requested':
      'این پیش‌نویس پیش‌تر برای انتشار فرستاده شده است و از آن زمان تغییری نکرده است؛ درخواست نخست به قوت خود باقی است.',
  } as Record<string, string>,
  notificationSubject: (title: string) => `درخواست انتشار: ${title}`,
  notificationText: (name: string, title: string, versionNo: number) =>
    `${name} پیش‌نویس نسخهٔ ${toPersianDigits(versionNo)} خدمت «${title}» را برای انتشار فرستاده است. پیش‌نویس را ببینید و در صورت آماده بودن منتشر کنید.`,
  untitled: 'خدمت بی‌عنوان',
}
