import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { html } from 'hono/html'
import { type MadeUser, makeAgency, makeUser } from '../../../test/support/fixtures.ts'
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts'
import type { Deps } from '../../deps.ts'
import { sendMailJob } from '../../jobs/send-mail.ts'
import type { Agency } from '../agencies/index.ts'
import { DEFAULT_SENDER, deliverMail, retryDelayMs, type SenderOptions } from './mail.sender.ts'
import { smtpTransport } from './mail.transport.ts'
import { outboxRows, setEmail } from './notifications.test-helpers.ts'
import { notify } from './notify.actions.ts'
import { upsertFrequency } from './preference.queries.ts'
import {
  decodeWords,
  mimeParts,
  splitMessage,
  startTestSmtp,
  type TestSmtp,
} from './smtp.test-helpers.ts'

const FROM = '"پرتال مردم" <no-reply@mardom.test>'
const fast: SenderOptions = { ...DEFAULT_SENDER, baseDelayMs: 60_000 }

let t: TestApp
let deps: Deps
let smtp: TestSmtp
let agency: Agency
let editor: MadeUser
let admin: MadeUser
let other: MadeUser

before(async () => {
  t = await createTestApp()
  deps = t.deps
  smtp = await startTestSmtp()
  agency = await makeAgency(deps)
  editor = await makeUser(deps, 'agency_editor', agency)
  admin = await makeUser(deps, 'agency_admin', agency)
  other = await makeUser(deps, 'agency_editor', agency)
  await setEmail(deps.db, editor.userId, 'editor@mardom.test')
  await setEmail(deps.db, admin.userId, 'admin@mardom.test')
  await setEmail(deps.db, other.userId, 'other@mardom.test')
})
after(async () => {
  await smtp.close()
  await t.close()
})
beforeEach(async () => {
  await deps.db.deleteFrom('mailOutbox').execute()
  smtp.received.length = 0
  smtp.refuseNext(0)
})

function send(userIds: string[], subject: string, extra: { link?: string } = {}) {
  return deps.db
    .transaction()
    .execute((trx) =>
      notify(
        trx,
        { userIds, kind: 'test.note', subject, text: `متن ${subject}`, ...extra },
        deps.clock,
      ),
    )
}

const transport = () => smtpTransport(smtp.url, FROM)

describe('sending through SMTP', () => {
  it('delivers a Persian message: encoded subject, RTL HTML part and plain-text part', async () => {
    const subject = 'بازبینی خدمت «صدور گواهی» <script>'
    await deps.db.transaction().execute((trx) =>
      notify(
        trx,
        {
          userIds: [editor.userId],
          kind: 'review.due-soon',
          subject,
          text: 'بازبینی این خدمت تا ۳۰ روز دیگر سررسید می‌شود.\n\nلطفاً <b>اقدام</b> کنید.',
          link: '/admin/services/123',
        },
        deps.clock,
      ),
    )
    const tr = transport()
    const summary = await sendMailJob(deps, t.db.kind, tr, fast)
    tr.close()
    assert.deepEqual(summary, { digests: 0, sent: 1, retried: 0, failed: 0, kept: 0 })
    assert.equal(smtp.received.length, 1)
    const mail = smtp.received[0]
    assert.ok(mail)
    assert.deepEqual(mail.to, ['editor@mardom.test'])
    assert.equal(mail.from, 'no-reply@mardom.test')
    const { headers } = splitMessage(mail.raw)
    // The raw header is pure ASCII (RFC 2047 encoded words) and decodes to the Persian subject.
    const rawSubject = headers.get('subject') ?? ''
    assert.match(rawSubject, /^[\x20-\x7e]+$/)
    assert.match(rawSubject, /=\?UTF-8\?[BQ]\?/i)
    assert.equal(decodeWords(rawSubject), subject)
    assert.match(decodeWords(headers.get('from') ?? ''), /پرتال مردم.*<no-reply@mardom\.test>/)
    assert.equal(headers.get('to'), 'editor@mardom.test')
    assert.equal(headers.get('auto-submitted'), 'auto-generated')
    assert.match(headers.get('content-type') ?? '', /^multipart\/alternative/)

    const parts = mimeParts(mail.raw)
    assert.deepEqual(
      parts.map((p) => [p.type.split(';')[0], p.encoding]),
      [
        ['text/plain', 'base64'],
        ['text/html', 'base64'],
      ],
    )
    const [text, htmlPart] = parts
    assert.match(text?.type ?? '', /charset=utf-8/i)
    assert.match(text?.text ?? '', /بازبینی این خدمت تا ۳۰ روز دیگر سررسید می‌شود\./)
    assert.ok(text?.text.includes('مشاهده در پرتال: http://localhost:3000/admin/services/123'))
    const page = htmlPart?.text ?? ''
    assert.match(page, /<html lang="fa" dir="rtl">/)
    assert.match(page, /<body dir="rtl"/)
    assert.ok(page.includes('&lt;script&gt;'), 'the subject is escaped in the HTML part')
    assert.ok(!page.includes('<script>'))
    assert.ok(
      page.includes('لطفاً &lt;b&gt;اقدام&lt;/b&gt; کنید.'),
      'text becomes escaped paragraphs',
    )
    assert.ok(page.includes('href="http://localhost:3000/admin/services/123"'))

    const [row] = await outboxRows(deps.db)
    assert.equal(row?.status, 'sent')
    assert.equal(row?.attempts, 1)
    assert.ok(row?.sentAt)
    assert.ok(row?.messageId)
  })

  it('keeps the HTML a feature built itself (escaped when built)', async () => {
    const name = '<img src=x>'
    await deps.db.transaction().execute((trx) =>
      notify(
        trx,
        {
          userIds: [admin.userId],
          kind: 'test.html',
          subject: 'فهرست خدمات',
          text: 'خدمت‌ها: الف',
          html: html`<ul><li>${name}</li></ul>`,
        },
        deps.clock,
      ),
    )
    const tr = transport()
    await sendMailJob(deps, t.db.kind, tr, fast)
    tr.close()
    const htmlPart = mimeParts(smtp.received[0]?.raw ?? '')[1]?.text ?? ''
    assert.ok(htmlPart.includes('<ul><li>&lt;img src=x&gt;</li></ul>'))
  })
})

describe('without a mail server', () => {
  it('keeps mail in the outbox, pending and untried', async () => {
    await send([editor.userId, admin.userId], 'بدون سرور')
    const summary = await deliverMail(deps, null, fast)
    assert.equal(summary?.kept, 2)
    assert.equal(summary?.sent, 0)
    const rows = await outboxRows(deps.db)
    assert.deepEqual(rows.map((r) => [r.toAddress, r.status, r.attempts]).sort(), [
      ['admin@mardom.test', 'pending', 0],
      ['editor@mardom.test', 'pending', 0],
    ])
    assert.equal(smtp.received.length, 0)
  })
})

describe('retries', () => {
  it('backs off exponentially up to a ceiling', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => retryDelayMs(n, DEFAULT_SENDER)),
      [60_000, 120_000, 240_000, 480_000],
    )
    assert.equal(retryDelayMs(20, DEFAULT_SENDER), DEFAULT_SENDER.maxDelayMs)
  })

  it('a refused message is retried after the backoff, and then delivered', async () => {
    await send([editor.userId], 'دوباره بفرست')
    smtp.refuseNext(2)
    const tr = transport()
    const start = deps.clock.now().getTime()
    assert.equal((await sendMailJob(deps, t.db.kind, tr, fast))?.retried, 1)
    let [row] = await outboxRows(deps.db)
    assert.equal(row?.status, 'pending')
    assert.equal(row?.attempts, 1)
    assert.match(row?.lastError ?? '', /451/)
    assert.equal(row?.nextAttemptAt?.getTime(), start + 60_000)

    // Not yet due: nothing is tried.
    assert.deepEqual(await sendMailJob(deps, t.db.kind, tr, fast), {
      digests: 0,
      sent: 0,
      retried: 0,
      failed: 0,
      kept: 0,
    })
    t.clock.advance(60_000)
    assert.equal((await sendMailJob(deps, t.db.kind, tr, fast))?.retried, 1)
    ;[row] = await outboxRows(deps.db)
    assert.equal(row?.attempts, 2)
    assert.equal(row?.nextAttemptAt?.getTime(), start + 60_000 + 120_000, 'the wait doubles')
    t.clock.advance(120_000)
    assert.equal((await sendMailJob(deps, t.db.kind, tr, fast))?.sent, 1)
    tr.close()
    ;[row] = await outboxRows(deps.db)
    assert.equal(row?.status, 'sent')
    assert.equal(row?.attempts, 3)
    assert.equal(row?.lastError, null)
    assert.equal(smtp.received.length, 1)
  })

  it('a server that is down is retried; after the last attempt the message is failed', async () => {
    await send([editor.userId], 'سرور خاموش')
    const down = smtpTransport('smtp://127.0.0.1:1', FROM)
    const twice: SenderOptions = { ...fast, maxAttempts: 2 }
    assert.equal((await sendMailJob(deps, t.db.kind, down, twice))?.retried, 1)
    let [row] = await outboxRows(deps.db)
    assert.equal(row?.status, 'pending')
    assert.match(row?.lastError ?? '', /ECONNREFUSED|ECONNECTION/)
    t.clock.advance(60_000)
    assert.equal((await sendMailJob(deps, t.db.kind, down, twice))?.failed, 1)
    down.close()
    ;[row] = await outboxRows(deps.db)
    assert.equal(row?.status, 'failed')
    assert.equal(row?.attempts, 2)
    assert.equal(row?.nextAttemptAt, null)
  })

  it('a bad address fails at once and never blocks the others', async () => {
    await setEmail(deps.db, other.userId, 'nobody@reject.test')
    await setEmail(deps.db, admin.userId, 'not an address')
    await send([editor.userId, other.userId, admin.userId], 'به همه')
    const tr = transport()
    const summary = await sendMailJob(deps, t.db.kind, tr, fast)
    tr.close()
    assert.equal(summary?.sent, 1)
    assert.equal(summary?.failed, 2)
    assert.deepEqual(
      smtp.received.map((m) => m.to),
      [['editor@mardom.test']],
    )
    const byAddress = new Map((await outboxRows(deps.db)).map((r) => [r.toAddress, r]))
    assert.equal(byAddress.get('editor@mardom.test')?.status, 'sent')
    assert.equal(byAddress.get('nobody@reject.test')?.status, 'failed')
    assert.match(byAddress.get('nobody@reject.test')?.lastError ?? '', /550/)
    assert.equal(byAddress.get('not an address')?.status, 'failed')
    await setEmail(deps.db, other.userId, 'other@mardom.test')
    await setEmail(deps.db, admin.userId, 'admin@mardom.test')
  })
})

describe('digests', () => {
  it('collects a daily reader’s items into one message at 07:00 Tehran the next day', async () => {
    await upsertFrequency(deps.db, other.userId, 'daily', deps.clock.now())
    t.clock.set(new Date('2026-11-22T08:00:00Z'))
    await send([other.userId, editor.userId], 'اول')
    t.clock.set(new Date('2026-11-22T15:00:00Z'))
    await send([other.userId], 'دوم')
    const tr = transport()
    // The immediate reader's mail goes at once; the daily reader's waits.
    assert.equal((await sendMailJob(deps, t.db.kind, tr, fast))?.sent, 1)
    const held = (await outboxRows(deps.db)).filter((r) => r.status === 'held')
    assert.equal(held.length, 2)
    assert.ok(held.every((r) => r.nextAttemptAt?.toISOString() === '2026-11-23T03:30:00.000Z'))

    t.clock.set(new Date('2026-11-23T03:29:00Z'))
    assert.equal((await sendMailJob(deps, t.db.kind, tr, fast))?.digests, 0)
    t.clock.set(new Date('2026-11-23T03:30:00Z'))
    const summary = await sendMailJob(deps, t.db.kind, tr, fast)
    tr.close()
    assert.equal(summary?.digests, 1)
    assert.equal(summary?.sent, 1)
    const digestMail = smtp.received.find((m) => m.to[0] === 'other@mardom.test')
    assert.ok(digestMail)
    assert.equal(
      decodeWords(splitMessage(digestMail.raw).headers.get('subject') ?? ''),
      'خلاصهٔ اعلان‌های پرتال مردم: ۲ مورد',
    )
    const text = mimeParts(digestMail.raw)[0]?.text ?? ''
    assert.ok(text.includes('متن اول') && text.includes('متن دوم'))
    const rows = await outboxRows(deps.db)
    const digest = rows.find((r) => r.kind === 'digest')
    assert.equal(digest?.status, 'sent')
    assert.deepEqual(
      rows.filter((r) => r.digestId === digest?.id).map((r) => [r.subject, r.status]),
      [
        ['اول', 'digested'],
        ['دوم', 'digested'],
      ],
    )
    await upsertFrequency(deps.db, other.userId, 'immediately', deps.clock.now())
  })
})

describe('notify', () => {
  it('a dedupe key makes a send happen once', async () => {
    const before = (await deps.db.selectFrom('notifications').select('id').execute()).length
    const key = `test:dedupe:${Date.now()}`
    const first = await deps.db.transaction().execute((trx) =>
      notify(
        trx,
        {
          userIds: [editor.userId, admin.userId],
          kind: 'test.once',
          subject: 'یک بار',
          text: 'متن',
          dedupeKey: key,
        },
        deps.clock,
      ),
    )
    const second = await deps.db.transaction().execute((trx) =>
      notify(
        trx,
        {
          userIds: [editor.userId, admin.userId],
          kind: 'test.once',
          subject: 'یک بار',
          text: 'متن',
          dedupeKey: key,
        },
        deps.clock,
      ),
    )
    assert.deepEqual(first, { duplicate: false, inbox: 2, mail: 2 })
    assert.deepEqual(second, { duplicate: true, inbox: 0, mail: 0 })
    const after = (await deps.db.selectFrom('notifications').select('id').execute()).length
    assert.equal(after - before, 2)
    assert.equal((await outboxRows(deps.db)).length, 2)
  })

  it('a rolled-back transaction leaves neither the entries nor the key', async () => {
    const key = `test:rollback:${Date.now()}`
    await assert.rejects(
      deps.db.transaction().execute(async (trx) => {
        await notify(
          trx,
          { userIds: [editor.userId], kind: 'test.rb', subject: 'الف', text: 'ب', dedupeKey: key },
          deps.clock,
        )
        throw new Error('the caller failed')
      }),
    )
    assert.equal((await outboxRows(deps.db)).length, 0)
    const again = await deps.db
      .transaction()
      .execute((trx) =>
        notify(
          trx,
          { userIds: [editor.userId], kind: 'test.rb', subject: 'الف', text: 'ب', dedupeKey: key },
          deps.clock,
        ),
      )
    assert.equal(again.duplicate, false)
  })

  it('respects each user: no address or «off» → inbox only; disabled → nothing', async () => {
    const noMail = await makeUser(deps, 'agency_editor', agency)
    const off = await makeUser(deps, 'agency_editor', agency)
    const gone = await makeUser(deps, 'agency_editor', agency)
    await setEmail(deps.db, off.userId, 'off@mardom.test')
    await setEmail(deps.db, gone.userId, 'gone@mardom.test')
    await upsertFrequency(deps.db, off.userId, 'off', deps.clock.now())
    await deps.db
      .updateTable('users')
      .set({ disabledAt: deps.clock.now() })
      .where('id', '=', gone.userId)
      .execute()
    const r = await send([noMail.userId, off.userId, gone.userId], 'ترجیح‌ها')
    assert.deepEqual(r, { duplicate: false, inbox: 2, mail: 0 })
    assert.equal((await outboxRows(deps.db)).length, 0)
  })

  it('refuses a link outside the portal and an empty subject', async () => {
    for (const bad of [
      { link: 'https://evil.example/x' },
      { link: '//evil.example/x' },
      { subject: '  ' },
    ]) {
      await assert.rejects(
        deps.db
          .transaction()
          .execute((trx) =>
            notify(
              trx,
              { userIds: [editor.userId], kind: 'test.bad', subject: 'الف', text: 'ب', ...bad },
              deps.clock,
            ),
          ),
      )
    }
  })
})
