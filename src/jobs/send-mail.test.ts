import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAgency, makeUser } from '../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../test/support/test-app.ts'
import { loadConfig } from '../config.ts'
import { type MailTransport, notify, type OutgoingMail } from '../features/notifications/index.ts'
import { setEmail } from '../features/notifications/notifications.test-helpers.ts'
import { startTestSmtp } from '../features/notifications/smtp.test-helpers.ts'
import { repeatEvery } from './mail-loop.ts'
import { sendMailJob } from './send-mail.ts'
import { startJobs } from './start-jobs.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

/** A transport that records what it is given and answers after `delayMs`. */
function recording(delayMs: number): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = []
  return {
    sent,
    async send(mail) {
      await new Promise((r) => setTimeout(r, delayMs))
      sent.push(mail)
      return { messageId: `<${sent.length}@test>` }
    },
    close() {},
  }
}

describe('the mail sender job', () => {
  it('runs once at a time: a second run while one is under way does nothing', async () => {
    const agency = await makeAgency(t.deps)
    const users = [
      await makeUser(t.deps, 'agency_editor', agency),
      await makeUser(t.deps, 'agency_admin', agency),
    ]
    for (const [i, u] of users.entries()) await setEmail(t.deps.db, u.userId, `u${i}@mardom.test`)
    await t.deps.db
      .transaction()
      .execute((trx) =>
        notify(
          trx,
          { userIds: users.map((u) => u.userId), kind: 'test.lock', subject: 'قفل', text: 'متن' },
          t.clock,
        ),
      )
    const transport = recording(50)
    const [a, b] = await Promise.all([
      sendMailJob(t.deps, t.db.kind, transport),
      sendMailJob(t.deps, t.db.kind, transport),
    ])
    assert.deepEqual([a?.sent ?? null, b?.sent ?? null].sort(), [2, null])
    assert.equal(transport.sent.length, 2, 'each message once')
    assert.equal((await sendMailJob(t.deps, t.db.kind, transport))?.sent, 0)
  })
})

describe('repeatEvery', () => {
  it('repeats without overlapping, keeps going after a failure, and stops', async () => {
    let running = 0
    let maxRunning = 0
    let runs = 0
    const errors: unknown[] = []
    const loop = repeatEvery(
      5,
      async () => {
        runs++
        running++
        maxRunning = Math.max(maxRunning, running)
        await new Promise((r) => setTimeout(r, 15))
        running--
        if (runs === 2) throw new Error('one bad run')
      },
      (e) => errors.push(e),
    )
    await new Promise((r) => setTimeout(r, 150))
    await loop.stop()
    const stoppedAt = runs
    await new Promise((r) => setTimeout(r, 50))
    assert.ok(stoppedAt >= 3, `ran ${stoppedAt} times`)
    assert.equal(runs, stoppedAt, 'no run after stop')
    assert.equal(maxRunning, 1)
    assert.equal(errors.length, 1)
  })
})

describe('the jobs of a running server', () => {
  it('send pending mail through SMTP_URL on their own, and stop cleanly', async () => {
    const smtp = await startTestSmtp()
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'no-reply@mardom.test',
      MAIL_SEND_INTERVAL_SECONDS: '1',
    })
    const deps = {
      ...t.deps,
      config: { ...t.deps.config, ...config, publicUrl: 'https://mardom.test' },
    }
    const agency = await makeAgency(deps)
    const user = await makeUser(deps, 'agency_admin', agency)
    await setEmail(deps.db, user.userId, 'server@mardom.test')
    await deps.db
      .transaction()
      .execute((trx) =>
        notify(
          trx,
          { userIds: [user.userId], kind: 'test.server', subject: 'از سرور', text: 'متن' },
          deps.clock,
        ),
      )
    const jobs = startJobs(deps, t.db.kind)
    try {
      for (let i = 0; i < 50 && smtp.received.length === 0; i++)
        await new Promise((r) => setTimeout(r, 100))
      assert.deepEqual(
        smtp.received.map((m) => m.to),
        [['server@mardom.test']],
      )
    } finally {
      await jobs.stop()
      await smtp.close()
    }
  })

  it('refuse SMTP_URL without MAIL_FROM', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'test', SMTP_URL: 'smtp://127.0.0.1:25' }),
      /MAIL_FROM/,
    )
  })
})
