/**
 * The building blocks of the OpenAPI document (openapi.ts): the named
 * schemas, generated from the contract's zod schemas, and the pieces every
 * path reuses (parameters, answers, errors), plus the document's components.
 */
import * as z from 'zod/mini';
import * as S from '../src/api/schemas.js';
import * as M from './moderation.js';
import * as Mods from './moderators.js';
import { NewPolicy } from './policy.js';
import * as R from './report.js';

/** Every named schema, as it appears under components.schemas. */
const named = {
  Id: S.Id,
  LocalizedText: S.LocalizedText,
  LocalizedHtml: S.LocalizedHtml,
  StakeholderType: S.StakeholderType,
  ConsultationKind: S.ConsultationKind,
  ConsultationStatus: S.ConsultationStatus,
  Agency: S.Agency,
  Participation: S.Participation,
  Section: S.Section,
  ConsultationDocument: S.ConsultationDocument,
  Commenting: S.Commenting,
  Consultation: S.Consultation,
  ConsultationSummary: S.ConsultationSummary,
  ConsultationPage: S.ConsultationPage,
  Comment: S.Comment,
  CommentPage: S.CommentPage,
  NewComment: S.NewComment,
  CommentAccepted: S.CommentAccepted,
  ReportReason: S.ReportReason,
  Report: S.Report,
  PollStatus: S.PollStatus,
  Poll: S.Poll,
  Vote: S.Vote,
  DecisionOutcome: S.DecisionOutcome,
  Decision: S.Decision,
  UsagePolicy: S.UsagePolicy,
  Problem: S.Problem,
  EmbedCheck: S.EmbedCheck,
  CommentStatus: M.CommentStatus,
  AdminComment: M.AdminComment,
  AdminCommentList: M.AdminCommentList,
  ReportedComment: M.ReportedComment,
  ReportList: M.ReportList,
  Rejection: M.Rejection,
  Reply: M.Reply,
  NewDecision: M.NewDecision,
  Me: M.Me,
  Queues: M.Queues,
  FeedbackReport: R.FeedbackReport,
  NewPolicy,
  AuditEntry: Mods.AuditEntry,
  AuditPage: Mods.AuditPage,
} satisfies Record<string, z.ZodMiniType>;

export type SchemaName = keyof typeof named;

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  // A registry converts to one schema per id, with $refs between them
  // wherever one named schema uses another.
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Record<string, unknown>> };
  for (const schema of Object.values(schemas)) {
    // 3.1 takes its dialect from the document; per-schema ids would only confuse tools.
    delete schema.$schema;
    delete schema.$id;
  }
  return schemas;
}

export const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

export const jsonContent = (name: SchemaName) => ({ 'application/json': { schema: ref(name) } });

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

export const cachedRead = (description: string, name: SchemaName) => ({
  description,
  headers: {
    ETag: { $ref: '#/components/headers/ETag' },
    'Cache-Control': { $ref: '#/components/headers/Cache-Control' },
  },
  content: jsonContent(name),
});

export const idParam = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: ref('Id'),
});

export const query = (name: string, description: string, schema: object) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

export const limitParam = query('limit', 'Page size.', { type: 'integer', minimum: 1, maximum: 100, default: 20 });
export const cursorParam = query('cursor', 'Opaque cursor from the previous page’s `nextCursor`.', {
  type: 'string',
  maxLength: 200,
});

export const readErrors = {
  '304': { $ref: '#/components/responses/NotModified' },
  '400': problem('Malformed id or query parameter; `errors` names the field.'),
  '404': problem('No such resource.'),
};

/** Every error a write can answer, by status; each route lists the ones it really gives. */
const writeError: Record<string, object> = {
  '400': problem(
    'Invalid request: malformed id, missing or malformed `Idempotency-Key` or `Sharek-Participant`, ' +
      'a body that is not UTF-8 JSON, or invalid fields; `errors` names each field and a code ' +
      '(`required`, `too_long`, `too_many`, `invalid`, …). Unknown members are ignored.',
  ),
  '401': problem(
    'Sign-in required, or the bearer token is not a valid sign-in here (malformed, expired, not signed by the ' +
      'portal’s issuer, or for another audience): offer the portal’s sign-in. `WWW-Authenticate: Bearer`.',
  ),
  '403': problem('The consultation or poll is not open.'),
  '404': problem('No such resource.'),
  '413': problem('Body larger than 64 KB.'),
  '415': problem('Body is not `application/json` in UTF-8.'),
  '422': problem('This `Idempotency-Key` was already used with a different body (`…:idempotency-key-reused`).'),
  '429': {
    ...problem(
      'Too many comments, votes or reports from this participant or address in the window (`…:rate-limited`); ' +
        'try again after `Retry-After` seconds and say so to the person.',
    ),
    headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } },
  },
  '503': {
    ...problem('A bearer token was sent and the sign-in issuer’s keys cannot be fetched just now; retry after `Retry-After`.'),
    headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } },
  },
};

export const writeErrors = (codes: string[], extra: Record<string, object> = {}) => ({
  ...Object.fromEntries(codes.map((code) => [code, writeError[code]!])),
  ...extra,
});

export const adminSecurity = [{ admin: [] }];

/** Admin answers: 401 without a credential, 403 with a wrong or revoked one, 429 after too many wrong ones. */
export const adminErrors = (codes: string[], extra: Record<string, object> = {}) => ({
  '401': problem('No moderator credential (`Authorization: Bearer <credential>`).'),
  '403': problem('Wrong or revoked credential.'),
  '429': {
    ...problem('Too many wrong credentials from this address; every credential is refused from it until `Retry-After`.'),
    headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } },
  },
  ...Object.fromEntries(codes.map((code) => [code, writeError[code]!])),
  ...extra,
});

export const written = (description: string, name: SchemaName) => ({ description, content: jsonContent(name) });

export const participantHeaders = [
  { $ref: '#/components/parameters/SharekParticipant' },
];
export const idempotencyHeader = { $ref: '#/components/parameters/IdempotencyKey' };

/** The document's `components`: every named schema, and the shared parameters, headers, answers and security. */
export function components(): Record<string, unknown> {
  return {
    schemas: componentSchemas(),
    parameters: {
      SharekParticipant: {
        name: 'Sharek-Participant',
        in: 'header',
        required: false,
        description: 'A random id the browser keeps, for anonymous participation (one vote per participant).',
        schema: { type: 'string', format: 'uuid' },
      },
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description: 'A UUID made once per draft or vote; repeating it repeats the first answer.',
        schema: { type: 'string', format: 'uuid' },
      },
    },
    headers: {
      ETag: { description: 'Strong validator of the body.', schema: { type: 'string' } },
      'Cache-Control': { description: 'How long shared caches may keep the answer.', schema: { type: 'string' } },
      'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 0 } },
    },
    responses: {
      NotModified: {
        description: 'The `If-None-Match` validator still matches; no body.',
        headers: { ETag: { $ref: '#/components/headers/ETag' } },
      },
    },
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'A signed-in person’s token, supplied by the host page: a JWT from the portal’s OpenID Connect issuer, ' +
          'for the portal’s audience, verified against the issuer’s keys.',
      },
      admin: {
        type: 'http',
        scheme: 'bearer',
        description:
          'A moderator’s own credential (`npm run portal -- moderator add <name>`; `SHAREK_ADMIN_TOKEN` as the ' +
          'moderator "development", outside production mode); only for `/admin/v1/…`, which sends no CORS headers.',
      },
    },
  };
}
