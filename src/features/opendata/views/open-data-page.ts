import { html } from 'hono/html'
import { type Html, table } from '../../../web/ui/index.ts'
import { EXPORT_FILE_NAMES, type ExportFormat } from '../catalogue.export.ts'
import { pageMsg as m } from '../messages.fa.ts'

/** What the open-data page shows (a view model: no rows, numbers already in Persian). */
export interface OpenDataView {
  servicesFa: string
  agenciesFa: string
  lastChangeFa: string | null
  formats: { format: ExportFormat; label: string; description: string; href: string }[]
  csvColumns: { name: string; description: string }[]
  syncExample: string
  licenceUrl: string
}

/**
 * Latin codes inside a Persian sentence (`per_period:…/month|year`, `ISO 8601`) each become an
 * isolated left-to-right run, so the bidi algorithm does not scatter their parts.
 */
export function withLtrCodes(text: string): Html {
  const parts = text.split(/([A-Za-z][A-Za-z0-9_:./|-]*(?: [0-9]+)?)/)
  return html`${parts.map((p, i) => (i % 2 === 1 ? html`<bdi dir="ltr">${p}</bdi>` : p))}`
}

export function openDataPage(v: OpenDataView): Html {
  return html`<h1 class="mr-heading-l">${m.title}</h1>
<p class="mr-body-l">${m.lead}</p>

<h2 class="mr-heading-m">${m.whatHeading}</h2>
<p class="mr-body">${m.what(v.servicesFa, v.agenciesFa)}</p>
${v.lastChangeFa ? html`<p class="mr-body">${m.lastChange(v.lastChangeFa)}</p>` : ''}

<h2 class="mr-heading-m" id="formats">${m.formatsHeading}</h2>
${table({
  caption: m.formatsCaption,
  captionClasses: 'mr-visually-hidden',
  head: [
    { text: m.colFormat },
    { text: m.colDescription },
    { text: m.colCount, format: 'numeric' },
    { text: m.colDownload },
  ],
  firstCellIsHeader: true,
  rows: v.formats.map((f) => [
    { text: f.label },
    { text: f.description },
    { text: v.servicesFa, format: 'numeric' },
    {
      html: html`<a class="mr-link" href="${f.href}" download="${EXPORT_FILE_NAMES[f.format]}">${m.download(f.label)}<span class="mr-visually-hidden"> (<bdi dir="ltr">${EXPORT_FILE_NAMES[f.format]}</bdi>)</span></a>`,
    },
  ]),
})}
<p class="mr-body">${m.formatsNote}</p>

<h2 class="mr-heading-m" id="review-dates">${m.reviewHeading}</h2>
<p class="mr-body">${withLtrCodes(m.reviewText)}</p>
<p class="mr-body">${withLtrCodes(m.reviewStateNote)}</p>

<h2 class="mr-heading-m" id="csv-columns">${m.csvHeading}</h2>
${table({
  id: 'csv-columns-table',
  caption: m.csvCaption,
  captionClasses: 'mr-visually-hidden',
  scrollable: true,
  head: [{ text: m.colColumn }, { text: m.colDescription }],
  firstCellIsHeader: true,
  rows: v.csvColumns.map((c) => [
    { html: html`<code dir="ltr">${c.name}</code>` },
    { html: withLtrCodes(c.description) },
  ]),
})}
<p class="mr-body">${m.csvFormulaNote}</p>

<h2 class="mr-heading-m" id="sync">${m.syncHeading}</h2>
<p class="mr-body">${m.syncLead}</p>
<pre class="mr-code" dir="ltr" tabindex="0"><code>${v.syncExample}</code></pre>
<ol class="mr-list mr-list--number">${m.syncSteps.map((s) => html`<li>${s}</li>`)}</ol>
<p class="mr-body">${m.syncNote}</p>

<h2 class="mr-heading-m" id="api">${m.apiHeading}</h2>
<p class="mr-body">${m.apiText}</p>
<ul class="mr-list mr-list--bullet">
<li><a class="mr-link" href="/api/docs">${m.apiDocs}</a></li>
<li><a class="mr-link" href="/api/v1/openapi.json">${m.openapi}</a></li>
</ul>

<h2 class="mr-heading-m" id="feedback-figures">آمار ماهانهٔ بازخورد</h2>
<p class="mr-body">برای هر ماه شمسی، آمار بازخورد هر خدمت و هر دستگاه منتشر می‌شود: «آیا این صفحه مفید بود؟» (بله، خیر، n و کران پایین ویلسون)، رضایت مردم از تراکنش‌های واقعی (n، میانگین با بازهٔ اطمینان ۹۵٪ و میانگین بیزی)، زمان واقعی انجام کار در برابر وعده (n، میانه، صدک ۹۰ و سهم به‌موقع) و گزارش‌های نادرستی اطلاعات (دریافتی، پاسخ‌داده و گذشته از موعد). هر عدد با n خود می‌آید و زیر کمینهٔ n، ستون shown مقدار false دارد؛ یعنی «هنوز دادهٔ کافی نیست». نشانی هر ماه به شکل سال-ماه با رقم لاتین است:</p>
<pre class="mr-code" dir="ltr" tabindex="0"><code>/api/v1/export/feedback/1405-09.json
/api/v1/export/feedback/1405-09.csv</code></pre>
<ul class="mr-list mr-list--bullet">
<li><a class="mr-link" href="/api/v1/export/feedback/1405-09.json">آمار آذر ۱۴۰۵ (JSON)</a></li>
<li><a class="mr-link" href="/api/v1/export/feedback/1405-09.csv">آمار آذر ۱۴۰۵ (CSV)</a></li>
</ul>

<h2 class="mr-heading-m" id="indicator-figures">شاخص‌های عملکرد</h2>
<p class="mr-body">شاخص‌های تصویب‌شده (عمومی و اختصاصی هر دستگاه) با تعریف، صورت و مخرج، یکا، جهت، دورهٔ گزارش، هدف هر سال و نسخهٔ روش، و مقدارهایی که ستاد مرکزی پذیرفته یا پرتال خودش محاسبه کرده است؛ هر مقدار با صورت، مخرج و n و به‌موقع بودنش. فهرست خواندنی آن‌ها در <a class="mr-link" href="/indicators">صفحهٔ شاخص‌ها</a> است.</p>
<ul class="mr-list mr-list--bullet">
<li><a class="mr-link" href="/api/v1/export/indicators.json">شاخص‌ها و مقدارها (JSON)</a></li>
<li><a class="mr-link" href="/api/v1/export/indicators.csv">شاخص‌ها و مقدارها (CSV)</a></li>
</ul>

<h2 class="mr-heading-m" id="licence">${m.licenceHeading}</h2>
<p class="mr-body">${m.licenceText}</p>
<p class="mr-body"><a class="mr-link" href="${v.licenceUrl}" rel="license">${m.licenceLink}</a></p>

<h2 class="mr-heading-m" id="cli">${m.cliHeading}</h2>
<p class="mr-body">${m.cliText}</p>
<pre class="mr-code" dir="ltr" tabindex="0"><code>npx mardom export --format json --out catalogue.json
npx mardom export --format csv --out catalogue.csv
npx mardom import catalogue.json</code></pre>`
}
