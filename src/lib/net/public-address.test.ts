import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatIp, parseIp } from './ip-address.ts'
import { type AddressRange, classifyAddress, isPublicAddress } from './public-address.ts'

describe('parseIp: every spelling of an address reads to the same bytes', () => {
  const loopback: [string, string][] = [
    ['127.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0X7F.0.0.1', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0177.0.0.01', '127.0.0.1'],
    ['127.0.0.1.', '127.0.0.1'],
    ['0x7f.0x0.0x0.0x1', '127.0.0.1'],
    ['0', '0.0.0.0'],
    ['0x', '0.0.0.0'],
    ['10.1', '10.0.0.1'],
    ['192.168.257', '192.168.1.1'],
    ['4294967295', '255.255.255.255'],
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['0000:0000:0000:0000:0000:0000:0000:0001', '::1'],
    ['::ffff:127.0.0.1', '::ffff:7f00:1'],
    ['[::ffff:7f00:1]', '::ffff:7f00:1'],
    ['::127.0.0.1', '::7f00:1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['[fe80::1%25eth0]', 'fe80::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['64:ff9b::10.0.0.1', '64:ff9b::a00:1'],
    ['2002:7f00:1::', '2002:7f00:1::'],
  ]
  for (const [input, canonical] of loopback)
    it(`${input} → ${canonical}`, () => {
      const ip = parseIp(input)
      assert.ok(ip, `${input} parses`)
      assert.equal(formatIp(ip), canonical)
    })

  const notIps = [
    '',
    'localhost',
    'example.ir',
    '1.2.3.4.5',
    '256.1.1.1',
    '1.256.1.1',
    '4294967296',
    '08.1.1.1',
    '0x1g.1',
    '1..1',
    '12:34',
    ':::1',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::8',
    '::ffff:127.1',
    '::ffff:1.2.3.256',
    '12345::1',
    'g::1',
  ]
  for (const input of notIps)
    it(`"${input}" is not an IP literal`, () => assert.equal(parseIp(input), null))
})

describe('classifyAddress: the special-purpose ranges, in every form', () => {
  const table: [string, AddressRange][] = [
    // IPv4
    ['0.0.0.0', 'unspecified'],
    ['0', 'unspecified'],
    ['0.1.2.3', 'this_network'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['012.1', 'private'],
    ['167772161', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.254', 'shared'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.1', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['2130706433', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link_local'],
    ['0xa9.0xfe.0xa9.0xfe', 'link_local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['192.0.0.8', 'protocol_assignments'],
    ['192.0.2.10', 'documentation'],
    ['192.88.99.1', 'reserved'],
    ['192.168.1.1', 'private'],
    ['3232235777', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['198.20.0.0', 'public'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.254', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['4294967295', 'broadcast'],
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['185.143.232.1', 'public'],
    ['223.255.255.255', 'public'],
    // IPv6
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:127.0.0.1]', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link_local'],
    ['::ffff:8.8.8.8', 'public'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::ffff:0:8.8.8.8', 'public'],
    ['::127.0.0.1', 'loopback'],
    ['::10.0.0.1', 'private'],
    ['::8.8.8.8', 'deprecated_tunnel'],
    ['::2', 'this_network'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::192.168.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['64:ff9b:1::1', 'translation_local'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['2002:808:808::1', 'deprecated_tunnel'],
    ['2001::1', 'deprecated_tunnel'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'deprecated_tunnel'],
    ['2001:2::1', 'protocol_assignments'],
    ['2001:1ff::1', 'protocol_assignments'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['3fff:fff::1', 'documentation'],
    ['100::1', 'discard'],
    ['5f00::1', 'reserved'],
    ['fc00::1', 'unique_local'],
    ['fd12:3456:789a::1', 'unique_local'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['febf::1', 'link_local'],
    ['fec0::1', 'site_local'],
    ['ff02::1', 'multicast'],
    ['ff05::1:3', 'multicast'],
    ['4000::1', 'reserved'],
    ['1::1', 'reserved'],
    ['::1:2:3', 'reserved'],
    ['e000::1', 'reserved'],
    ['2001:4860:4860::8888', 'public'],
    ['2a00:1450:4001::1', 'public'],
    ['2400:cb00::1', 'public'],
    ['3ffe::1', 'public'],
  ]
  for (const [input, range] of table)
    it(`${input} is ${range}`, () => {
      assert.equal(classifyAddress(input), range)
      assert.equal(isPublicAddress(input), range === 'public')
    })

  it('a name or garbage is not an address, and never public', () => {
    for (const s of ['localhost', 'example.ir', '', 'not an ip', '1.2.3.4.5'])
      assert.equal(classifyAddress(s), null)
    assert.equal(isPublicAddress('example.ir'), false)
  })

  it('every address of 127.0.0.0/8 and 10.0.0.0/8 sampled across the range is refused', () => {
    for (let i = 0; i < 256; i += 17)
      for (const first of [10, 127]) {
        assert.equal(isPublicAddress(`${first}.${i}.${255 - i}.${i}`), false)
        assert.equal(isPublicAddress(`::ffff:${first}.${i}.${255 - i}.${i}`), false)
      }
  })
})
