/**
 * The feedback report of a closed consultation: what the agency publishes
 * beside its decision (Istitlaa's report of the steps taken, GOV.UK's summary
 * of responses). Every comment received with its article, stakeholder type,
 * date and moderation outcome; published ones in full with the agency's
 * reply, rejected and unmoderated ones without their text (it was never
 * public); and the published comments counted by article × stakeholder type.
 *
 * As JSON (`GET /admin/v1/consultations/{id}/report`) and as CSV for a
 * spreadsheet (`…/report.csv`, `npm run portal -- report`): UTF-8 with a BOM
 * so that spreadsheets read the Arabic as Arabic, CRLF line ends and RFC 4180
 * quoting, and cells a spreadsheet would run as a formula made inert.
 */
import * as z from 'zod/mini';
import {
  ConsultationStatus,
  DateTime,
  Decision,
  Id,
  LocalizedText,
  ReportReason,
  StakeholderType,
  type Decision as DecisionT,
  type LocalizedText as LocalizedTextT,
  type ReportReason as ReportReasonT,
  type StakeholderType as StakeholderTypeT,
} from '../src/api/schemas.js';
import { CONSULTATION_STATUS_SQL, type Db } from './db.js';
import { badRequest, notFound, ProblemError } from './http.js';
import { CommentStatus } from './moderation.js';
import { parseJson, type CommentRow, type ConsultationRow, type DecisionRow, type SectionRow, type WithStatus } from './rows.js';

const count = z.int().check(z.nonnegative());

export const ReportComment = z.object({
  id: Id,
  sectionId: z.optional(Id),
  /** The article's number in the draft ("1", "2 bis"). */
  sectionNumber: z.optional(z.string()),
  sectionTitle: z.optional(LocalizedText),
  stakeholderType: StakeholderType,
  /** Published comments only, where the person gave one. */
  displayName: z.optional(z.string()),
  createdAt: DateTime,
  /** Published comments only: a rejected or unmoderated comment was never public. */
  body: z.optional(z.string()),
  status: CommentStatus,
  rejectionReason: z.optional(ReportReason),
  moderatedAt: z.optional(DateTime),
  /** The agency's reply, on published comments. */
  reply: z.optional(z.object({ body: z.string(), createdAt: DateTime })),
});

export const ArticleCounts = z.object({
  /** null: comments on the draft as a whole. */
  sectionId: z.nullable(Id),
  number: z.nullable(z.string()),
  title: LocalizedText,
  byStakeholderType: z.record(StakeholderType, count),
  total: count,
});

export const FeedbackReport = z.object({
  consultation: z.object({ id: Id, title: LocalizedText, status: ConsultationStatus, opensAt: DateTime, closesAt: DateTime }),
  generatedAt: DateTime,
  decision: z.optional(Decision),
  /** Every comment received, oldest first. */
  comments: z.array(ReportComment),
  /** Published comments: the draft as a whole first, then each article in the draft's order, every one listed. */
  counts: z.object({ byArticle: z.array(ArticleCounts), total: count }),
});

export type FeedbackReport = z.infer<typeof FeedbackReport>;
export type ReportComment = z.infer<typeof ReportComment>;

const WHOLE_DRAFT: LocalizedTextT = { ar: 'المسودة كاملة', en: 'The draft as a whole' };

const zeroes = () => Object.fromEntries(StakeholderType.options.map((t) => [t, 0])) as Record<StakeholderTypeT, number>;

/**
 * The report of a closed or decided consultation. 404 when there is no such
 * consultation; 409 while it is upcoming or open (comments still come in).
 * `fileUrl` makes a seed's relative document path absolute.
 */
export function feedbackReport(db: Db, consultationId: string, now: Date, fileUrl: (path: string) => string): FeedbackReport {
  if (!Id.safeParse(consultationId).success) throw badRequest('id', 'invalid', 'Malformed consultation id.');
  return db.transaction((): FeedbackReport => {
    const c = db
      .prepare(`SELECT id, title, opens_at, closes_at, ${CONSULTATION_STATUS_SQL} AS status FROM consultations c WHERE id = :id`)
      .get({ id: consultationId, now: now.getTime() }) as (Pick<ConsultationRow, 'id' | 'title' | 'opens_at' | 'closes_at'> & WithStatus) | undefined;
    if (!c) throw notFound(`No consultation ${consultationId}.`);
    if (c.status === 'upcoming' || c.status === 'open') {
      throw new ProblemError(409, `The consultation is ${c.status} until ${c.closes_at}; its report is made once it has closed.`);
    }
    const sections = db
      .prepare('SELECT id, number, title FROM sections WHERE consultation_id = ? ORDER BY position')
      .all(consultationId) as Pick<SectionRow, 'id' | 'number' | 'title'>[];
    const sectionById = new Map(sections.map((s) => [s.id, { number: s.number, title: parseJson<LocalizedTextT>(s.title) }]));
    const rows = db
      .prepare(
        `SELECT id, section_id, stakeholder_type, display_name, created_at, body, status, rejection_reason, moderated_at,
          reply_body, reply_created_at
         FROM comments WHERE consultation_id = ? ORDER BY created_at, id`,
      )
      .all(consultationId) as Pick<
      CommentRow,
      | 'id'
      | 'section_id'
      | 'stakeholder_type'
      | 'display_name'
      | 'created_at'
      | 'body'
      | 'status'
      | 'rejection_reason'
      | 'moderated_at'
      | 'reply_body'
      | 'reply_created_at'
    >[];

    const articles = [
      { sectionId: null, number: null, title: WHOLE_DRAFT, byStakeholderType: zeroes(), total: 0 },
      ...sections.map((s) => ({ sectionId: s.id, number: s.number, title: sectionById.get(s.id)!.title, byStakeholderType: zeroes(), total: 0 })),
    ];
    const comments: ReportComment[] = rows.map((m) => {
      const section = m.section_id !== null ? sectionById.get(m.section_id) : undefined;
      const shown = m.status === 'published';
      if (shown) {
        const article = articles.find((a) => a.sectionId === m.section_id) ?? articles[0]!;
        article.byStakeholderType[m.stakeholder_type] += 1;
        article.total += 1;
      }
      return {
        id: m.id,
        ...(m.section_id !== null ? { sectionId: m.section_id } : {}),
        ...(section ? { sectionNumber: section.number, sectionTitle: section.title } : {}),
        stakeholderType: m.stakeholder_type,
        ...(shown && m.display_name !== null ? { displayName: m.display_name } : {}),
        createdAt: m.created_at,
        ...(shown ? { body: m.body } : {}),
        status: m.status,
        ...(m.status === 'rejected' && m.rejection_reason ? { rejectionReason: m.rejection_reason } : {}),
        ...(m.moderated_at !== null ? { moderatedAt: m.moderated_at } : {}),
        ...(shown && m.reply_body !== null && m.reply_created_at !== null ? { reply: { body: m.reply_body, createdAt: m.reply_created_at } } : {}),
      };
    });

    const d = db.prepare('SELECT * FROM decisions WHERE consultation_id = ?').get(consultationId) as DecisionRow | undefined;
    const decision: DecisionT | undefined = d && {
      consultationId,
      publishedAt: d.published_at,
      outcome: d.outcome,
      summary: parseJson(d.summary),
      changes: parseJson(d.changes),
      feedback: parseJson(d.feedback),
      responses: parseJson(d.responses),
      ...(d.document_path ? { documentUrl: fileUrl(d.document_path) } : {}),
    };
    return FeedbackReport.parse({
      consultation: { id: c.id, title: parseJson(c.title), status: c.status, opensAt: c.opens_at, closesAt: c.closes_at },
      generatedAt: now.toISOString(),
      ...(decision ? { decision } : {}),
      comments,
      counts: { byArticle: articles, total: articles.reduce((n, a) => n + a.total, 0) },
    });
  })();
}

export const REPORT_LANGUAGES = ['ar', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const COLUMNS: Record<ReportLanguage, string[]> = {
  ar: [
    'رقم التعليق',
    'المادة',
    'فئة المشارك',
    'الاسم',
    'تاريخ الإرسال (UTC)',
    'الحالة',
    'سبب الرفض',
    'تاريخ المراجعة (UTC)',
    'التعليق',
    'رد الجهة',
    'تاريخ الرد (UTC)',
  ],
  en: [
    'Comment ID',
    'Article',
    'Stakeholder type',
    'Name',
    'Submitted (UTC)',
    'Status',
    'Rejection reason',
    'Moderated (UTC)',
    'Comment',
    'Agency reply',
    'Replied (UTC)',
  ],
};

const STAKEHOLDERS: Record<ReportLanguage, Record<StakeholderTypeT, string>> = {
  ar: {
    individual: 'فرد',
    private_sector: 'القطاع الخاص',
    civil_society: 'المجتمع المدني',
    academia: 'الأوساط الأكاديمية',
    government: 'جهة حكومية',
  },
  en: {
    individual: 'Individual',
    private_sector: 'Private sector',
    civil_society: 'Civil society',
    academia: 'Academia',
    government: 'Government',
  },
};

const STATUSES: Record<ReportLanguage, Record<ReportComment['status'], string>> = {
  ar: { published: 'منشور', rejected: 'مرفوض', pending: 'لم تتم مراجعته' },
  en: { published: 'Published', rejected: 'Rejected', pending: 'Not moderated' },
};

const ARTICLE: Record<ReportLanguage, (number: string, title: string) => string> = {
  ar: (n, title) => `المادة ${n}: ${title}`,
  en: (n, title) => `Article ${n}: ${title}`,
};

/** The text in this language, else in the other one the portal has. */
const inLanguage = (text: LocalizedTextT, lang: ReportLanguage) => text[lang] ?? text[lang === 'ar' ? 'en' : 'ar'] ?? Object.values(text)[0] ?? '';

/** `2025-03-01 09:00` (UTC): a form spreadsheets read as a date and time. */
const spreadsheetTime = (iso: string | undefined) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '');

/**
 * One CSV cell. A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would run as a formula in a spreadsheet (OWASP's CSV injection), so
 * it gets a leading `'`; then RFC 4180 quoting where needed.
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/**
 * The report as CSV: a BOM, a header row in `lang`, one row per comment,
 * CRLF after every row. `reasonLabels` are the usage policy's labels of the
 * report reasons (a rejection's reason is one of them).
 */
export function reportCsv(report: FeedbackReport, lang: ReportLanguage, reasonLabels: Partial<Record<string, LocalizedTextT>> = {}): string {
  const rows = [COLUMNS[lang]];
  for (const m of report.comments) {
    const article =
      m.sectionTitle && m.sectionNumber !== undefined
        ? ARTICLE[lang](m.sectionNumber, inLanguage(m.sectionTitle, lang))
        : inLanguage(WHOLE_DRAFT, lang);
    const reason = m.rejectionReason ? (reasonLabels[m.rejectionReason] ? inLanguage(reasonLabels[m.rejectionReason]!, lang) : m.rejectionReason) : '';
    rows.push([
      m.id,
      article,
      STAKEHOLDERS[lang][m.stakeholderType],
      m.displayName ?? '',
      spreadsheetTime(m.createdAt),
      STATUSES[lang][m.status],
      reason,
      spreadsheetTime(m.moderatedAt),
      m.body ?? '',
      m.reply?.body ?? '',
      spreadsheetTime(m.reply?.createdAt),
    ]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Each reason's label where the usage policy has none for it (the reference seed's wording). */
const REASONS: Record<ReportReasonT, LocalizedTextT> = {
  security_or_privacy: { ar: 'يمثّل تهديداً للأمن أو للخصوصية', en: 'Threatens security or privacy' },
  offensive_language: { ar: 'يتضمن لغة غير لائقة أو مسيئة', en: 'Inappropriate or offensive language' },
  privacy_of_others: { ar: 'ينتهك خصوصية الآخرين', en: 'Violates the privacy of others' },
  unlawful: { ar: 'يخالف القوانين والأنظمة النافذة', en: 'Breaks the law' },
  incitement_or_indecency: { ar: 'تحريضي أو خادش للحياء أو مبتذل', en: 'Inciting, indecent or vulgar' },
  spam_or_advertising: { ar: 'رسائل غير مرغوب فيها أو ترويج تجاري', en: 'Spam or commercial promotion' },
  hate_or_discrimination: { ar: 'عنصري أو متحيّز على أساس العرق أو الدين', en: 'Racist, or prejudiced on grounds of race or religion' },
  partisan_campaigning: { ar: 'دعاية حزبية أو حملات سياسية', en: 'Partisan or political campaigning' },
  off_topic: { ar: 'خارج موضوع المشاورة', en: 'Off topic' },
  other: { ar: 'سبب آخر', en: 'Other' },
};

/** The label of each report reason: the current usage policy's, else the built-in one. */
export function reasonLabelsOf(db: Db): Partial<Record<string, LocalizedTextT>> {
  const row = db.prepare('SELECT report_reasons FROM policy_versions ORDER BY updated_at DESC, rowid DESC LIMIT 1').get() as
    | { report_reasons: string }
    | undefined;
  const reasons = row ? parseJson<{ code: string; label: LocalizedTextT }[]>(row.report_reasons) : [];
  return { ...REASONS, ...Object.fromEntries(reasons.map((r) => [r.code, r.label])) };
}

/** `?lang=` (or `--lang`): `ar` unless `en` is asked for; anything else is 400. */
export function reportLanguageOf(raw: string | undefined): ReportLanguage {
  if (raw === undefined || raw === '') return 'ar';
  if ((REPORT_LANGUAGES as readonly string[]).includes(raw)) return raw as ReportLanguage;
  throw badRequest('lang', 'invalid', 'lang is ar or en.');
}

/** The file name a download suggests. */
export const reportFileName = (consultationId: string) => `${consultationId}-feedback-report.csv`;
