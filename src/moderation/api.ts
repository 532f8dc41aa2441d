/**
 * The admin API the console uses (`/admin/v1` under the portal's base URL),
 * with the moderator's credential. The credential lives only in this object,
 * which lives only in the element: never in storage, a cookie or the URL.
 *
 * The schemas accept the contract's answers and ignore fields they do not
 * know; the fields added with the console (issue 14) are optional here, so an
 * older portal still works, with less shown.
 */
import * as z from 'zod/mini';
import { PortalClient, validate } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import { DateTime, Decision, Id, ReportReason, StakeholderType } from '../api/schemas.js';

export const QueueName = z.enum(['pending', 'reported', 'published', 'rejected']);
export type QueueName = z.infer<typeof QueueName>;
export const QUEUES: readonly QueueName[] = ['pending', 'reported', 'published', 'rejected'];

export const Me = z.object({ moderator: z.string(), responseTimeHours: z.int() });

export const AdminComment = z.object({
  id: Id,
  consultationId: Id,
  consultationTitle: z.optional(z.record(z.string(), z.string())),
  sectionId: z.optional(Id),
  sectionTitle: z.optional(z.record(z.string(), z.string())),
  body: z.string(),
  displayName: z.optional(z.string()),
  stakeholderType: StakeholderType,
  status: z.enum(['pending', 'published', 'rejected']),
  createdAt: DateTime,
  moderatedAt: z.optional(DateTime),
  moderatedBy: z.optional(z.string()),
  rejectionReason: z.optional(ReportReason),
  rejectionNote: z.optional(z.string()),
  reply: z.optional(z.object({ body: z.string(), createdAt: DateTime, by: z.optional(z.string()) })),
  reports: z.optional(z.int()),
  reporters: z.optional(z.int()),
  firstReportedAt: z.optional(DateTime),
  lastReportedAt: z.optional(DateTime),
  reportReasons: z.optional(z.partialRecord(ReportReason, z.int())),
  heldFor: z.optional(z.array(z.string())),
  heldFound: z.optional(z.array(z.string())),
});
export type AdminComment = z.infer<typeof AdminComment>;

const CommentList = z.object({ items: z.array(AdminComment), nextCursor: z.optional(z.nullable(z.string())) });

const Queue = z.object({ count: z.int(), oldestAt: z.optional(z.nullable(DateTime)) });
export const Queues = z.object({
  responseTimeHours: z.int(),
  queues: z.object({ pending: Queue, reported: Queue, published: Queue, rejected: Queue }),
});
export type Queues = z.infer<typeof Queues>;

const Counts = z.record(z.string(), z.int());
export const FeedbackReport = z.object({
  consultation: z.object({ id: Id, title: z.record(z.string(), z.string()), status: z.string(), opensAt: DateTime, closesAt: DateTime }),
  generatedAt: DateTime,
  decision: z.optional(Decision),
  comments: z.array(
    z.object({
      id: Id,
      sectionId: z.optional(z.nullable(Id)),
      sectionNumber: z.optional(z.nullable(z.string())),
      sectionTitle: z.optional(z.nullable(z.record(z.string(), z.string()))),
      stakeholderType: StakeholderType,
      displayName: z.optional(z.nullable(z.string())),
      createdAt: DateTime,
      body: z.optional(z.string()),
      status: z.string(),
      rejectionReason: z.optional(z.nullable(z.string())),
      moderatedAt: z.optional(z.nullable(DateTime)),
      reply: z.optional(z.nullable(z.object({ body: z.string(), createdAt: DateTime }))),
    }),
  ),
  counts: z.object({
    byArticle: z.array(
      z.object({ sectionId: z.nullable(z.string()), number: z.optional(z.nullable(z.string())), title: z.record(z.string(), z.string()), byStakeholderType: Counts, total: z.int() }),
    ),
    total: z.int(),
  }),
});
export type FeedbackReport = z.infer<typeof FeedbackReport>;

/** What the decision form sends: a Decision without what the portal sets itself. */
export type DecisionDraft = Omit<Decision, 'consultationId' | 'publishedAt' | 'feedback'>;

export interface Filters {
  consultation?: string;
  section?: string;
  stakeholder?: string;
}

const enc = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  const s = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return s ? `?${s}` : '';
}

/** True for the answers that mean "this credential does not (or no longer) sign in". */
export const signedOut = (e: unknown) => e instanceof ApiError && (e.status === 401 || e.status === 403);

export class AdminClient {
  private readonly portal: PortalClient;
  readonly #credential: string;

  constructor(base: string, credential: string) {
    // A client of its own: the shared one caches answers by ETag, and these depend on the credential.
    this.portal = new PortalClient(base);
    this.#credential = credential;
  }

  private async call<T extends z.ZodMiniType>(method: string, path: string, schema: T, body?: unknown): Promise<z.infer<T>> {
    const res = await this.send(method, path, body);
    return validate(schema, await res.json(), `${method} ${path}`);
  }

  private send(method: string, path: string, body?: unknown): Promise<Response> {
    return this.portal.send(method, `/admin/v1${path}`, { headers: { Authorization: `Bearer ${this.#credential}` }, body });
  }

  me() {
    return this.call('GET', '/me', Me);
  }

  comments(queue: QueueName, filters: Filters, cursor?: string, limit = 20) {
    const q = queue === 'reported' ? { reported: 'true' } : { status: queue };
    return this.call('GET', `/comments${query({ ...q, consultation: filters.consultation, section: filters.section, stakeholder: filters.stakeholder, cursor, limit: String(limit) })}`, CommentList);
  }

  queues(consultation?: string) {
    return this.call('GET', `/queues${query({ consultation })}`, Queues);
  }

  approve(id: string) {
    return this.call('POST', `/comments/${enc(id)}/approve`, AdminComment);
  }

  reject(id: string, reason: ReportReason, note?: string) {
    return this.call('POST', `/comments/${enc(id)}/reject`, AdminComment, { reason, ...(note ? { note } : {}) });
  }

  reply(id: string, body: string) {
    return this.call('POST', `/comments/${enc(id)}/reply`, AdminComment, { body });
  }

  dismissReports(id: string) {
    return this.call('POST', `/comments/${enc(id)}/dismiss-reports`, AdminComment);
  }

  previewDecision(consultation: string, draft: DecisionDraft) {
    return this.call('POST', `/consultations/${enc(consultation)}/decision/preview`, Decision, draft);
  }

  publishDecision(consultation: string, draft: DecisionDraft) {
    return this.call('POST', `/consultations/${enc(consultation)}/decision`, Decision, draft);
  }

  report(consultation: string) {
    return this.call('GET', `/consultations/${enc(consultation)}/report`, FeedbackReport);
  }

  /** The report as a file (CSV or JSON), fetched with the credential: a plain link could not send it. */
  async reportFile(consultation: string, format: 'csv' | 'json', lang: string): Promise<Blob> {
    const path = `/consultations/${enc(consultation)}/${format === 'csv' ? `report.csv?lang=${enc(lang)}` : 'report'}`;
    return (await this.send('GET', path)).blob();
  }
}
