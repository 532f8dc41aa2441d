/** The OpenAPI document is generated from the contract's schemas and covers every path. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApiDocument } from '../../portal/openapi.js';
import { HOST, makeApi } from './fixture.js';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown; parameters?: unknown[] }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

const CONTRACT: [string, string][] = [
  ['get', '/v1/consultations/{id}'],
  ['get', '/v1/consultations'],
  ['get', '/v1/consultations/{id}/comments'],
  ['post', '/v1/consultations/{id}/comments'],
  ['post', '/v1/comments/{id}/reports'],
  ['get', '/v1/polls/{id}'],
  ['post', '/v1/polls/{id}/votes'],
  ['get', '/v1/consultations/{id}/decision'],
  ['get', '/v1/policy'],
];

test('served at /v1/openapi.json as OpenAPI 3.1', async () => {
  const t = makeApi();
  try {
    const res = await t.app.request(`${HOST}/v1/openapi.json`);
    assert.equal(res.status, 200);
    const doc = (await res.json()) as Doc;
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    assert.deepEqual(doc, JSON.parse(JSON.stringify(openApiDocument())));
  } finally {
    t.close();
  }
});

test('every path of the contract, with responses and problem+json errors', () => {
  const doc = openApiDocument() as Doc;
  for (const [method, path] of CONTRACT) {
    const op = doc.paths[path]?.[method];
    assert.ok(op, `${method.toUpperCase()} ${path}`);
    const ok = Object.keys(op.responses).filter((s) => s.startsWith('2'));
    assert.equal(ok.length, 1, `${path} has one success answer`);
    const notFound = op.responses['404'] as { content: Record<string, unknown> };
    assert.ok(notFound.content['application/problem+json'], `${path} 404 is problem+json`);
    if (method === 'post') assert.ok(op.requestBody, `${path} has a request body`);
    if (path.includes('{id}')) assert.ok(op.parameters?.length, `${path} documents its id`);
  }
});

test('component schemas come from zod and every $ref resolves', () => {
  const doc = openApiDocument() as Doc;
  const schemas = doc.components.schemas;
  for (const name of ['Consultation', 'ConsultationSummary', 'Comment', 'NewComment', 'Report', 'Poll', 'Vote', 'Decision', 'UsagePolicy', 'Problem']) {
    assert.ok(schemas[name], name);
  }
  const consultation = schemas.Consultation as { type: string; required: string[]; properties: Record<string, unknown> };
  assert.equal(consultation.type, 'object');
  assert.ok(consultation.required.includes('portalUrl'));
  // Named schemas used inside others are references, not copies.
  assert.deepEqual(consultation.properties.status, { $ref: '#/components/schemas/ConsultationStatus' });
  assert.deepEqual(schemas.ConsultationStatus!.enum, ['upcoming', 'open', 'closed', 'decided']);
  assert.equal(schemas.Consultation!.$schema, undefined, 'the document sets the dialect once');

  const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
  assert.ok(refs.length > 20);
  for (const ref of refs) {
    const pointer = ref.slice('"$ref":"#/'.length, -1).split('/');
    let node: unknown = doc;
    for (const key of pointer) node = (node as Record<string, unknown>)[key];
    assert.ok(node, `unresolved ${ref}`);
  }
});

test('write and admin routes document the statuses they really answer', () => {
  const doc = openApiDocument() as Doc & {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
    components: { securitySchemes: Record<string, { scheme: string }> };
  };
  const statuses = (method: string, path: string) => Object.keys(doc.paths[path]![method]!.responses).sort();
  assert.deepEqual(statuses('post', '/v1/consultations/{id}/comments'), ['201', '400', '401', '403', '404', '409', '413', '415', '422', '429', '503']);
  assert.deepEqual(statuses('post', '/v1/comments/{id}/reports'), ['202', '400', '401', '404', '413', '415', '429', '503']);
  assert.deepEqual(statuses('post', '/v1/polls/{id}/votes'), ['201', '400', '401', '403', '404', '409', '413', '415', '422', '429', '503']);
  // Every write is limited (issue 15), and says how long to wait.
  for (const path of ['/v1/consultations/{id}/comments', '/v1/comments/{id}/reports', '/v1/polls/{id}/votes']) {
    const retryAfter = doc.paths[path]!.post!.responses['429'] as { headers: Record<string, unknown> };
    assert.ok(retryAfter.headers['Retry-After'], path);
  }

  const admin: [string, string, string][] = [
    ['get', '/admin/v1/comments', '200'],
    ['post', '/admin/v1/comments/{id}/approve', '200'],
    ['post', '/admin/v1/comments/{id}/reject', '200'],
    ['post', '/admin/v1/comments/{id}/reply', '200'],
    ['get', '/admin/v1/reports', '200'],
    ['post', '/admin/v1/consultations/{id}/decision', '201'],
    ['get', '/admin/v1/audit', '200'],
    ['post', '/admin/v1/policy', '201'],
    ['get', '/admin/v1/me', '200'],
    ['get', '/admin/v1/queues', '200'],
    ['post', '/admin/v1/comments/{id}/dismiss-reports', '200'],
    ['post', '/admin/v1/consultations/{id}/decision/preview', '200'],
    ['get', '/admin/v1/consultations/{id}/report', '200'],
    ['get', '/admin/v1/consultations/{id}/report.csv', '200'],
  ];
  for (const [method, path, ok] of admin) {
    const op = doc.paths[path]?.[method];
    assert.ok(op, path);
    assert.deepEqual(op.security, [{ admin: [] }], path);
    for (const status of [ok, '401', '403', '429']) assert.ok(op.responses[status], `${path} ${status}`);
  }
  assert.ok(doc.paths['/admin/v1/consultations/{id}/decision']!.post!.responses['409']);
  assert.equal(doc.components.securitySchemes.admin?.scheme, 'bearer');
  // The policy-changed problem's extension member is in the Problem schema the widget parses with.
  const problem = doc.components.schemas.Problem as { properties: Record<string, unknown> };
  assert.ok(problem.properties.currentPolicyVersion);
});
