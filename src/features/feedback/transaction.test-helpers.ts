import {
  completeContent,
  makeAgency,
  makeLaw,
  makePublishedService,
  makeToken,
  makeUser,
} from '../../../test/support/fixtures.ts'
import { apiRequest, type TestApp } from '../../../test/support/test-app.ts'
import type { Agency } from '../agencies/index.ts'
import type { ProcessStep, ServiceProcess } from '../services/index.ts'

function step(id: string, title: string, over: Partial<ProcessStep>): ProcessStep {
  return {
    id,
    kind: 'task',
    title,
    actor: 'agency',
    unit: null,
    description: null,
    duration: null,
    channel: null,
    requiresAttendance: false,
    documents: [],
    fees: [],
    legalBasis: null,
    variantId: null,
    ...over,
  }
}

/**
 * s1 «تحویل مدارک» (the citizen in person, 1 hour) → s2 «بررسی» (2 working days) → s3 «صدور»
 * (30 minutes); the card promises at most 7 working days in all.
 */
export const PROCESS: ServiceProcess = {
  steps: [
    step('s1', 'تحویل مدارک', {
      actor: 'citizen',
      requiresAttendance: true,
      duration: { min: 1, max: 1, unit: 'hour' },
    }),
    step('s2', 'بررسی', { duration: { min: 1, max: 2, unit: 'working_day' } }),
    step('s3', 'صدور', { duration: { min: 30, max: 30, unit: 'minute' } }),
  ],
  transitions: [
    { from: 's1', to: 's2', label: null, kind: 'normal' },
    { from: 's2', to: 's3', label: null, kind: 'normal' },
  ],
  variants: [],
}

export interface FeedWorld {
  agency: Agency
  serviceId: string
  otherServiceId: string
  token: string
  otherToken: string
}

/** Two agencies with a published service each and a read-write token for each agency's editor. */
export async function makeFeedWorld(t: TestApp): Promise<FeedWorld> {
  const law = await makeLaw(t.deps)
  const agency = await makeAgency(t.deps)
  const other = await makeAgency(t.deps)
  const content = completeContent('صدور کارت آزمایشی', law.id, { process: PROCESS })
  const { service } = await makePublishedService(t.deps, agency, content)
  const { service: otherService } = await makePublishedService(t.deps, other, content)
  const editor = await makeUser(t.deps, 'agency_editor', agency)
  const otherEditor = await makeUser(t.deps, 'agency_editor', other)
  return {
    agency,
    serviceId: service.id,
    otherServiceId: otherService.id,
    token: await makeToken(t.deps, editor.userId),
    otherToken: await makeToken(t.deps, otherEditor.userId),
  }
}

export function postTransaction(t: TestApp, token: string | undefined, body: unknown) {
  return apiRequest(t.app, 'POST', '/api/v1/transactions', {
    ...(token ? { token } : {}),
    body,
  })
}

/** An ISO instant `hours` after the test clock's now (negative: before). */
export function at(t: TestApp, hours: number): string {
  return new Date(t.deps.clock.now().getTime() + hours * 3_600_000).toISOString()
}

/** Posts a completed transaction and returns its rating URL's path (`/rate/<token>`). */
export async function completedTransaction(
  t: TestApp,
  w: FeedWorld,
  code: string,
  serviceId = w.serviceId,
): Promise<string> {
  const res = await postTransaction(t, w.token, {
    serviceId,
    trackingCode: code,
    channel: 'online',
    startedAt: at(t, -10),
    completedAt: at(t, -1),
    outcome: 'approved',
  })
  if (res.status !== 201) throw new Error(`transaction ${code}: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { ratingUrl?: string }
  if (!body.ratingUrl) throw new Error('no rating URL')
  return new URL(body.ratingUrl).pathname
}

/** Everything the feed and the ratings write: a refused request must leave all of it as it was. */
export async function feedSnapshot(t: TestApp) {
  const db = t.deps.db
  const [transactions, steps, ratings, rollups, audit] = await Promise.all([
    db.selectFrom('transactions').selectAll().orderBy('id').execute(),
    db
      .selectFrom('transactionSteps')
      .selectAll()
      .orderBy('transactionId')
      .orderBy('stepId')
      .execute(),
    db.selectFrom('ratings').selectAll().orderBy('id').execute(),
    db.selectFrom('ratingRollups').selectAll().orderBy('serviceId').execute(),
    db.selectFrom('auditEvents').selectAll().orderBy('id').execute(),
  ])
  return { transactions, steps, ratings, rollups, audit }
}
