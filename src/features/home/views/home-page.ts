import { html } from 'hono/html'
import { toPersianDigits } from '../../../lib/fa/digits.ts'
import { button, type Html } from '../../../web/ui/index.ts'
import type { AgencyBrief } from '../../agencies/index.ts'

export interface Facet {
  key: string
  label: string
  count: number
}

export function homePage(v: {
  ministries: AgencyBrief[]
  agencyCount: number
  audiences: Facet[]
  lifeEvents: Facet[]
  /** The central body's name from the settings: it issues the agencies' credentials. */
  centralBodyName: string
}): Html {
  return html`<div class="mr-grid-row"><div class="mr-grid-column-two-thirds">
      <h1 class="mr-heading-xl">پرتال مردم</h1>
      <p class="mr-body-l">
        درگاه ملی معرفی خدمات دستگاه‌های اجرایی: شرح هر خدمت و قوانین آن، مدارک لازم، فرم‌ها،
        مراحل انجام کار و زمان هر مرحله، نشانی ادارات و راه انجام برخط.
      </p>
      <form class="mr-search-hero" method="get" action="/search" role="search" aria-label="جست‌وجوی خدمات">
        <label class="mr-label mr-label--m" for="home-q">دنبال چه خدمتی هستید؟</label>
        <div class="mr-search-hero__row mr-suggest">
          <input class="mr-input" id="home-q" name="q" type="search" autocomplete="off" spellcheck="false" data-suggest-url="/search/suggest">
          ${button({ text: 'جست‌وجو' })}
        </div>
      </form>
    </div></div>
    <div class="mr-grid-row">
      <div class="mr-grid-column-one-third">
        <h2 class="mr-heading-m">خدمات برای</h2>
        <ul class="mr-list mr-list--spaced">${v.audiences.map(
          (a) => html`<li><a class="mr-link" href="/services?audience=${a.key}">${a.label}</a>
            <span class="mr-hint-inline">${toPersianDigits(a.count)} خدمت</span></li>`,
        )}</ul>
      </div>
      <div class="mr-grid-column-two-thirds">
        <h2 class="mr-heading-m">رویدادهای زندگی</h2>
        <ul class="mr-list mr-list--columns">${v.lifeEvents.map(
          (e) => html`<li><a class="mr-link" href="/services?lifeEvent=${e.key}">${e.label}</a>
            <span class="mr-hint-inline">${toPersianDigits(e.count)}</span></li>`,
        )}</ul>
      </div>
    </div>
    <p class="mr-body"><a class="mr-link" href="/services">همهٔ خدمات</a> · <a class="mr-link" href="/laws">قوانین و مقررات</a></p>
    <h2 class="mr-heading-m">دستگاه‌های اجرایی</h2>
    <p class="mr-body">
      ${toPersianDigits(v.agencyCount)} دستگاه در پرتال ثبت شده است.
      <a class="mr-link" href="/agencies">فهرست کامل دستگاه‌ها</a>
    </p>
    <ul class="mr-list mr-list--columns">
      ${v.ministries.map((m) => html`<li><a class="mr-link" href="/agencies/${m.code}">${m.nameFa}</a></li>`)}
    </ul>
    <h2 class="mr-heading-m">برای دستگاه‌های اجرایی</h2>
    <p class="mr-body">
      دستگاه‌ها با کد و رمزی که ${v.centralBodyName} صادر می‌کند وارد پرتال می‌شوند و خدمات
      خود را ثبت و به‌روز می‌کنند.
    </p>
    ${button({ text: 'ورود دستگاه‌ها', href: '/sign-in', variant: 'secondary' })}`
}
