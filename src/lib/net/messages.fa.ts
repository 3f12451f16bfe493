import type { WebUrlProblem } from './public-url.ts'

/** Why a URL was refused, for the person who typed it (after the field's label, e.g. «نشانی»). */
export const WEB_URL_PROBLEM_FA: Record<WebUrlProblem, string> = {
  invalid: 'باید نشانی کامل وب باشد، مانند https://www.example.ir',
  scheme: 'باید با https:// یا http:// آغاز شود.',
  credentials: 'نباید نام کاربری یا گذرواژه داشته باشد (بخش پیش از @).',
  port: 'نباید شمارهٔ درگاه (پورت) داشته باشد؛ نشانی عمومی خدمت را بدون «:شماره» پس از نام وب‌گاه وارد کنید.',
  local_name:
    'باید به وب‌گاهی عمومی در اینترنت برسد، نه به نامی درونی مانند localhost، نام‌های ‎.local‎ و ‎.internal‎ یا نام بدون دامنه.',
  non_public_address:
    'نباید به نشانی IP درونی، محلی یا رزروشده برسد (مانند 127.0.0.1، 10.x.x.x، 192.168.x.x یا ::1)؛ نشانی عمومی خدمت را وارد کنید.',
}
