import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** What a test SMTP server received: the envelope and the raw message. */
export interface ReceivedMail {
  from: string
  to: string[]
  raw: string
}

export interface TestSmtp {
  url: string
  received: ReceivedMail[]
  /** Answer the next n messages «451 try again later». */
  refuseNext(n: number): void
  close(): Promise<void>
}

/**
 * A real SMTP server on loopback (the `smtp-server` package), for tests only: it refuses
 * recipients at `reject.test` with 550 and can be told to refuse the next messages with 451.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = []
  let refusals = 0
  const smtpError = (message: string, responseCode: number) =>
    Object.assign(new Error(message), { responseCode })
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@reject.test'))
        return callback(smtpError('No such user here', 550))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--
          return callback(smtpError('Busy, try again later', 451))
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? (address as AddressInfo).port : 0
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(n) {
      refusals = n
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The headers (unfolded, lower-case names) and body of a raw message or MIME part. */
export function splitMessage(raw: string): { headers: Map<string, string>; body: string } {
  const cut = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, cut).replace(/\r\n[ \t]+/g, ' ')
  const headers = new Map<string, string>()
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':')
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return { headers, body: raw.slice(cut + 4) }
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) in a header value. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) => {
      if (enc.toLowerCase() === 'b') return Buffer.from(text, 'base64').toString('utf8')
      const bytes = text
        .replace(/_/g, ' ')
        .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) =>
          String.fromCharCode(Number.parseInt(hex, 16)),
        )
      return Buffer.from(bytes, 'latin1').toString('utf8')
    })
}

/** The parts of a multipart message, each with its headers and decoded text. */
export function mimeParts(raw: string): { type: string; encoding: string; text: string }[] {
  const { headers, body } = splitMessage(raw)
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1]
  if (!boundary) return []
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const part = splitMessage(chunk.replace(/^\r\n/, ''))
      const encoding = part.headers.get('content-transfer-encoding') ?? '7bit'
      const text =
        encoding === 'base64'
          ? Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8')
          : part.body
      return { type: part.headers.get('content-type') ?? '', encoding, text }
    })
}
