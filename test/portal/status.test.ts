/**
 * The open/closed rule (src/api/status.ts) is the one the portal answers
 * with: the SQL its lists filter by, a consultation, a poll and the write
 * routes all agree with it at every boundary.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as S from '../../src/api/schemas.js';
import { consultationStatus, phaseAt, statusAt } from '../../src/api/status.js';
import { HOST, makeApi, T0, DAY, type TestApi } from './fixture.js';

const OPENS = '2025-03-01T10:00:00.000Z';
const CLOSES = '2025-03-02T10:00:00.000Z';
const ms = (iso: string, delta = 0) => Date.parse(iso) + delta;

describe('the rule', () => {
  test('upcoming before the opening, open from it, closed from the closing on', () => {
    assert.equal(phaseAt(OPENS, CLOSES, ms(OPENS, -1)), 'upcoming');
    assert.equal(phaseAt(OPENS, CLOSES, ms(OPENS)), 'open');
    assert.equal(phaseAt(OPENS, CLOSES, ms(CLOSES, -1)), 'open');
    assert.equal(phaseAt(OPENS, CLOSES, ms(CLOSES)), 'closed');
  });

  test('times are instants, whatever their offset', () => {
    assert.equal(phaseAt('2025-03-01T13:00:00+03:00', CLOSES, ms(OPENS)), 'open');
    assert.equal(phaseAt('2025-03-01T13:00:00.001+03:00', CLOSES, ms(OPENS)), 'upcoming');
  });

  test('a decision wins over the dates', () => {
    assert.equal(consultationStatus(true, OPENS, CLOSES, ms(OPENS)), 'decided');
    assert.equal(consultationStatus(false, OPENS, CLOSES, ms(CLOSES)), 'closed');
  });

  test('on a page, the dates move a status on but never back', () => {
    assert.equal(statusAt('upcoming', OPENS, CLOSES, ms(OPENS)), 'open');
    assert.equal(statusAt('open', OPENS, CLOSES, ms(CLOSES)), 'closed');
    assert.equal(statusAt('closed', OPENS, CLOSES, ms(OPENS)), 'closed', 'a poll the portal closed stays closed');
    assert.equal(statusAt('decided', OPENS, CLOSES, ms(OPENS, -1)), 'decided');
    assert.equal(statusAt('open', OPENS, CLOSES, ms(OPENS, -1)), 'open', 'a reader’s slow clock does not reopen "upcoming"');
  });
});

describe('the portal answers with the rule', () => {
  let t: TestApi;
  before(() => {
    t = makeApi();
  });
  after(() => t.close());

  const get = async <T>(path: string) => (await (await t.app.request(HOST + path)).json()) as T;

  // The fixture's open-c opens 10 days before T0 and closes 20 days after; its polls close with it.
  const boundaries = (opensAt: string, closesAt: string) =>
    [ms(opensAt, -1), ms(opensAt), ms(opensAt, 1), ms(closesAt, -1), ms(closesAt), ms(closesAt, 1)].map((n) => new Date(n));

  test('a consultation, and the list filtered by status, at each boundary', async () => {
    const c = await get<S.Consultation>('/v1/consultations/open-c');
    for (const when of boundaries(c.opensAt, c.closesAt)) {
      t.setNow(when);
      const expected = consultationStatus(false, c.opensAt, c.closesAt, when.getTime());
      assert.equal((await get<S.Consultation>('/v1/consultations/open-c')).status, expected, when.toISOString());
      const all = await get<S.ConsultationPage>('/v1/consultations?limit=100');
      assert.equal(all.items.length, 4);
      for (const i of all.items) {
        const decided = i.id === 'decided-c';
        assert.equal(i.status, consultationStatus(decided, i.opensAt, i.closesAt, when.getTime()), i.id);
      }
      // The filter is SQL (sharek_status): it picks exactly the items the rule puts in each status.
      for (const s of S.ConsultationStatus.options) {
        const filtered = await get<S.ConsultationPage>(`/v1/consultations?status=${s}&limit=100`);
        const want = all.items.filter((i) => i.status === s).map((i) => i.id);
        assert.deepEqual(filtered.items.map((i) => i.id), want, `${s} at ${when.toISOString()}`);
      }
    }
    t.setNow(T0);
  });

  test('a poll at each boundary', async () => {
    const p = await get<S.Poll>('/v1/polls/poll-always');
    for (const when of boundaries(p.opensAt, p.closesAt)) {
      t.setNow(when);
      assert.equal((await get<S.Poll>('/v1/polls/poll-always')).status, phaseAt(p.opensAt, p.closesAt, when.getTime()));
    }
    t.setNow(T0);
  });

  test('commenting is enabled exactly while the rule says open', async () => {
    const c = await get<S.Consultation>('/v1/consultations/open-c');
    for (const when of [new Date(ms(c.closesAt, -1)), new Date(ms(c.closesAt))]) {
      t.setNow(when);
      const now = await get<S.Consultation>('/v1/consultations/open-c');
      assert.equal(now.commenting.enabled, phaseAt(c.opensAt, c.closesAt, when.getTime()) === 'open');
    }
    t.setNow(new Date(T0.getTime() + 100 * DAY));
    assert.equal((await get<S.Consultation>('/v1/consultations/decided-c')).status, 'decided');
    t.setNow(T0);
  });
});
