import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import type { Html } from '../../../web/ui/index.ts'
import { MATURITY_LEVELS } from '../maturity.model.ts'
import { MATURITY_DESCRIPTIONS, MATURITY_LABELS, channelsMsg as m } from '../messages.fa.ts'

/** `/help/e-service-maturity`: how the level on every service page is worked out. */
export function maturityHelpPage(): Html {
  return html`<h1 class="mr-heading-xl">${m.helpTitle}</h1>
    <p class="mr-body-l">هر خدمت در این درگاه یک «سطح بلوغ الکترونیکی» از ۱ تا ۵ دارد. این سطح را کسی دستی وارد نمی‌کند؛ از شناسنامهٔ خود خدمت حساب می‌شود: از جدول مراحل (اطلاع‌رسانی، درخواست، پردازش، تحویل)، راه‌های دسترسی، و اینکه فرمی برای دریافت دارد یا نه.</p>
    <h2 class="mr-heading-m">سطح‌ها</h2>
    <dl class="mr-summary-list" id="levels">${MATURITY_LEVELS.map(
      (l) => html`<div class="mr-summary-list__row" id="level-${l}">
        <dt class="mr-summary-list__key">سطح ${toPersianDigits(l)}: ${MATURITY_LABELS[l]}</dt>
        <dd class="mr-summary-list__value">${MATURITY_DESCRIPTIONS[l]}</dd>
      </div>`,
    )}</dl>
    <h2 class="mr-heading-m">قاعده‌های محاسبه</h2>
    <ul class="mr-list mr-list--bullet mr-list--spaced">
      <li>مرحله‌ای «الکترونیکی» به حساب می‌آید که در جدول مراحل الکترونیکی اعلام شده باشد و دست‌کم یکی از راه‌های دسترسی الکترونیکی خدمت (خدمت الکترونیکی، صفحهٔ وب، برنامهٔ همراه یا کد پیامکی و دستوری) برای آن نام برده شده باشد. تلفن و دفاتر پیشخوان راه الکترونیکی شمرده نمی‌شوند.</li>
      <li>مرحله‌ای که شیوهٔ انجامش اعلام نشده، الکترونیکی شمرده نمی‌شود.</li>
      <li>سطح‌ها از مرحلهٔ درخواست به بعد روی هم ساخته می‌شوند: اگر درخواست حضوری باشد، الکترونیکی بودن پردازش یا تحویل سطح را بالا نمی‌برد.</li>
      <li>سطح ۵ فقط وقتی است که هر چهار مرحله الکترونیکی باشد.</li>
      <li>میانگین سطح هر دستگاه، میانگین سطح خدمات منتشرشدهٔ آن است و از راه واسط برنامه‌نویسی هم در دسترس است:
        <code dir="ltr">GET /api/v1/indicators/e-service-maturity?agency=…</code></li>
    </ul>`
}
