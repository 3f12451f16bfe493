/**
 * Named examples of every component (govuk's `examples:`): they drive the render tests and
 * can feed an axe run or a dev-only component gallery.
 */
import { html } from 'hono/html'
import { breadcrumbs } from './breadcrumbs.ts'
import { button, buttonGroup } from './button.ts'
import { checkboxes } from './checkboxes.ts'
import { csrfField } from './csrf.ts'
import { dateInput } from './date-input.ts'
import { details } from './details.ts'
import { errorSummary } from './error-summary.ts'
import { errorListFromFieldErrors, type FieldErrors } from './field-errors.ts'
import { footer } from './footer.ts'
import { header } from './header.ts'
import type { Html } from './html.ts'
import { insetText } from './inset-text.ts'
import { notificationBanner } from './notification-banner.ts'
import { pagination, paginationItems } from './pagination.ts'
import { panel } from './panel.ts'
import { passwordInput } from './password-input.ts'
import { radios } from './radios.ts'
import { select } from './select.ts'
import { skipLink } from './skip-link.ts'
import { summaryList } from './summary-list.ts'
import { table } from './table.ts'
import { tag } from './tag.ts'
import { textInput } from './text-input.ts'
import { textarea } from './textarea.ts'
import { warningText } from './warning-text.ts'

export type Examples = Record<string, Record<string, () => Html>>

const exampleErrors: FieldErrors = {
  'national-code': 'کد ملی باید ۱۰ رقم باشد',
  'birth-date': 'تاریخ تولد باید یک تاریخ واقعی باشد',
}

export const examples: Examples = {
  button: {
    primary: () => button({ text: 'ذخیره و ادامه' }),
    secondary: () => button({ text: 'پیش‌نمایش', variant: 'secondary', type: 'button' }),
    warning: () => button({ text: 'حذف پیش‌نویس', variant: 'warning' }),
    link: () => button({ text: 'شروع کنید', href: '/services/1/start', isStartButton: true }),
    group: () =>
      buttonGroup([
        button({ text: 'انتشار' }),
        html`<a class="mr-link" href="/drafts">بازگشت به پیش‌نویس‌ها</a>`,
      ]),
  },
  textInput: {
    default: () => textInput({ name: 'title', label: { text: 'عنوان خدمت' } }),
    'with hint and error': () =>
      textInput({
        name: 'national-code',
        label: { text: 'کد ملی', classes: 'mr-label--s' },
        hint: { text: '۱۰ رقم، بدون خط تیره' },
        errorMessage: { text: exampleErrors['national-code'] ?? '' },
        value: '12345',
        inputmode: 'numeric',
        autocomplete: 'off',
        dir: 'ltr',
        classes: 'mr-input--width-10',
      }),
    email: () =>
      textInput({
        name: 'email',
        type: 'email',
        label: { text: 'نشانی رایانامه' },
        autocomplete: 'email',
        spellcheck: false,
        dir: 'ltr',
      }),
    'with suffix': () =>
      textInput({
        name: 'fee',
        label: { text: 'هزینه (ریال)' },
        inputmode: 'numeric',
        suffix: { text: 'ریال' },
        classes: 'mr-input--width-10',
      }),
  },
  textarea: {
    default: () =>
      textarea({
        name: 'description',
        label: { text: 'شرح خدمت', isPageHeading: true, classes: 'mr-label--l' },
        hint: { text: 'به زبان ساده بنویسید چه کسی و چرا از این خدمت استفاده می‌کند.' },
      }),
  },
  select: {
    default: () =>
      select({
        name: 'province',
        label: { text: 'استان' },
        value: 'tehran',
        items: [
          { value: '', text: 'انتخاب کنید' },
          { value: 'tehran', text: 'تهران' },
          { value: 'isfahan', text: 'اصفهان' },
        ],
      }),
  },
  radios: {
    default: () =>
      radios({
        name: 'audience',
        fieldset: { legend: { text: 'مخاطب خدمت', classes: 'mr-fieldset__legend--m' } },
        hint: { text: 'یک گزینه را انتخاب کنید.' },
        value: 'g2b',
        items: [
          { value: 'g2c', text: 'شهروندان', hint: { text: 'خدمت دولت به شهروند (G2C)' } },
          { value: 'g2b', text: 'کسب‌وکارها' },
          { divider: 'یا' },
          { value: 'g2g', text: 'دستگاه‌های دیگر' },
        ],
      }),
    'with error': () =>
      radios({
        name: 'nature',
        classes: 'mr-radios--inline',
        fieldset: { legend: { text: 'ماهیت خدمت' } },
        errorMessage: { text: 'ماهیت خدمت را انتخاب کنید' },
        items: [
          { value: 'sovereign', text: 'حاکمیتی' },
          { value: 'enterprise', text: 'تصدی‌گری' },
        ],
      }),
  },
  checkboxes: {
    default: () =>
      checkboxes({
        name: 'channels',
        fieldset: { legend: { text: 'روش‌های دریافت خدمت' } },
        values: ['web'],
        items: [
          { value: 'web', text: 'درگاه اینترنتی' },
          { value: 'app', text: 'برنامهٔ تلفن همراه' },
          { value: 'counter', text: 'دفتر پیشخوان', hint: { text: 'با مراجعهٔ حضوری' } },
        ],
      }),
  },
  dateInput: {
    default: () =>
      dateInput({
        id: 'approval-date',
        fieldset: { legend: { text: 'تاریخ تصویب' } },
        hint: { text: 'برای نمونه ۱۴۰۳ ۷ ۱۵' },
      }),
    'with error': () =>
      dateInput({
        id: 'birth-date',
        fieldset: { legend: { text: 'تاریخ تولد' } },
        errorMessage: { text: exampleErrors['birth-date'] ?? '' },
        errorParts: ['month'],
        values: { day: '۳', month: '۱۳', year: '۱۳۷۰' },
      }),
  },
  passwordInput: {
    default: () =>
      passwordInput({
        name: 'password',
        label: { text: 'گذرواژه' },
        hint: { text: 'دست‌کم ۱۲ نویسه' },
      }),
  },
  errorSummary: {
    default: () =>
      errorSummary({
        errorList: errorListFromFieldErrors(exampleErrors, { 'birth-date': 'birth-date-day' }),
      }),
  },
  csrfField: {
    default: () => csrfField('tok"en<'),
  },
  table: {
    default: () =>
      table({
        caption: 'زمان انجام مراحل',
        captionClasses: 'mr-table__caption--m',
        firstCellIsHeader: true,
        head: [{ text: 'مرحله' }, { text: 'زمان (روز کاری)', format: 'numeric' }],
        rows: [
          [{ text: 'ثبت درخواست' }, { text: '۱', format: 'numeric' }],
          [{ text: 'بررسی مدارک' }, { text: '۱۰', format: 'numeric' }],
        ],
      }),
    scrollable: () =>
      table({
        id: 'offices',
        caption: 'دفاتر',
        scrollable: true,
        head: [{ text: 'نام' }, { text: 'تلفن' }],
        rows: [[{ text: 'دفتر مرکزی' }, { html: html`<bdi dir="ltr">021-1234 5678</bdi>` }]],
      }),
  },
  summaryList: {
    default: () =>
      summaryList({
        rows: [
          {
            key: { text: 'عنوان خدمت' },
            value: { text: 'صدور گواهی‌نامه' },
            actions: { items: [{ href: '#title', visuallyHiddenText: 'عنوان خدمت' }] },
          },
          { key: { text: 'دستگاه' }, value: { text: 'سازمان ثبت اسناد و املاک کشور' } },
        ],
      }),
  },
  tag: {
    grey: () => tag({ text: 'پیش‌نویس', colour: 'grey' }),
    green: () => tag({ text: 'منتشرشده', colour: 'green' }),
    red: () => tag({ text: 'معوق', colour: 'red' }),
    yellow: () => tag({ text: 'در انتظار بازبینی', colour: 'yellow' }),
    blue: () => tag({ text: 'جدید', colour: 'blue' }),
  },
  breadcrumbs: {
    default: () =>
      breadcrumbs({
        items: [
          { href: '/', text: 'خانه' },
          { href: '/agencies', text: 'دستگاه‌ها' },
          { text: 'سازمان ثبت' },
        ],
      }),
  },
  pagination: {
    default: () =>
      pagination({
        previous: { href: '?page=4' },
        next: { href: '?page=6' },
        items: paginationItems(5, 12, (p) => `?page=${p}`),
      }),
    block: () =>
      pagination({
        previous: { href: '/guide/1', labelText: 'مقدمه' },
        next: { href: '/guide/3', labelText: 'مدارک لازم' },
      }),
  },
  notificationBanner: {
    info: () => notificationBanner({ text: 'این خدمت تا ۱۵ مهر بازبینی می‌شود.' }),
    success: () =>
      notificationBanner({ type: 'success', titleId: 'success-title', text: 'پیش‌نویس منتشر شد.' }),
  },
  insetText: {
    default: () => insetText({ text: 'بر پایهٔ مادهٔ ۵ قانون مدیریت خدمات کشوری.' }),
  },
  details: {
    default: () =>
      details({ summaryText: 'کد ملی را ندارم', text: 'با نزدیک‌ترین دفتر پیشخوان تماس بگیرید.' }),
  },
  panel: {
    'one-time password': () =>
      panel({
        titleText: 'دستگاه ساخته شد',
        text: 'این گذرواژهٔ یک‌بارمصرف فقط یک بار نمایش داده می‌شود:',
        code: 'X7k-29Qa-pL4',
      }),
  },
  warningText: {
    default: () => warningText({ text: 'اطلاعات نادرست پیگرد قانونی دارد.' }),
  },
  skipLink: {
    default: () => skipLink(),
  },
  header: {
    'signed out': () =>
      header({
        csrfToken: 't',
        searchQuery: 'گذرنامه',
        nav: [
          { href: '/services', text: 'خدمات', current: true },
          { href: '/agencies', text: 'دستگاه‌ها' },
        ],
      }),
    'signed in': () =>
      header({
        csrfToken: 't',
        user: { displayName: 'مریم احمدی', roleLabel: 'مدیر دستگاه', agencyName: 'سازمان ثبت' },
      }),
  },
  footer: {
    default: () =>
      footer({
        links: [
          { href: '/about', text: 'دربارهٔ پرتال' },
          { href: '/api/v1/docs', text: 'رابط برنامه‌نویسی' },
        ],
      }),
  },
}
