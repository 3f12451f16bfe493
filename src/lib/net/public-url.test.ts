import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatIp, parseIp } from './ip-address.ts'
import { LOCAL_NAME_URLS, NON_PUBLIC_URLS } from './non-public-urls.test-helpers.ts'
import { isLocalName, webUrlProblem } from './public-url.ts'

describe('webUrlProblem: only public web pages on default ports', () => {
  for (const url of NON_PUBLIC_URLS)
    it(`${url} is a non-public address`, () =>
      assert.equal(webUrlProblem(url), 'non_public_address'))

  for (const url of LOCAL_NAME_URLS)
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
