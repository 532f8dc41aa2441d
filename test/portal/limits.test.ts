/** limits.ts: what a client address is (proxy hops, IPv6 /64) and how the limits are given. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { addressKey, clientAddressOf, DEFAULT_RATE_LIMITS, rateLimitsOf } from '../../portal/limits.js';
import { fromAddress } from './fixture.js';

test('addresses: IPv4 as is, IPv6 by its /64, IPv4-mapped as IPv4, ports and zones dropped', () => {
  assert.equal(addressKey('198.51.100.7'), '198.51.100.7');
  assert.equal(addressKey('198.51.100.7:4431'), '198.51.100.7');
  assert.equal(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:DB8:1:2::1'), '2001:db8:1:2::/64');
  assert.equal(addressKey('[2001:db8:1:2::99]:443'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(addressKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
  assert.equal(addressKey('::ffff:203.0.113.9'), '203.0.113.9');
  assert.equal(addressKey('::1'), '0:0:0:0::/64');
  assert.equal(addressKey('not an address'), 'not an address', 'still counted, as itself');
  assert.equal(addressKey(''), 'unknown');
});

test('behind N proxies only the N rightmost X-Forwarded-For entries are read; without a proxy, none', async () => {
  const seen: string[] = [];
  const app = (hops: number) => {
    const a = new Hono();
    a.get('/', (c) => {
      seen.push(clientAddressOf(c, hops));
      return c.text('ok');
    });
    return a;
  };
  const xff = { 'X-Forwarded-For': '10.9.9.9, 203.0.113.1, 198.51.100.2' };
  await app(0).request('/', { headers: xff }, fromAddress('192.0.2.50'));
  await app(1).request('/', { headers: xff }, fromAddress('192.0.2.50'));
  await app(2).request('/', { headers: xff }, fromAddress('192.0.2.50'));
  await app(5).request('/', { headers: xff }, fromAddress('192.0.2.50'));
  await app(1).request('/', {}, fromAddress('192.0.2.50'));
  assert.deepEqual(seen, ['192.0.2.50', '198.51.100.2', '203.0.113.1', '10.9.9.9', '192.0.2.50']);
});

test('limits: per kind, flat values set every kind, a kind’s own win', () => {
  assert.deepEqual(rateLimitsOf(), DEFAULT_RATE_LIMITS);
  const flat = rateLimitsOf({ perAddress: 7, votes: { perAddress: 9 } });
  assert.deepEqual([flat.comments.perAddress, flat.votes.perAddress, flat.reports.perAddress], [7, 9, 7]);
  assert.equal(flat.comments.perParticipant, DEFAULT_RATE_LIMITS.comments.perParticipant);
});
