import { html, raw } from 'hono/html'
import type { Html } from '../../web/ui/html.ts'
import { msg } from './messages.fa.ts'

/** One notification in a message: a single mail carries one, a digest several. */
export interface MailItem {
  subject: string
  text: string
  /** Trusted markup from the notifying feature (built with `html```), or null. */
  htmlBody: string | null
  /** A path inside the portal, or null. */
  link: string | null
}

export interface ComposedMail {
  subject: string
  text: string
  html: string
}

function paragraphs(text: string): Html[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(
      (p) =>
        html`<p style="margin:0 0 12px">${p.split('\n').map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`))}</p>`,
    )
}

function itemHtml(item: MailItem, publicUrl: string, heading: 'h1' | 'h2'): Html {
  const title =
    heading === 'h1'
      ? html`<h1 style="font-size:22px;margin:0 0 16px">${item.subject}</h1>`
      : html`<h2 style="font-size:18px;margin:24px 0 8px">${item.subject}</h2>`
  // The feature's markup was escaped when it was built; only then is it trusted here.
  const body = item.htmlBody === null ? paragraphs(item.text) : raw(item.htmlBody)
  const link =
    item.link === null
      ? ''
      : html`<p style="margin:0 0 12px"><a href="${publicUrl}${item.link}" style="color:#1d70b8">${msg.viewInPortal}</a></p>`
  return html`${title}${body}${link}`
}

function itemText(item: MailItem, publicUrl: string): string {
  const link = item.link === null ? '' : `\n\n${msg.viewInPortal}: ${publicUrl}${item.link}`
  return `${item.subject}\n\n${item.text.trim()}${link}`
}

/**
 * A Persian message: an RTL HTML part (`lang="fa" dir="rtl"`, every value escaped, inline
 * styles because mail clients drop style sheets) and the same words as plain text. One item is
 * a single notification; several are a digest under `digestLead`.
 */
export async function composeMail(
  subject: string,
  items: MailItem[],
  publicUrl: string,
): Promise<ComposedMail> {
  const digest = items.length > 1
  const settings = `${publicUrl}/account/notifications`
  const footerText = `${msg.mailFooter}\n${msg.mailSettings}: ${settings}`
  const text = digest
    ? `${subject}\n\n${msg.digestLead(items.length)}\n\n${items.map((i) => itemText(i, publicUrl)).join('\n\n----\n\n')}\n\n--\n${footerText}\n`
    : `${items.map((i) => itemText(i, publicUrl)).join('')}\n\n--\n${footerText}\n`
  const content = digest
    ? html`<h1 style="font-size:22px;margin:0 0 16px">${subject}</h1><p style="margin:0 0 12px">${msg.digestLead(items.length)}</p>${items.map((i) => itemHtml(i, publicUrl, 'h2'))}`
    : items.map((i) => itemHtml(i, publicUrl, 'h1'))
  const doc = html`<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${subject}</title>
</head>
<body dir="rtl" style="margin:0;padding:16px;background:#ffffff;color:#0b0c0c;font-family:Vazirmatn,Tahoma,Arial,sans-serif;font-size:16px;line-height:1.8">
<div style="max-width:640px;margin:0 auto;text-align:right">
<p style="margin:0 0 16px;font-weight:bold;color:#1d4f7a">${msg.portalName}</p>
${content}
<hr style="border:0;border-top:1px solid #b1b4b6;margin:24px 0 12px">
<p style="margin:0;font-size:14px;color:#505a5f">${msg.mailFooter}<br><a href="${settings}" style="color:#1d70b8">${msg.mailSettings}</a></p>
</div>
</body>
</html>
`
  return { subject, text, html: (await doc).toString() }
}
