/**
 * The contract as an OpenAPI 3.1 document, generated from the same zod
 * schemas the widget and the portal use, so the three cannot drift apart.
 * Only the paths, parameters and prose are written here; the schemas and the
 * pieces paths share are in openapi-parts.ts.
 */
import * as M from './moderation.js';
import {
  adminErrors,
  adminSecurity,
  cachedRead,
  components,
  cursorParam,
  idempotencyHeader,
  idParam,
  jsonContent,
  limitParam,
  participantHeaders,
  problem,
  query,
  readErrors,
  ref,
  writeErrors,
  written,
} from './openapi-parts.js';

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
            'With pre-moderation the comment is `pending` until a moderator publishes it; so is a comment that seems ' +
            'to hold personal data (a phone number, an email address, a national number, a street address), whatever the moderation.',
          parameters: [idParam('Consultation id.'), idempotencyHeader, ...participantHeaders],
          requestBody: { required: true, content: jsonContent('NewComment') },
          responses: {
            '201': {
              description: 'Stored (on disk). A replay of the same key answers the same.',
              content: jsonContent('CommentAccepted'),
            },
            ...writeErrors(['400', '401', '403', '404', '413', '415', '422', '429', '503'], {
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
            '202': {
              description:
                'Received; a second report by the same participant changes nothing, and more reports of the comment from one ' +
                'address count once. No body.',
            },
            ...writeErrors(['400', '401', '404', '413', '415', '429', '503']),
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
            ...writeErrors(['400', '401', '403', '404', '413', '415', '422', '429', '503'], {
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
      '/admin/v1/me': {
        get: {
          operationId: 'adminMe',
          summary: 'Who this credential is (the console’s sign-in check), and the agency’s response time',
          description:
            '`responseTimeHours` is the agency’s target for answering a queued item (`SHAREK_RESPONSE_HOURS`, 72 by default).',
          security: adminSecurity,
          responses: { '200': written('The moderator’s name and the response time.', 'Me'), ...adminErrors([]) },
        },
      },
      '/admin/v1/comments': {
        get: {
          operationId: 'adminListComments',
          summary: 'Comments in any status, a page at a time, in the order of their queue',
          description:
            'Oldest first for `pending` (and without a status); most recently moderated first for `published` and ' +
            '`rejected`; with `reported=true`, most distinct reporters first (then the oldest first report), and only ' +
            'published comments unless `status` says otherwise. `nextCursor` is null on the last page.',
          security: adminSecurity,
          parameters: [
            query('status', 'Only comments in this status.', ref('CommentStatus')),
            query('consultation', 'Only comments on this consultation.', ref('Id')),
            query('section', 'Only comments on this article (section id).', ref('Id')),
            query('stakeholder', 'Only comments by this stakeholder type.', ref('StakeholderType')),
            query('reported', 'Only comments with reports not dismissed.', { type: 'string', enum: ['true', 'false'] }),
            query('limit', 'Page size.', { type: 'integer', minimum: 1, maximum: M.MAX_LIST, default: 100 }),
            query('cursor', 'The previous page’s `nextCursor`.', { type: 'string' }),
          ],
          responses: { '200': written('One page of comments.', 'AdminCommentList'), ...adminErrors(['400']) },
        },
      },
      '/admin/v1/queues': {
        get: {
          operationId: 'adminQueues',
          summary: 'How many items each queue holds, and how long the oldest has waited',
          description:
            '`pending.oldestAt` is the oldest comment awaiting moderation; `reported` counts published comments with ' +
            'reports not dismissed, and its `oldestAt` is the oldest such report.',
          security: adminSecurity,
          parameters: [query('consultation', 'Only this consultation.', ref('Id'))],
          responses: { '200': written('The queues.', 'Queues'), ...adminErrors(['400']) },
        },
      },
      '/admin/v1/comments/{id}/dismiss-reports': {
        post: {
          operationId: 'adminDismissReports',
          summary: 'Dismiss a comment’s reports as unfounded (no body needed)',
          description:
            'The reports are kept (for the audit log, `comment.dismiss-reports`) but no longer counted in `reporters` ' +
            'nor in the reported queue; reports made later count again.',
          security: adminSecurity,
          parameters: [idParam('Comment id.')],
          responses: { '200': written('The comment.', 'AdminComment'), ...adminErrors(['400', '404', '415']) },
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
          summary: 'Reject a comment, or remove a published one, with a reason from the usage policy',
          description:
            'An optional `note` (at most 500 characters) is kept with the rejection. Audited as `comment.remove` when ' +
            'the comment was published, else `comment.reject`.',
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
          summary: 'Reported comments with their latest reports, most reported first, a page at a time',
          description:
            'Most reported first by distinct participants and addresses: more reports of a comment from one address count once.',
          security: adminSecurity,
          parameters: [
            query('consultation', 'Only comments on this consultation.', ref('Id')),
            query('limit', 'Page size.', { type: 'integer', minimum: 1, maximum: M.MAX_LIMIT_REPORTS, default: 50 }),
            query('cursor', 'The previous page’s `nextCursor`.', { type: 'string' }),
          ],
          responses: { '200': written('A page of reported comments.', 'ReportList'), ...adminErrors(['400']) },
        },
      },
      '/admin/v1/audit': {
        get: {
          operationId: 'adminReadAudit',
          summary: 'The audit log, newest first: who approved, rejected, replied, published or changed what, and when',
          security: adminSecurity,
          parameters: [
            query('limit', 'Page size.', { type: 'integer', minimum: 1, maximum: 500, default: 100 }),
            query('cursor', 'The previous page’s `nextCursor`.', { type: 'string' }),
          ],
          responses: { '200': written('A page of the audit log.', 'AuditPage'), ...adminErrors(['400']) },
        },
      },
      '/admin/v1/policy': {
        post: {
          operationId: 'adminPublishPolicy',
          summary: 'Publish a new version of the usage policy',
          description:
            'A UsagePolicy without `updatedAt` (the portal’s clock). It becomes the current version and that of every ' +
            'upcoming and open consultation, whose commenters are then asked to accept it (409 policy-changed). ' +
            'A version is never replaced (409).',
          security: adminSecurity,
          requestBody: { required: true, content: jsonContent('NewPolicy') },
          responses: {
            '201': written('The published policy.', 'UsagePolicy'),
            ...adminErrors(['400', '413', '415'], { '409': problem('This version already exists.') }),
          },
        },
      },
      '/admin/v1/consultations/{id}/decision': {
        post: {
          operationId: 'adminPublishDecision',
          summary: 'Publish the decision of a closed consultation',
          description:
            'A Decision without `consultationId`, `publishedAt` and `feedback`: the portal sets `publishedAt` from its ' +
            'clock and counts `feedback` from the published comments and their participants, so what was heard cannot ' +
            'be invented or backdated (sending either is 400, code `computed`). Refused with 409 while the consultation ' +
            'is upcoming or open, and once a decision is published (it is a public record and is not replaced).',
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
      '/admin/v1/consultations/{id}/decision/preview': {
        post: {
          operationId: 'adminPreviewDecision',
          summary: 'The decision that publishing would publish now, without publishing it',
          description:
            'Takes the same body and answers the same validation errors and 409s as publishing, with the portal’s own ' +
            '`feedback` figures and clock, but saves nothing and writes no audit entry.',
          security: adminSecurity,
          parameters: [idParam('Consultation id.')],
          requestBody: { required: true, content: jsonContent('NewDecision') },
          responses: {
            '200': written('The decision as it would be published.', 'Decision'),
            ...adminErrors(['400', '404', '413', '415'], {
              '409': problem('The consultation is not closed yet, or already has a decision.'),
            }),
          },
        },
      },
      '/admin/v1/consultations/{id}/report': {
        get: {
          operationId: 'adminFeedbackReport',
          summary: 'The feedback report of a closed consultation, as JSON',
          description:
            'Every comment received, oldest first, with its article, stakeholder type, date and moderation outcome: ' +
            'published comments in full with the agency’s reply; rejected and unmoderated ones without their text or ' +
            'name (they were never public). `counts` are of published comments, by article (the draft as a whole first, ' +
            'then every article in order) and stakeholder type. With the decision once one is published. Refused (409) ' +
            'while the consultation is upcoming or open.',
          security: adminSecurity,
          parameters: [idParam('Consultation id.')],
          responses: {
            '200': written('The report.', 'FeedbackReport'),
            ...adminErrors(['400', '404'], { '409': problem('The consultation is upcoming or open.') }),
          },
        },
      },
      '/admin/v1/consultations/{id}/report.csv': {
        get: {
          operationId: 'adminFeedbackReportCsv',
          summary: 'The feedback report as CSV for a spreadsheet, one row per comment',
          description:
            'UTF-8 with a byte order mark (so spreadsheets read Arabic as Arabic), CRLF line ends, RFC 4180 quoting, a ' +
            'header row in `lang`. A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed ' +
            'with `\'` so that a spreadsheet does not run it as a formula. Sent as an attachment named ' +
            '`<id>-feedback-report.csv`. Refused (409) while the consultation is upcoming or open.',
          security: adminSecurity,
          parameters: [
            idParam('Consultation id.'),
            query('lang', 'The language of the header and labels.', { type: 'string', enum: ['ar', 'en'], default: 'ar' }),
          ],
          responses: {
            '200': {
              description: 'The report as CSV.',
              headers: { 'Content-Disposition': { description: '`attachment; filename="<id>-feedback-report.csv"`', schema: { type: 'string' } } },
              content: { 'text/csv; charset=utf-8': { schema: { type: 'string' } } },
            },
            ...adminErrors(['400', '404'], { '409': problem('The consultation is upcoming or open.') }),
          },
        },
      },
      '/v1/embed-check': {
        get: {
          operationId: 'checkEmbedding',
          summary: 'Whether the asking page’s origin may use this API',
          description:
            'Answers any origin (`Access-Control-Allow-Origin: *`, no credentials) whether its `Origin` is one ' +
            'of the portal’s embedding origins, so a widget whose requests failed can tell a site that still ' +
            'has to be allowed from a network failure. Only yes or no about the asking origin: the list is never ' +
            'disclosed. A request without `Origin` (same-origin, or not from a browser page) is `true`: CORS ' +
            'does not restrict it. `Cache-Control: no-store`.',
          responses: { '200': written('Whether this origin may embed.', 'EmbedCheck') },
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
    components: components(),
  };
}
