import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatIp, parseIp } from './ip-address.ts'
import { isLocalName, webUrlProblem } from './public-url.ts'

/** Hosts that reach this machine or its network, spelt every way a URL allows. */
export const NON_PUBLIC_URLS = [
  'http://127.0.0.1/',
  'http://127.1/',
  'http://0x7f.1/',
  'http://0x7f000001/',
  'http://2130706433/',
  'http://017700000001/',
  'http://0177.0.0.1/',
  'http://127.0.0.1./',
  'https://%31%32%37.0.0.1/',
  'http://0/',
  'http://0.0.0.0/',
  'http://10.0.0.5/admin',
  'http://10.1/',
  'http://167772165/',
  'http://172.16.3.4/',
  'http://192.168.1.1/',
  'http://3232235777/',
  'http://100.64.0.1/',
  'http://169.254.169.254/latest/meta-data/',
  'http://0xa9fea9fe/',
  'http://224.0.0.1/',
  'http://255.255.255.255/',
  'http://192.0.2.1/',
  'http://198.18.0.1/',
  'http://240.0.0.1/',
  'http://[::1]/',
  'http://[0:0:0:0:0:0:0:1]/',
  'http://[::]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:7f00:1]/',
  'http://[::ffff:10.0.0.1]/',
  'http://[::127.0.0.1]/',
  'http://[64:ff9b::127.0.0.1]/',
  'http://[2002:7f00:1::]/',
  'http://[fe80::1]/',
  'http://[fc00::1]/',
  'http://[fd00::abcd]/',
  'http://[ff02::1]/',
  'http://[2001:db8::1]/',
  'https://۱۲۷.۰.۰.۱/',
]

describe('webUrlProblem: only public web pages on default ports', () => {
  for (const url of NON_PUBLIC_URLS)
    it(`${url} is a non-public address`, () =>
      assert.equal(webUrlProblem(url), 'non_public_address'))

  const names: string[] = [
    'http://localhost/',
    'http://LOCALHOST/',
    'http://localhost./',
    'http://api.localhost/',
    'http://printer.local/',
    'http://db.internal/',
    'http://metadata.google.internal/',
    'http://router.home.arpa/',
    'http://1.0.0.127.in-addr.arpa/',
    'http://intranet/',
    'http://intranet./',
    'http://fileserver.lan/',
    'http://x.corp/',
    'http://site.test/',
    'http://x.onion/',
  ]
  for (const url of names)
    it(`${url} is a local name`, () => assert.equal(webUrlProblem(url), 'local_name'))

  const others: [string, ReturnType<typeof webUrlProblem>][] = [
    ['ftp://example.ir/x', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['gopher://example.ir/', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['https://user:pass@example.ir/', 'credentials'],
    ['https://user@example.ir/', 'credentials'],
    ['https://my.gov.ir:8443/', 'port'],
    ['http://my.gov.ir:22/', 'port'],
    ['http://my.gov.ir:443/', 'port'],
    ['https://my.gov.ir:80/', 'port'],
    ['http://127.0.0.1:22/', 'port'],
    ['not a url', 'invalid'],
  ]
  for (const [url, problem] of others)
    it(`${url} → ${problem}`, () => assert.equal(webUrlProblem(url), problem))

  const fine = [
    'https://my.gov.ir/sample/request',
    'https://my.gov.ir:443/x',
    'http://www.example.ir:80/',
    'https://www.sabteahval.ir/',
    'https://xn--mgbai9azgqp6j.xn--mgba3a4f16a/',
    'https://8.8.8.8/',
    'https://[2001:4860:4860::8888]/',
    'https://local.gov.ir/',
    'https://internal-services.gov.ir/',
  ]
  for (const url of fine) it(`${url} is acceptable`, () => assert.equal(webUrlProblem(url), null))

  it('isLocalName: single labels and special-use suffixes only', () => {
    assert.equal(isLocalName('my.gov.ir'), false)
    assert.equal(isLocalName('localhost.gov.ir'), false)
    assert.equal(isLocalName('gov'), true)
    assert.equal(isLocalName('a.b.internal.'), true)
  })

  it('reads every IPv4 host the way the URL parser does', () => {
    const hosts = [
      '127.1',
      '0x7f.1',
      '2130706433',
      '0177.0.0.1',
      '10.1',
      '0x',
      '1.2.3.4.',
      '0x7f.0.0.0x1',
    ]
    for (const h of hosts) {
      const ip = parseIp(h)
      assert.ok(ip, h)
      assert.equal(formatIp(ip), new URL(`http://${h}/`).hostname, h)
    }
  })
})
