import { html } from 'hono/html'
import { formatNumberFa, toPersianDigits } from '../../../lib/fa/digits.ts'
import type { Html } from '../../../web/ui/index.ts'
import type { HelpfulFigure } from '../../services/index.ts'

/** A share (0–1) as a whole percentage in Persian digits: «۷۸٪». */
function percent(share: number): string {
  return `${toPersianDigits(Math.round(share * 100))}٪`
}

/**
 * What the page says about its helpfulness: with n at least the minimum, the Wilson lower
 * bound with its n and rule; below it «هنوز دادهٔ کافی نیست» with n and the minimum.
 */
export function helpfulFigureText(f: HelpfulFigure): Html {
  if (!f.shown)
    return html`<p class="mr-body-s mr-secondary-text" id="helpful-figure">هنوز دادهٔ کافی نیست (${formatNumberFa(f.n)} پاسخ؛ کمینه ${formatNumberFa(f.minN)} پاسخ).</p>`
  return html`<p class="mr-body-s mr-secondary-text" id="helpful-figure">
      ${formatNumberFa(f.yes)} نفر از ${formatNumberFa(f.n)} نفر (n = ${formatNumberFa(f.n)}) این صفحه را مفید دانستند.
      با اطمینان ۹۵٪ دست‌کم ${percent(f.wilsonLow)} بازدیدکنندگان آن را مفید می‌دانند (کران پایین ویلسون).
    </p>`
}

/**
 * «آیا این صفحه مفید بود؟» on the public service page. The page is cached and served to
 * everyone, so the widget is static: a plain form with two buttons posting to the vote route
 * (no per-visitor token, see web/csrf.ts `tokenlessPath`; the honeypot is its only hidden
 * field). It works without JavaScript; after «خیر» the follow-up question is its own page.
 */
export function helpfulWidget(slug: string, figure: HelpfulFigure): Html {
  return html`<section class="mr-helpful" id="helpful" aria-labelledby="helpful-heading">
      <form method="post" action="/services/${slug}/helpful" novalidate>
        <div class="mr-visually-hidden" aria-hidden="true">
          <label for="helpful-website">این خانه را خالی بگذارید</label>
          <input type="text" id="helpful-website" name="website" value="" tabindex="-1" autocomplete="off">
        </div>
        <fieldset class="mr-fieldset">
          <legend class="mr-fieldset__legend mr-fieldset__legend--s"><h2 class="mr-heading-s" id="helpful-heading">آیا این صفحه مفید بود؟</h2></legend>
          <div class="mr-button-group">
            <button type="submit" name="vote" value="yes" class="mr-button mr-button--secondary">بله</button>
            <button type="submit" name="vote" value="no" class="mr-button mr-button--secondary">خیر</button>
          </div>
        </fieldset>
      </form>
      ${helpfulFigureText(figure)}
    </section>`
}
