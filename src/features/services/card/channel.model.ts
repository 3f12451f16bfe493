// One part of the service card's stored shape. The card is stored and parsed as one document,
// so every part's shape sits here at the catalogue core; the section feature owns the rest
// (labels, input, editor, rendering).

/** How people reach the service (R12), after Finland's PTV channel types. */
export const CHANNEL_KINDS = [
  'e_service',
  'web_page',
  'phone',
  'mobile_app',
  'sms_ussd',
  'counter_office',
] as const
export type ChannelKind = (typeof CHANNEL_KINDS)[number]

/** How an e-service identifies people. */
export const SIGN_IN_METHODS = [
  'none',
  'national_sso',
  'mobile_otp',
  'agency_account',
  'smart_card',
] as const
export type SignInMethod = (typeof SIGN_IN_METHODS)[number]

export interface ServiceChannel {
  /** Stable within the service (kept across versions); the stage matrix refers to it. */
  id: string
  kind: ChannelKind
  title: string
  /** e-service, web page, mobile app store page. */
  url: string | null
  /** phone channel. */
  phone: string | null
  /** SMS or USSD code, e.g. `*4000#`. */
  code: string | null
  signIn: SignInMethod
  signatureRequired: boolean
  note: string | null
}

/** The four stages of the Iranian service card's e-stage matrix. */
export const SERVICE_STAGES = ['information', 'request', 'processing', 'delivery'] as const
export type ServiceStage = (typeof SERVICE_STAGES)[number]

export const STAGE_MODES = ['electronic', 'in_person'] as const
export type StageMode = (typeof STAGE_MODES)[number]

/** One stage: electronic or in person (null = not yet stated), and through which channels. */
export interface StageDelivery {
  mode: StageMode | null
  channelIds: string[]
}
export type StageMatrix = Record<ServiceStage, StageDelivery>

export const EMPTY_STAGE_MATRIX: StageMatrix = {
  information: { mode: null, channelIds: [] },
  request: { mode: null, channelIds: [] },
  processing: { mode: null, channelIds: [] },
  delivery: { mode: null, channelIds: [] },
}
