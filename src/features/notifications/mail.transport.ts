import { createTransport } from 'nodemailer'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html: string
}

/** Where mail goes: SMTP in production, a recording fake or a local SMTP server in tests. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ messageId: string | null }>
  close(): void
}

/**
 * SMTP through nodemailer, from the `SMTP_URL` (`smtp://user:pass@host:587`, or `smtps://`
 * for implicit TLS). Timeouts are short so that one dead server never holds the sender for
 * the library's default two minutes.
 */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  })
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // Persian in quoted-printable triples in size; base64 adds a third.
        textEncoding: 'base64',
        // RFC 3834: no vacation auto-replies to a machine's message.
        headers: { 'Auto-Submitted': 'auto-generated' },
      })
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null }
    },
    close() {
      transporter.close()
    },
  }
}

export interface SendFailure {
  /** True when trying again cannot help: the server refused the address or the message (5xx). */
  permanent: boolean
  message: string
}

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? Reflect.get(error, name) : undefined
}

/** Sorts a send error into one to retry (4xx, connection trouble) or one to give up on. */
export function classifySendError(error: unknown): SendFailure {
  const responseCode = field(error, 'responseCode')
  const code = field(error, 'code')
  const text = error instanceof Error ? error.message : String(error)
  const permanent =
    (typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600) ||
    // An address nodemailer cannot even parse never reaches the server.
    (code === 'EENVELOPE' && typeof responseCode !== 'number')
  const prefix = [code, responseCode].filter((p) => p !== undefined).join(' ')
  return { permanent, message: `${prefix ? `${prefix}: ` : ''}${text}`.slice(0, 500) }
}
