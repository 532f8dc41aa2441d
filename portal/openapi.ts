/**
 * The contract as an OpenAPI 3.1 document, generated from the same zod
 * schemas the widget and the portal use, so the three cannot drift apart.
 * Only the paths, parameters and prose are written here.
 */
import * as z from 'zod/mini';
import * as S from '../src/api/schemas.js';
import * as M from './moderation.js';

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
  CommentStatus: M.CommentStatus,
  AdminComment: M.AdminComment,
  AdminCommentList: M.AdminCommentList,
  ReportedComment: M.ReportedComment,
  ReportList: M.ReportList,
  Rejection: M.Rejection,
  Reply: M.Reply,
  NewDecision: M.NewDecision,
} satisfies Record<string, z.ZodMiniType>;

type SchemaName = keyof typeof named;

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

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

const jsonContent = (name: SchemaName) => ({ 'application/json': { schema: ref(name) } });

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const cachedRead = (description: string, name: SchemaName) => ({
  description,
  headers: {
    ETag: { $ref: '#/components/headers/ETag' },
    'Cache-Control': { $ref: '#/components/headers/Cache-Control' },
  },
  content: jsonContent(name),
});

const idParam = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: ref('Id'),
});

const query = (name: string, description: string, schema: object) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

const limitParam = query('limit', 'Page size.', { type: 'integer', minimum: 1, maximum: 100, default: 20 });
const cursorParam = query('cursor', 'Opaque cursor from the previous page’s `nextCursor`.', {
  type: 'string',
  maxLength: 200,
});

const readErrors = {
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
  '401': problem('Sign-in required, or a malformed `Authorization` header: offer the portal’s sign-in.'),
  '403': problem('The consultation or poll is not open.'),
  '404': problem('No such resource.'),
  '413': problem('Body larger than 64 KB.'),
  '415': problem('Body is not `application/json` in UTF-8.'),
  '422': problem('This `Idempotency-Key` was already used with a different body (`…:idempotency-key-reused`).'),
  '429': {
    ...problem('Too many comments from this participant or address; retry after the given delay.'),
    headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } },
  },
};

const writeErrors = (codes: string[], extra: Record<string, object> = {}) => ({
  ...Object.fromEntries(codes.map((code) => [code, writeError[code]!])),
  ...extra,
});

const adminSecurity = [{ admin: [] }];

/** Admin answers: 401 without the admin token, 403 with a wrong one. */
const adminErrors = (codes: string[], extra: Record<string, object> = {}) => ({
  '401': problem('No admin token (`Authorization: Bearer <admin token>`).'),
  '403': problem('Wrong admin token.'),
  ...Object.fromEntries(codes.map((code) => [code, writeError[code]!])),
  ...extra,
});

const written = (description: string, name: SchemaName) => ({ description, content: jsonContent(name) });

const participantHeaders = [
  { $ref: '#/components/parameters/SharekParticipant' },
];
const idempotencyHeader = { $ref: '#/components/parameters/IdempotencyKey' };

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.1',
    info: {
      title: 'Sharek portal API',
      version: '1',
      description:
        'The contract between the Sharek web components and an e-participation portal. ' +
        'JSON over HTTPS, UTF-8, camelCase, times as ISO 8601 with offset. Errors are ' +
        '`application/problem+json` (RFC 9457). Reads carry `ETag` and `Cache-Control` and revalidate ' +
        'with `If-None-Match`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/api', description: 'The reference portal' }],
    security: [{}, { bearer: [] }],
    paths: {
      '/v1/consultations': {
        get: {
          operationId: 'listConsultations',
          summary: 'List consultations, most recently opened first',
          parameters: [
            query('status', 'Only consultations in this status.', ref('ConsultationStatus')),
            query('agency', 'Only consultations of this agency.', ref('Id')),
            cursorParam,
            limitParam,
          ],
          responses: { '200': cachedRead('One page of consultations.', 'ConsultationPage'), ...readErrors },
        },
      },
      '/v1/consultations/{id}': {
        get: {
          operationId: 'getConsultation',
          summary: 'A consultation',
          parameters: [idParam('Consultation id.')],
          responses: { '200': cachedRead('The consultation.', 'Consultation'), ...readErrors },
        },
      },
      '/v1/consultations/{id}/comments': {
        get: {
          operationId: 'listComments',
          summary: 'Published comments, newest first',
          parameters: [
            idParam('Consultation id.'),
            query('section', 'Only comments on this section (article).', ref('Id')),
            cursorParam,
            limitParam,
          ],
          responses: { '200': cachedRead('One page of published comments.', 'CommentPage'), ...readErrors },
        },
        post: {
          operationId: 'createComment',
          summary: 'Submit a comment',
          description:
            'The same `Idempotency-Key` twice creates one comment and answers the same result. ' +
            'With pre-moderation the comment is `pending` until a moderator publishes it.',
          parameters: [idParam('Consultation id.'), idempotencyHeader, ...participantHeaders],
          requestBody: { required: true, content: jsonContent('NewComment') },
          responses: {
            '201': {
              description: 'Stored (on disk). A replay of the same key answers the same.',
              content: jsonContent('CommentAccepted'),
            },
            ...writeErrors(['400', '401', '403', '404', '413', '415', '422', '429'], {
              '409': problem(
                'The usage policy changed (`…:policy-changed`): `currentPolicyVersion` says which version to show and accept.',
              ),
            }),
          },
        },
      },
      '/v1/comments/{id}/reports': {
        post: {
          operationId: 'reportComment',
          summary: 'Report a published comment to the moderators',
          parameters: [idParam('Comment id.'), ...participantHeaders],
          requestBody: { required: true, content: jsonContent('Report') },
          responses: {
            '202': { description: 'Received; a second report by the same participant changes nothing. No body.' },
            ...writeErrors(['400', '401', '404', '413', '415']),
            '404': problem('No such comment, or it is not published.'),
          },
        },
      },
      '/v1/polls/{id}': {
        get: {
          operationId: 'getPoll',
          summary: 'A poll, with results when visible to the caller',
          description:
            'Answers that depend on the caller (`myVote`, results after voting) are ' +
            '`Cache-Control: private` and vary on `Sharek-Participant` and `Authorization`.',
          parameters: [idParam('Poll id.'), ...participantHeaders],
          responses: { '200': cachedRead('The poll.', 'Poll'), ...readErrors },
        },
      },
      '/v1/polls/{id}/votes': {
        post: {
          operationId: 'vote',
          summary: 'Vote once',
          parameters: [idParam('Poll id.'), idempotencyHeader, ...participantHeaders],
          requestBody: { required: true, content: jsonContent('Vote') },
          responses: {
            '201': {
              description: 'The poll with `myVote`, and results where visible. A replay of the same key answers 201 again.',
              content: jsonContent('Poll'),
            },
            ...writeErrors(['400', '401', '403', '404', '413', '415', '422'], {
              '409': problem('This participant has already voted (`…:already-voted`).'),
            }),
          },
        },
      },
      '/v1/consultations/{id}/decision': {
        get: {
          operationId: 'getDecision',
          summary: 'The published decision',
          parameters: [idParam('Consultation id.')],
          responses: {
            '200': cachedRead('The decision.', 'Decision'),
            ...readErrors,
            '404': problem('No such consultation, or no decision published yet.'),
          },
        },
      },
      '/v1/policy': {
        get: {
          operationId: 'getPolicy',
          summary: 'The usage policy, current or a given version',
          parameters: [query('version', 'A past or current version.', { type: 'string', maxLength: 32 })],
          responses: { '200': cachedRead('The usage policy.', 'UsagePolicy'), ...readErrors },
        },
      },
      '/admin/v1/comments': {
        get: {
          operationId: 'adminListComments',
          summary: 'Comments in any status, oldest first, with report counts',
          security: adminSecurity,
          parameters: [
            query('status', 'Only comments in this status.', ref('CommentStatus')),
            query('consultation', 'Only comments on this consultation.', ref('Id')),
            query('limit', 'At most this many.', { type: 'integer', minimum: 1, maximum: M.MAX_LIST, default: 100 }),
          ],
          responses: { '200': written('The comments.', 'AdminCommentList'), ...adminErrors(['400']) },
        },
      },
      '/admin/v1/comments/{id}/approve': {
        post: {
          operationId: 'adminApproveComment',
          summary: 'Publish a comment (no body needed)',
          security: adminSecurity,
          parameters: [idParam('Comment id.')],
          responses: { '200': written('The comment, now published.', 'AdminComment'), ...adminErrors(['400', '404', '415']) },
        },
      },
      '/admin/v1/comments/{id}/reject': {
        post: {
          operationId: 'adminRejectComment',
          summary: 'Reject a comment with a reason from the usage policy',
          security: adminSecurity,
          parameters: [idParam('Comment id.')],
          requestBody: { required: true, content: jsonContent('Rejection') },
          responses: {
            '200': written('The comment, now rejected.', 'AdminComment'),
            ...adminErrors(['400', '404', '413', '415']),
          },
        },
      },
      '/admin/v1/comments/{id}/reply': {
        post: {
          operationId: 'adminReplyToComment',
          summary: 'Set the agency’s reply, shown under the published comment',
          security: adminSecurity,
          parameters: [idParam('Comment id.')],
          requestBody: { required: true, content: jsonContent('Reply') },
          responses: { '200': written('The comment with its reply.', 'AdminComment'), ...adminErrors(['400', '404', '413', '415']) },
        },
      },
      '/admin/v1/reports': {
        get: {
          operationId: 'adminListReports',
          summary: 'Reported comments with their reports, most reported first',
          security: adminSecurity,
          parameters: [query('consultation', 'Only comments on this consultation.', ref('Id'))],
          responses: { '200': written('The reported comments.', 'ReportList'), ...adminErrors(['400']) },
        },
      },
      '/admin/v1/consultations/{id}/decision': {
        post: {
          operationId: 'adminPublishDecision',
          summary: 'Publish the decision of a closed consultation',
          description:
            'A Decision without `consultationId`; `publishedAt` defaults to now and `feedback` to the ' +
            'counts of the published comments. Refused with 409 while the consultation is upcoming or open, ' +
            'and once a decision is published (it is a public record and is not replaced).',
          security: adminSecurity,
          parameters: [idParam('Consultation id.')],
          requestBody: { required: true, content: jsonContent('NewDecision') },
          responses: {
            '201': written('The published decision.', 'Decision'),
            ...adminErrors(['400', '404', '413', '415'], {
              '409': problem('The consultation is not closed yet, or already has a decision.'),
            }),
          },
        },
      },
      '/v1/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1 document.', content: { 'application/json': {} } } },
        },
      },
    },
    components: {
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
          description: 'A signed-in person’s token, supplied by the host page.',
        },
        admin: {
          type: 'http',
          scheme: 'bearer',
          description: 'The moderators’ token (`SHAREK_ADMIN_TOKEN`); only for `/admin/v1/…`.',
        },
      },
    },
  };
}
