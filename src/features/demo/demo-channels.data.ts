import type {
  ServiceChannel,
  ServiceContent,
  SignInMethod,
  StageDelivery,
  StageMatrix,
} from '../services/index.ts'
import type { DemoService } from './demo-services.data.ts'

/**
 * Channels and stage matrices for the demo services (R12), derived from what each
 * description already says about how the request is made (the channel sentence in
 * demo-services.data.ts) and from the number of in-person visits, so the card stays
 * consistent with its own text. Deterministic (hashes of the slug, no randomness) and
 * spread over all five e-service maturity levels; level 2 needs downloadable forms, which the
 * forms demo attaches. Channel ids depend only on the kind, so they stay the same across a
 * service's versions. E-service links are on plausible .ir addresses (my.gov.ir subpaths),
 * invented for the demo.
 */

/** How the request is lodged, as recognised from the description. */
type Via =
  | 'online'
  | 'app'
  | 'judicial'
  | 'system'
  | 'g2g'
  | 'pishkhan'
  | 'police10'
  | 'notary'
  | 'post'
  | 'office'

/** A phrase of each channel sentence in demo-services.data.ts, most specific first. */
const VIA_PHRASES: readonly (readonly [Via, string])[] = [
  ['app', 'برنامه همراه یا درگاه برخط'],
  ['judicial', 'سامانه ثنا'],
  ['police10', 'پلیس +۱۰'],
  ['g2g', 'گذرگاه خدمات دولت هوشمند'],
  ['system', 'بدون نیاز به درخواست'],
  ['notary', 'دفاتر اسناد رسمی'],
  ['post', 'واحدهای پستی'],
  ['pishkhan', 'دفاتر پیشخوان خدمات دولت انجام'],
  ['online', 'به‌صورت برخط در درگاه الکترونیکی'],
  ['office', 'نزدیک‌ترین اداره یا شعبه'],
]

export function viaOf(description: string): Via {
  for (const [via, phrase] of VIA_PHRASES) if (description.includes(phrase)) return via
  return 'office'
}

function hash32(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

const base = {
  url: null,
  phone: null,
  code: null,
  signIn: 'none' as SignInMethod,
  signatureRequired: false,
  note: null,
}

const E = (...channelIds: string[]): StageDelivery => ({ mode: 'electronic', channelIds })
const P = (...channelIds: string[]): StageDelivery => ({ mode: 'in_person', channelIds })
const N: StageDelivery = { mode: null, channelIds: [] }

type DemoContent = Pick<ServiceContent, 'title' | 'description' | 'inPersonVisits' | 'contact'>

/** The channels and stage matrix of one version of a demo service. */
export function demoChannelsFor(
  d: Pick<DemoService, 'slug' | 'agencyKey'>,
  content: DemoContent,
): { channels: ServiceChannel[]; stages: StageMatrix } {
  const via = viaOf(content.description)
  const visits = content.inPersonVisits ?? 1
  const h = hash32(`channels:${d.slug}`)
  const signIn: SignInMethod = h % 3 === 0 ? 'mobile_otp' : 'national_sso'
  const web: ServiceChannel[] = content.contact.url
    ? [
        {
          ...base,
          id: 'ch-web',
          kind: 'web_page',
          title: 'راهنمای خدمت در وب‌گاه دستگاه',
          url: content.contact.url,
        },
      ]
    : []
  const phone: ServiceChannel[] = content.contact.phone
    ? [
        {
          ...base,
          id: 'ch-phone',
          kind: 'phone',
          title: 'پاسخ‌گویی تلفنی',
          phone: content.contact.phone,
          note: 'روزهای کاری، ساعت ۸ تا ۱۴',
        },
      ]
    : []
  const eService = (title: string, extra: Partial<ServiceChannel> = {}): ServiceChannel => ({
    ...base,
    id: 'ch-eservice',
    kind: 'e_service',
    title,
    url: `https://my.gov.ir/${d.slug}`,
    signIn,
    signatureRequired: h % 4 === 0,
    ...extra,
  })
  const desk = (title: string, note: string | null = null): ServiceChannel => ({
    ...base,
    id: 'ch-desk',
    kind: 'counter_office',
    title,
    note,
  })
  const sms: ServiceChannel = {
    ...base,
    id: 'ch-sms',
    kind: 'sms_ussd',
    title: 'پیگیری با کد دستوری',
    code: `*${700 + (h % 250)}#`,
    note: 'از همهٔ اپراتورهای تلفن همراه',
  }
  const info = web.length ? E('ch-web') : N

  switch (via) {
    case 'online': {
      const es = eService('درگاه برخط خدمت در پنجرهٔ ملی خدمات دولت هوشمند')
      // No visit: fully electronic; one visit (to collect the result): transaction; more: two-way.
      return {
        channels: [es, ...web, ...phone],
        stages: {
          information: E(...(web.length ? ['ch-web'] : []), 'ch-eservice'),
          request: E('ch-eservice'),
          processing: visits <= 1 ? E('ch-eservice') : P(),
          delivery: visits === 0 ? E('ch-eservice') : P(),
        },
      }
    }
    case 'app': {
      const app: ServiceChannel = {
        ...base,
        id: 'ch-app',
        kind: 'mobile_app',
        title: 'برنامهٔ همراه دستگاه',
        url: `https://my.gov.ir/apps/${d.agencyKey}`,
        signIn: 'mobile_otp',
      }
      const withSms = h % 2 === 0
      return {
        channels: [app, eService('درگاه برخط خدمت'), ...(withSms ? [sms] : []), ...web, ...phone],
        stages: {
          information: E('ch-app', ...(web.length ? ['ch-web'] : [])),
          request: E('ch-app', 'ch-eservice'),
          processing: E('ch-app', ...(withSms ? ['ch-sms'] : [])),
          delivery: visits === 0 ? E('ch-app', ...(withSms ? ['ch-sms'] : [])) : P(),
        },
      }
    }
    case 'judicial':
      return {
        channels: [
          eService('سامانهٔ ثنا (حساب کاربری قضایی)', {
            url: `https://my.gov.ir/sana/${d.slug}`,
            signIn: 'national_sso',
          }),
          desk('دفاتر خدمات الکترونیک قضایی', 'برای کسانی که حساب ثنا ندارند'),
          ...phone,
        ],
        stages: {
          information: E('ch-eservice'),
          request: E('ch-eservice', 'ch-desk'),
          processing: E('ch-eservice'),
          delivery: visits === 0 ? E('ch-eservice') : P(),
        },
      }
    case 'system':
      return {
        channels: [
          eService('مشاهدهٔ نتیجه در پنجرهٔ ملی خدمات دولت هوشمند', {
            note: 'درخواست لازم نیست؛ نتیجه در کارتابل شما دیده می‌شود.',
          }),
          ...web,
        ],
        stages: {
          information: E('ch-eservice'),
          request: E('ch-eservice'),
          processing: E('ch-eservice'),
          delivery: E('ch-eservice'),
        },
      }
    case 'g2g':
      return {
        channels: [
          eService('اتصال از گذرگاه خدمات دولت هوشمند', {
            url: `https://my.gov.ir/gsb/${d.slug}`,
            signIn: 'agency_account',
            signatureRequired: true,
          }),
          ...phone,
        ],
        stages: {
          information: E('ch-eservice'),
          request: E('ch-eservice'),
          // The memorandum is signed in person when the service needs a visit.
          processing: visits === 0 ? E('ch-eservice') : P(),
          delivery: E('ch-eservice'),
        },
      }
    case 'pishkhan':
    case 'police10':
    case 'post': {
      const title =
        via === 'pishkhan'
          ? 'دفاتر پیشخوان خدمات دولت'
          : via === 'police10'
            ? 'دفاتر خدمات الکترونیک انتظامی (پلیس +۱۰)'
            : 'واحدهای پستی و دفاتر پیشخوان پست'
      const track = h % 3 === 0
      return {
        channels: [desk(title), ...(track ? [sms] : []), ...web, ...phone],
        stages: {
          information: info,
          request: P('ch-desk'),
          processing: track ? E('ch-sms') : P(),
          delivery: via === 'post' ? P() : P('ch-desk'),
        },
      }
    }
    case 'notary':
      return {
        channels: [
          desk('دفاتر اسناد رسمی'),
          { ...sms, title: 'اعلام نتیجه با پیامک', note: null },
          ...web,
          ...phone,
        ],
        stages: {
          information: info,
          request: P('ch-desk'),
          processing: P(),
          delivery: E('ch-sms'),
        },
      }
    case 'office':
      return {
        channels: [...web, ...phone],
        stages: { information: info, request: P(), processing: P(), delivery: P() },
      }
  }
}
