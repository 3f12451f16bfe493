import { html } from 'hono/html'
import { type Attributes, attrs, cx, type Html, type TextOrHtml } from './html.ts'
import { uiMessages as m } from './messages.fa.ts'

export interface NotificationBannerProps extends TextOrHtml {
  /** `success` after an action (announced as an alert); `info` otherwise (a labelled region). */
  type?: 'info' | 'success'
  /** Defaults «انجام شد» for success and «توجه» for info. */
  titleText?: string
  /** Defaults `mr-notification-banner-title`; change it if a page has two banners. */
  titleId?: string
  titleHeadingLevel?: 2 | 3 | 4
  /** Overrides the role (`alert` for success, `region` for info). */
  role?: string
  classes?: string
  attributes?: Attributes
}

/** A message about the whole page or the user's last action (govuk notification-banner). */
export function notificationBanner(props: NotificationBannerProps): Html {
  const success = props.type === 'success'
  const titleId = props.titleId ?? 'mr-notification-banner-title'
  const level = props.titleHeadingLevel ?? 2
  const role = props.role ?? (success ? 'alert' : 'region')
  const title = props.titleText ?? (success ? m.bannerSuccessTitle : m.bannerInfoTitle)
  const body =
    props.html ?? html`<p class="mr-notification-banner__heading">${props.text ?? ''}</p>`
  return html`<div class="${cx('mr-notification-banner', success && 'mr-notification-banner--success', props.classes)}" role="${role}" aria-labelledby="${titleId}" data-module="mr-notification-banner"${attrs(props.attributes)}><div class="mr-notification-banner__header"><h${level} class="mr-notification-banner__title" id="${titleId}">${title}</h${level}></div><div class="mr-notification-banner__content">${body}</div></div>`
}
