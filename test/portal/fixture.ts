/**
 * A small seed made for the portal tests, independent of the real content in
 * portal/seed-data.ts: enough comments to page through (with equal
 * timestamps, to test the tie-break), every comment status, a poll per
 * results-visibility rule, and a consultation in every status.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import * as S from '../../src/api/schemas.js';
import { createApi } from '../../portal/app.js';
import type { RateLimitsInput } from '../../portal/limits.js';
import { openDatabase, seedIfEmpty, type Db } from '../../portal/db.js';
import { oidcVerifier } from '../../portal/sign-in.js';
import type { SeedComment, SeedData } from '../../portal/seed-types.js';

export const DAY = 24 * 60 * 60 * 1000;
/** The time the fixture is seeded at; tests move the clock from here. */
export const T0 = new Date('2025-03-01T09:00:00.000Z');

const text = (ar: string, en: string) => ({ ar, en });
const html = (ar: string, en: string) => ({ ar: `<p>${ar}</p>`, en: `<p>${en}</p>` });
const at = (now: Date, days: number) => new Date(now.getTime() + days * DAY).toISOString();

export const PUBLISHED = 45;
export const PENDING_BODY = 'PENDING comment, never shown';
export const REJECTED_BODY = 'REJECTED comment, never shown';

const agency = {
  id: 'modee',
  name: text('وزارة الاقتصاد الرقمي والريادة', 'Ministry of Digital Economy and Entrepreneurship'),
  url: 'https://www.modee.gov.jo/',
};

const commenting = {
  enabled: true,
  signInRequired: false,
  maxLength: 5000,
  moderation: 'pre' as const,
  policyVersion: '2024-1',
  displayNameAllowed: true,
};

function comments(now: Date): SeedComment[] {
  const types = ['individual', 'private_sector', 'civil_society', 'academia', 'government'] as const;
  const out: SeedComment[] = [];
  for (let i = 0; i < PUBLISHED; i++) {
    out.push({
      // every third pair shares a timestamp, so the id must break ties
      createdAt: at(now, -10 + Math.floor(i / 2) * 0.1),
      body: `published comment ${i}`,
      stakeholderType: types[i % types.length]!,
      status: 'published',
      ...(i % 3 === 0 ? { sectionId: 'art-1' } : {}),
      ...(i % 4 === 0 ? { displayName: `Person ${i}` } : {}),
      ...(i === 7 ? { reply: { body: 'Thank you; article 1 will be clarified.', createdAt: at(now, -1) } } : {}),
    });
  }
  for (let i = 0; i < 5; i++) {
    out.push({ createdAt: at(now, -0.5), body: PENDING_BODY, stakeholderType: 'individual', status: 'pending', sectionId: 'art-1' });
  }
  for (let i = 0; i < 3; i++) {
    out.push({ createdAt: at(now, -0.4), body: REJECTED_BODY, stakeholderType: 'individual', status: 'rejected' });
  }
  return out;
}

export function fixtureSeed(now: Date): SeedData {
  const poll = (id: string, resultsVisibility: 'always' | 'after_vote' | 'after_close', closesInDays: number) => ({
    id,
    question: text('هل توافق؟', 'Do you agree?'),
    options: [
      { id: 'yes', label: text('نعم', 'Yes') },
      { id: 'no', label: text('لا', 'No') },
      { id: 'unsure', label: text('لست متأكداً', 'Not sure') },
    ],
    maxChoices: 1,
    opensAt: at(now, -10),
    closesAt: at(now, closesInDays),
    resultsVisibility,
    votes: [['yes'], ['yes'], ['no']],
  });
  return {
    policy: {
      version: '2024-1',
      updatedAt: at(now, -100),
      text: html('سياسة الاستخدام', 'Usage policy'),
      rules: [text('لا إساءة', 'No abuse')],
      reportReasons: [{ code: 'spam_or_advertising', label: text('رسائل مزعجة', 'Spam') }],
    },
    consultations: [
      {
        consultation: {
          id: 'open-c',
          title: text('مسودة تعليمات المشاركة الإلكترونية', 'Draft e-participation instructions'),
          agency,
          kind: 'legislation',
          opensAt: at(now, -10),
          closesAt: at(now, 20),
          summary: html('ملخص', 'Summary'),
          sections: [1, 2, 3, 4, 5].map((n) => ({
            id: `art-${n}`,
            number: String(n),
            title: text(`المادة ${n}`, `Article ${n}`),
            body: html(`نص المادة ${n}`, `Text of article ${n}`),
          })),
          documents: [
            { title: text('المسودة', 'The draft'), path: 'documents/draft.pdf', mediaType: 'application/pdf', sizeBytes: 1234, lang: 'ar' },
          ],
          impactAssessmentPath: 'documents/impact.pdf',
          commenting,
        },
        comments: comments(now),
        polls: [poll('poll-always', 'always', 20), poll('poll-after-vote', 'after_vote', 20), poll('poll-after-close', 'after_close', 20)],
      },
      {
        consultation: {
          id: 'upcoming-c',
          title: text('استشارة قادمة', 'Upcoming consultation'),
          agency,
          kind: 'policy',
          opensAt: at(now, 5),
          closesAt: at(now, 35),
          summary: html('قريباً', 'Soon'),
          sections: [],
          documents: [],
          commenting,
        },
        comments: [],
        polls: [],
      },
      {
        consultation: {
          id: 'closed-c',
          title: text('استشارة مغلقة', 'Closed consultation'),
          agency: { id: 'moenv', name: text('وزارة البيئة', 'Ministry of Environment') },
          kind: 'service',
          opensAt: at(now, -60),
          closesAt: at(now, -30),
          summary: html('مغلقة', 'Closed'),
          sections: [],
          documents: [],
          commenting,
        },
        comments: [],
        polls: [],
      },
      {
        consultation: {
          id: 'decided-c',
          title: text('سياسة البيانات المفتوحة', 'Open data policy'),
          agency,
          kind: 'policy',
          opensAt: at(now, -120),
          closesAt: at(now, -90),
          summary: html('قررت', 'Decided'),
          sections: [{ id: 'art-1', number: '1', title: text('المادة 1', 'Article 1'), body: html('نص', 'Text') }],
          documents: [],
          commenting,
        },
        comments: [
          { createdAt: at(now, -100), body: 'old comment', stakeholderType: 'academia', status: 'published', sectionId: 'art-1' },
        ],
        polls: [],
        decision: {
          publishedAt: at(now, -60),
          outcome: 'amended',
          summary: html('تم تعديل المسودة', 'The draft was amended'),
          changes: [{ sectionId: 'art-1', description: text('توضيح', 'Clarified') }],
          feedback: { comments: 1, participants: 1, byStakeholderType: { academia: 1 } },
          responses: [{ theme: text('الوضوح', 'Clarity'), response: text('تم التوضيح', 'Clarified') }],
          documentPath: 'documents/final.pdf',
        },
      },
    ],
  };
}

export interface TestApi {
  app: ReturnType<typeof createApi>;
  db: Db;
  dbPath: string;
  docsDir: string;
  /** Moves the API's clock. */
  setNow(d: Date): void;
  origins: string[];
  /** The lines the API logged for whoever runs it (refused origins). */
  logged: string[];
  close(): void;
}

/** Requests carry a public-looking host: the contract's URLs are absolute http(s) URLs on it. */
export const HOST = 'https://portal.example.jo';

export const ALLOWED_ORIGIN = 'https://www.ministry.example.jo';

export const ADMIN_TOKEN = 'test-admin-token-not-secret';

export interface MakeApiOptions {
  publicUrl?: string;
  rateLimits?: RateLimitsInput;
  trustProxy?: boolean | number;
}

// ------------------------------------------------------------------ sign-in

/** The test issuer: its tokens are what the fixture's API accepts as signed-in people. */
export const ISSUER = 'https://sso.test.example/realms/citizens';
export const AUDIENCE = 'sharek-portal-test';
const issuerKeys = await generateKeyPair('RS256');
export const TEST_JWKS: { keys: JWK[] } = {
  keys: [{ ...(await exportJWK(issuerKeys.publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' }],
};

export interface TokenOptions {
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative: expired. */
  expiresIn?: number;
  /** Another key (a wrong signature). */
  key?: CryptoKey;
  kid?: string;
}

/** A token the test issuer signs for `subject` (or, with options, one that must be refused). */
export function tokenFor(subject: string, o: TokenOptions = {}): Promise<string> {
  const t = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? 'test-key-1', typ: 'JWT' })
    .setIssuer(o.issuer ?? ISSUER)
    .setAudience(o.audience ?? AUDIENCE)
    .setSubject(subject)
    .setIssuedAt(t)
    .setExpirationTime(t + (o.expiresIn ?? 600))
    .sign(o.key ?? issuerKeys.privateKey);
}

/** The verifier of the fixture's API: the test issuer's keys, held locally (sign-in.test.ts fetches them over HTTP). */
export const testVerifier = oidcVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: 'https://unused.example' }, { keys: createLocalJWKSet(TEST_JWKS) });

/** Headers of a write by a signed-in person. */
export const signedInWriter = async (subject: string, key: string = randomUUID()): Promise<Record<string, string>> => ({
  'Content-Type': 'application/json',
  Authorization: `Bearer ${await tokenFor(subject)}`,
  'Idempotency-Key': key,
});

/**
 * A fresh API on a temporary database file seeded with the fixture at T0,
 * with the admin routes on (ADMIN_TOKEN). Rate limits are high unless a test
 * sets them: app.request has no client address, and tests send many comments.
 */
export function makeApi(options: MakeApiOptions = {}): TestApi {
  const dir = mkdtempSync(join(tmpdir(), 'sharek-portal-test-'));
  const dbPath = join(dir, 'portal.sqlite');
  const docsDir = join(dir, 'documents');
  const db = openDatabase(dbPath);
  seedIfEmpty(db, fixtureSeed(T0));
  let now = T0;
  const origins = [ALLOWED_ORIGIN];
  const logged: string[] = [];
  openDocs(docsDir);
  const app = createApi({
    db,
    origins,
    now: () => now,
    documentsDir: docsDir,
    logError: () => {},
    log: (line) => logged.push(line),
    adminToken: ADMIN_TOKEN,
    rateLimits: options.rateLimits ?? { perParticipant: 1000, perAddress: 1000 },
    verifyToken: testVerifier,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    publicUrl: options.publicUrl ?? HOST,
  });
  return {
    app,
    db,
    dbPath,
    docsDir,
    origins,
    logged,
    setNow: (d) => {
      now = d;
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Files for the documents route, and one beside the folder that must stay unreachable. */
function openDocs(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'draft.pdf'), '%PDF-1.4 fake draft\n');
  writeFileSync(join(dir, 'notes.txt'), 'plain notes\n');
  writeFileSync(join(dir, '..', 'secret.txt'), 'outside the documents folder\n');
}

/** A valid comment on open-c; tests override what they look at. */
export const newComment = (over: Record<string, unknown> = {}) => ({
  body: 'أقترح توضيح المادة الأولى. I suggest clarifying article 1.',
  stakeholderType: 'individual',
  policyVersion: '2024-1',
  ...over,
});

/** Headers of a write by an anonymous participant. */
export const writer = (participant: string = randomUUID(), key: string = randomUUID()): Record<string, string> => ({
  'Content-Type': 'application/json',
  'Sharek-Participant': participant,
  'Idempotency-Key': key,
});

export function postJson(
  t: TestApi,
  path: string,
  body: unknown,
  headers: Record<string, string> = writer(),
  env?: ClientEnv,
): Promise<Response> {
  return Promise.resolve(
    t.app.request(HOST + path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }, env),
  );
}

/** What @hono/node-server gives a route about the connection: `app.request(…, …, fromAddress(ip))` comes from `ip`. */
export type ClientEnv = { incoming: { socket: { remoteAddress: string } } };
export const fromAddress = (remoteAddress: string): ClientEnv => ({ incoming: { socket: { remoteAddress } } });

/** Asserts an RFC 9457 answer with this status and returns it, parsed by the contract's schema. */
export async function problemOf(res: Response, status: number): Promise<S.Problem> {
  const text = await res.text();
  assert.equal(res.status, status, text);
  assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
  const parsed = S.Problem.safeParse(JSON.parse(text));
  assert.ok(parsed.success, text);
  assert.equal(parsed.data.status, status);
  return parsed.data;
}

export const adminHeaders = (token = ADMIN_TOKEN): Record<string, string> => ({
  Authorization: `Bearer ${token}`,
  'Content-Type': 'application/json',
});

/** A hash of every row of every table: equal before and after means nothing was written. */
export function dbFingerprint(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

export const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
