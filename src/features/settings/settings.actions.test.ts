import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts'
import { loadPortalSettings } from './settings.actions.ts'
import {
  DEFAULT_CENTRAL_BODY_NAME,
  DEFAULT_DIRECTIVE_DATE,
  DEFAULT_FEEDBACK_MIN_N,
  DEFAULT_REVIEW_POLICY,
  SETTING_KEYS,
} from './settings.model.ts'
import { writeSetting } from './settings.queries.ts'

let db: TestDb

before(async () => {
  db = await createTestDb()
})
after(() => db.cleanup())

describe('loadPortalSettings', () => {
  it('gives the defaults when nothing is stored', async () => {
    assert.deepEqual(await loadPortalSettings(db.db), {
      directiveDate: DEFAULT_DIRECTIVE_DATE,
      centralBodyName: DEFAULT_CENTRAL_BODY_NAME,
      reviewPolicy: DEFAULT_REVIEW_POLICY,
      feedbackMinN: DEFAULT_FEEDBACK_MIN_N,
    })
  })

  it('reads stored values, and falls back to the default for one that is malformed', async () => {
    const now = new Date('2026-11-22T08:00:00Z')
    await writeSetting(db.db, SETTING_KEYS.directiveDate, { jy: 1403, jm: 12, jd: 30 }, now)
    await writeSetting(db.db, SETTING_KEYS.centralBodyName, 'نهاد تازه', now)
    await writeSetting(
      db.db,
      SETTING_KEYS.reviewPolicy,
      { cycleMonths: 24, dueSoonDays: 60, dueDays: 20 },
      now,
    )
    await writeSetting(db.db, SETTING_KEYS.feedbackMinN, 50, now)
    assert.deepEqual(await loadPortalSettings(db.db), {
      directiveDate: { jy: 1403, jm: 12, jd: 30 },
      centralBodyName: 'نهاد تازه',
      reviewPolicy: { cycleMonths: 24, dueSoonDays: 60, dueDays: 20 },
      feedbackMinN: 50,
    })
    // 1404 is not a leap year: Esfand has 29 days.
    await writeSetting(db.db, SETTING_KEYS.directiveDate, { jy: 1404, jm: 12, jd: 30 }, now)
    await writeSetting(db.db, SETTING_KEYS.centralBodyName, 42, now)
    // Warnings must come in order: 30 days before is not sooner than 10 days before.
    await writeSetting(
      db.db,
      SETTING_KEYS.reviewPolicy,
      { cycleMonths: 36, dueSoonDays: 10, dueDays: 30 },
      now,
    )
    // Fewer than 5 answers is no minimum at all.
    await writeSetting(db.db, SETTING_KEYS.feedbackMinN, 2, now)
    assert.deepEqual(await loadPortalSettings(db.db), {
      directiveDate: DEFAULT_DIRECTIVE_DATE,
      centralBodyName: DEFAULT_CENTRAL_BODY_NAME,
      reviewPolicy: DEFAULT_REVIEW_POLICY,
      feedbackMinN: DEFAULT_FEEDBACK_MIN_N,
    })
  })
})
