/**
 * The real seed (portal/seed-data.ts) through every read route: whatever the
 * content says, the portal's answers must satisfy the contract, and every
 * document it links must be served.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as S from '../../src/api/schemas.js';
import { createApi } from '../../portal/app.js';
import { openDatabase, seedIfEmpty, type Db } from '../../portal/db.js';
import { seedData } from '../../portal/seed-data.js';
import { HOST } from './fixture.js';

const NOW = new Date();
const dir = mkdtempSync(join(tmpdir(), 'sharek-seed-test-'));
let db: Db;
let app: ReturnType<typeof createApi>;

before(() => {
  db = openDatabase(join(dir, 'portal.sqlite'));
  assert.equal(seedIfEmpty(db, seedData(NOW)), true);
  app = createApi({ db, origins: [], now: () => NOW });
});
after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function read<T>(path: string, schema: { safeParse(x: unknown): { success: boolean; data?: T; error?: unknown } }): Promise<T> {
  const res = await app.request(HOST + path);
  const body: unknown = await res.json();
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(body)}`);
  const parsed = schema.safeParse(body);
  assert.ok(parsed.success, `${path}: ${JSON.stringify(parsed.error)}`);
  return parsed.data as T;
}

test('every consultation, its comments, polls, decision and documents satisfy the contract', async () => {
  const list = await read<S.ConsultationPage>('/v1/consultations?limit=100', S.ConsultationPage);
  assert.ok(list.items.length >= 3);
  const statuses = new Set<string>();
  for (const summary of list.items) {
    const c = await read<S.Consultation>(`/v1/consultations/${summary.id}`, S.Consultation);
    statuses.add(c.status);
    const comments = await read<S.CommentPage>(`/v1/consultations/${c.id}/comments?limit=100`, S.CommentPage);
    assert.equal(comments.items.length, c.participation.comments > 100 ? 100 : c.participation.comments);
    for (const id of c.pollIds) await read<S.Poll>(`/v1/polls/${id}`, S.Poll);
    const decision = await app.request(`${HOST}/v1/consultations/${c.id}/decision`);
    if (c.status === 'decided') await read<S.Decision>(`/v1/consultations/${c.id}/decision`, S.Decision);
    else assert.equal(decision.status, 404);

    const urls = [...c.documents.map((d) => d.url), ...(c.impactAssessmentUrl ? [c.impactAssessmentUrl] : [])];
    for (const url of urls.filter((u) => u.startsWith(`${HOST}/api/`))) {
      const res = await app.request(url.replace(`${HOST}/api`, HOST));
      assert.equal(res.status, 200, `${url} is served`);
      await res.arrayBuffer();
    }
  }
  assert.ok(['upcoming', 'open', 'decided'].every((s) => statuses.has(s)), [...statuses].join());
  await read<S.UsagePolicy>('/v1/policy', S.UsagePolicy);
});

test('the policy version every consultation asks for is published', async () => {
  const list = await read<S.ConsultationPage>('/v1/consultations?limit=100', S.ConsultationPage);
  for (const summary of list.items) {
    const c = await read<S.Consultation>(`/v1/consultations/${summary.id}`, S.Consultation);
    await read<S.UsagePolicy>(`/v1/policy?version=${encodeURIComponent(c.commenting.policyVersion)}`, S.UsagePolicy);
  }
});
