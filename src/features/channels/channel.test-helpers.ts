import type { ServiceChannel, StageMatrix } from '../services/index.ts'

/** Channels and a matrix at level 4 (request and processing online, delivery at a counter office). */
export const sampleChannels: ServiceChannel[] = [
  {
    id: 'ch-online',
    kind: 'e_service',
    title: 'سامانهٔ ثبت درخواست',
    url: 'https://my.gov.ir/sample/request',
    phone: null,
    code: null,
    signIn: 'national_sso',
    signatureRequired: true,
    note: null,
  },
  {
    id: 'ch-desk',
    kind: 'counter_office',
    title: 'دفاتر پیشخوان دولت',
    url: null,
    phone: null,
    code: null,
    signIn: 'none',
    signatureRequired: false,
    note: 'تحویل مدارک در نزدیک‌ترین دفتر',
  },
]

export const sampleStages: StageMatrix = {
  information: { mode: 'electronic', channelIds: ['ch-online'] },
  request: { mode: 'electronic', channelIds: ['ch-online'] },
  processing: { mode: 'electronic', channelIds: ['ch-online'] },
  delivery: { mode: 'in_person', channelIds: ['ch-desk'] },
}
