import { describe, expect, it } from 'vitest'
import { firstRefused, ipLiteral, parseIPv6, refusedRange } from '../../../scripts/lint/online/address-policy.ts'

describe('refusedRange', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['169.254.169.254', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'ipv4-mapped'],
    ['::ffff:8.8.8.8', 'ipv4-mapped'],
    ['::ffff:7f00:1', 'ipv4-mapped'],
    ['::127.0.0.1', 'ipv4-mapped'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['not-an-ip', 'invalid'],
    ['1.2.3', 'invalid'],
    ['01.2.3.4', 'invalid'],
  ])('%s is refused as %s', (address, range) => {
    expect(refusedRange(address)).toBe(range)
  })

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '193.51.24.1', '2a00:1450:4007:80c::200e', '64:ff9b::8.8.8.8', '2606:4700::1111'])(
    '%s is public',
    (address) => {
      expect(refusedRange(address)).toBeNull()
    },
  )

  it('parses IPv6 forms and rejects malformed ones', () => {
    expect(parseIPv6('1::')).toEqual([1, 0, 0, 0, 0, 0, 0, 0])
    expect(parseIPv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304])
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeNull()
    expect(parseIPv6('1::2::3')).toBeNull()
    expect(parseIPv6('12345::')).toBeNull()
    expect(parseIPv6('1:2:3:4:5:6:7:8::')).toBeNull()
  })

  it('refuses a host when any of its addresses is refused', () => {
    expect(firstRefused(['8.8.8.8', '10.0.0.1'])).toEqual({ address: '10.0.0.1', range: 'private' })
    expect(firstRefused(['8.8.8.8', '2606:4700::1111'])).toBeNull()
  })

  it('recognises IP literals as URL.hostname gives them', () => {
    expect(ipLiteral('[::1]')).toBe('::1')
    expect(ipLiteral('127.0.0.1')).toBe('127.0.0.1')
    expect(ipLiteral(new URL('http://0x7f.1/').hostname)).toBe('127.0.0.1')
    expect(ipLiteral('localhost')).toBeNull()
    expect(ipLiteral('beta.gouv.fr')).toBeNull()
  })
})
