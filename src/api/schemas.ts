/**
 * The portal API contract, version 1, as zod schemas.
 *
 * One source of truth: the browser client validates every answer with these,
 * the reference portal validates every request and shapes every answer with
 * them, and the OpenAPI document is generated from them. Written with
 * `zod/mini` so the browser bundle stays small (about 18 KB gzip less than
 * full zod).
 */
import * as z from 'zod/mini';

/** Identifiers in paths: short, URL-safe, never anything a router could misread. */
export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));

/** ISO 8601 with an offset, as the contract says. */
export const DateTime = z.iso.datetime({ offset: true });

/** Only http(s): a `javascript:` or `data:` URL never reaches an `href`. */
export const HttpUrl = z.url({ protocol: /^https?$/, hostname: /^[^\s/]+$/ });

const LanguageTag = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'invalid language tag'));

const nonEmpty = z.refine((o: unknown) => Object.keys(o as object).length > 0, 'needs at least one language');

/** Text a person reads, per language: `{"ar": "…", "en": "…"}`. */
export const LocalizedText = z.record(LanguageTag, z.string()).check(nonEmpty);
/** Rich text from the portal's editors: sanitised before it reaches the DOM. */
export const LocalizedHtml = z.record(LanguageTag, z.string()).check(nonEmpty);

export const StakeholderType = z.enum(['individual', 'private_sector', 'civil_society', 'academia', 'government']);
export const ConsultationKind = z.enum(['legislation', 'policy', 'service', 'general']);
export const ConsultationStatus = z.enum(['upcoming', 'open', 'closed', 'decided']);

export const Agency = z.object({
  id: Id,
  name: LocalizedText,
  url: z.optional(HttpUrl),
  logoUrl: z.optional(HttpUrl),
});

export const Participation = z.object({
  comments: z.int().check(z.nonnegative()),
  participants: z.int().check(z.nonnegative()),
});

export const Section = z.object({
  id: Id,
  number: z.string().check(z.maxLength(16)),
  title: LocalizedText,
  body: LocalizedHtml,
});

export const ConsultationDocument = z.object({
  title: LocalizedText,
  url: HttpUrl,
  mediaType: z.string().check(z.regex(/^[\w.+-]+\/[\w.+-]+$/, 'invalid media type')),
  sizeBytes: z.optional(z.int().check(z.nonnegative())),
  lang: z.optional(LanguageTag),
});

export const Commenting = z.object({
  enabled: z.boolean(),
  signInRequired: z.boolean(),
  maxLength: z.int().check(z.positive()),
  moderation: z.enum(['pre', 'post']),
  policyVersion: z.string().check(z.minLength(1)),
  /** Extension to the contract: people may sign comments with a display name. */
  displayNameAllowed: z.optional(z.boolean()),
  /** Extension to the contract: where a person signs in on the portal (answer to 401). */
  signInUrl: z.optional(HttpUrl),
});

export const Consultation = z.object({
  id: Id,
  title: LocalizedText,
  agency: Agency,
  kind: ConsultationKind,
  status: ConsultationStatus,
  opensAt: DateTime,
  closesAt: DateTime,
  summary: LocalizedHtml,
  sections: z.array(Section),
  documents: z.array(ConsultationDocument),
  impactAssessmentUrl: z.optional(HttpUrl),
  participation: Participation,
  commenting: Commenting,
  pollIds: z.array(Id),
  portalUrl: HttpUrl,
});

export const ConsultationSummary = z.object({
  id: Id,
  title: LocalizedText,
  agency: Agency,
  kind: ConsultationKind,
  status: ConsultationStatus,
  opensAt: DateTime,
  closesAt: DateTime,
  participation: Participation,
  portalUrl: HttpUrl,
});

/** Opaque cursor for the next page, `null` on the last page. */
export const Cursor = z.nullable(z.string().check(z.maxLength(200)));

export const page = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: Cursor });

export const ConsultationPage = page(ConsultationSummary);

export const Comment = z.object({
  id: Id,
  sectionId: z.optional(Id),
  /** Plain text, never parsed as HTML. */
  body: z.string(),
  author: z.object({
    displayName: z.optional(z.string()),
    stakeholderType: StakeholderType,
  }),
  createdAt: DateTime,
  reply: z.optional(z.object({ body: z.string(), createdAt: DateTime })),
});

export const CommentPage = page(Comment);

/** Request body of `POST /v1/consultations/{id}/comments`. */
export const NewComment = z.object({
  body: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(20000, 'too_long')),
  sectionId: z.optional(Id),
  displayName: z.optional(z.string().check(z.trim(), z.maxLength(80, 'too_long'))),
  stakeholderType: StakeholderType,
  policyVersion: z.string().check(z.minLength(1, 'required'), z.maxLength(32, 'too_long')),
});

export const CommentAccepted = z.object({
  id: Id,
  status: z.enum(['pending', 'published']),
});

export const ReportReason = z.enum([
  'security_or_privacy',
  'offensive_language',
  'privacy_of_others',
  'unlawful',
  'incitement_or_indecency',
  'spam_or_advertising',
  'hate_or_discrimination',
  'partisan_campaigning',
  'off_topic',
  'other',
]);

/** Request body of `POST /v1/comments/{id}/reports`. */
export const Report = z.object({
  reason: ReportReason,
  note: z.optional(z.string().check(z.maxLength(1000, 'too_long'))),
});

export const PollStatus = z.enum(['upcoming', 'open', 'closed']);

export const Poll = z.object({
  id: Id,
  question: LocalizedText,
  options: z.array(z.object({ id: Id, label: LocalizedText })),
  maxChoices: z.int().check(z.positive()),
  opensAt: DateTime,
  closesAt: DateTime,
  status: PollStatus,
  resultsVisibility: z.enum(['always', 'after_vote', 'after_close']),
  results: z.optional(
    z.object({
      totalVoters: z.int().check(z.nonnegative()),
      counts: z.record(Id, z.int().check(z.nonnegative())),
    }),
  ),
  myVote: z.optional(z.array(Id)),
});

/** Request body of `POST /v1/polls/{id}/votes`. */
export const Vote = z.object({
  optionIds: z.array(Id).check(z.minLength(1, 'required'), z.maxLength(50, 'too_many')),
});

export const DecisionOutcome = z.enum(['adopted', 'amended', 'withdrawn', 'postponed']);

export const Decision = z.object({
  consultationId: Id,
  publishedAt: DateTime,
  outcome: DecisionOutcome,
  summary: LocalizedHtml,
  changes: z.array(z.object({ sectionId: z.optional(Id), description: LocalizedText })),
  feedback: z.object({
    comments: z.int().check(z.nonnegative()),
    participants: z.int().check(z.nonnegative()),
    byStakeholderType: z.partialRecord(StakeholderType, z.int().check(z.nonnegative())),
  }),
  responses: z.array(z.object({ theme: LocalizedText, response: LocalizedText })),
  documentUrl: z.optional(HttpUrl),
});

export const UsagePolicy = z.object({
  version: z.string().check(z.minLength(1)),
  updatedAt: DateTime,
  text: LocalizedHtml,
  rules: z.array(LocalizedText),
  reportReasons: z.array(z.object({ code: ReportReason, label: LocalizedText })),
});

/** `application/problem+json` (RFC 9457). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ field: z.string(), code: z.string() }))),
  /** Extension member of the `…/policy-changed` 409: the version to show and accept now. */
  currentPolicyVersion: z.optional(z.string()),
});

/**
 * `GET /v1/embed-check`: whether the asking page's origin may use the API
 * (is one of the portal's embedding origins). Any origin may ask; the list
 * itself is never disclosed.
 */
export const EmbedCheck = z.object({ allowed: z.boolean() });

export type LocalizedText = z.infer<typeof LocalizedText>;
export type StakeholderType = z.infer<typeof StakeholderType>;
export type ConsultationStatus = z.infer<typeof ConsultationStatus>;
export type Consultation = z.infer<typeof Consultation>;
export type ConsultationSummary = z.infer<typeof ConsultationSummary>;
export type Section = z.infer<typeof Section>;
export type ConsultationDocument = z.infer<typeof ConsultationDocument>;
export type Comment = z.infer<typeof Comment>;
export type CommentPage = z.infer<typeof CommentPage>;
export type ConsultationPage = z.infer<typeof ConsultationPage>;
export type NewComment = z.infer<typeof NewComment>;
export type CommentAccepted = z.infer<typeof CommentAccepted>;
export type ReportReason = z.infer<typeof ReportReason>;
export type Report = z.infer<typeof Report>;
export type Poll = z.infer<typeof Poll>;
export type Vote = z.infer<typeof Vote>;
export type Decision = z.infer<typeof Decision>;
export type UsagePolicy = z.infer<typeof UsagePolicy>;
export type Problem = z.infer<typeof Problem>;
export type EmbedCheck = z.infer<typeof EmbedCheck>;
