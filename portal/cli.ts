/**
 * Moderation at a terminal, on the portal's SQLite file (SHAREK_DB, else
 * .data/portal.sqlite), safe to use while the portal runs (WAL, busy timeout):
 *
 *   npm run portal -- <command> [arguments] [--json]
 *
 * The same functions as the admin routes (moderation.ts). Every change is
 * written to the audit log as the moderator named by `--as <name>` (or
 * SHAREK_MODERATOR), else as `terminal:<account>`. Exit status: 0 done,
 * 1 refused (unknown comment, invalid input, wrong state), 2 usage error.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ReportReason } from '../src/api/schemas.js';
import { openDatabase, type Db } from './db.js';
import { isEntryPoint } from './entry.js';
import { ProblemError } from './http.js';
import {
  approveComment,
  dismissReports,
  listComments,
  listReports,
  publishDecision,
  queueSummary,
  rejectComment,
  replyToComment,
  type AdminComment,
  type ReportedComment,
} from './moderation.js';
import { addModerator, listModerators, readAudit, revokeModerator, terminalActor } from './moderators.js';
import { publishPolicy } from './policy.js';
import { DEFAULT_RESPONSE_HOURS, settingsFrom } from './settings.js';
import { feedbackReport, reasonLabelsOf, reportCsv, reportLanguageOf } from './report.js';

const HELP = `Sharek portal moderation (database: $SHAREK_DB or .data/portal.sqlite)

Usage: npm run portal -- <command> [arguments] [--json] [--as <moderator>]

  pending [consultationId]                 comments awaiting moderation, oldest first
                                           (with why a comment was held: personal data)
  approve <commentId>                      publish a comment
  reject <commentId> <reason> [note]       reject a comment, or remove a published one, with
                                           an optional note (≤ 500 characters); reason is one of:
                                           ${ReportReason.options.join(', ')}
  dismiss-reports <commentId>              dismiss a comment's reports as unfounded (kept,
                                           no longer counted; later reports count again)
  queues [consultationId]                  how many comments wait in each queue, and since when
  reply <commentId> <text>                 set the agency's reply shown under the comment
  reports [consultationId]                 reported comments with their reasons
  publish-decision <consultationId> <decision.json>
                                           publish the decision of a closed consultation
                                           (a Decision without consultationId, publishedAt
                                           and feedback: the portal sets those)
  report <consultationId> [--format csv|json] [--lang ar|en] [--out file]
                                           the feedback report of a closed consultation:
                                           every comment and its outcome, counts by article
                                           and stakeholder type; CSV (UTF-8 with BOM, for a
                                           spreadsheet; header in --lang, default ar) or JSON;
                                           to the file given, else printed
  publish-policy <policy.json>             publish a new usage policy version (a UsagePolicy
                                           without updatedAt); upcoming and open
                                           consultations move to it
  moderator add <name>                     make a moderator's credential (printed once,
                                           stored hashed); creates the database if needed
  moderator revoke <name>                  revoke a moderator's credential
  moderator list                           moderators and whether their credential is valid
  audit [limit]                            who did what and when, newest first (default 50)
  help                                     this text

--json prints the result as JSON instead of text.
--as <moderator> (or SHAREK_MODERATOR) names who acts in the audit log; otherwise
the account running the command, as terminal:<account>.
`;

class UsageError extends Error {}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  now?: () => Date;
}

/** Runs one command; returns the exit status. Exported for the tests. */
export function runCli(argv: string[], io: CliIo): number {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const as = args.indexOf('--as');
  const actorName = as >= 0 ? args.splice(as, 2)[1] : io.env.SHAREK_MODERATOR;
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  const dbPath = io.env.SHAREK_DB || '.data/portal.sqlite';
  let db: Db | undefined;
  try {
    const run = commands[command];
    if (!run) throw new UsageError(`unknown command "${command}"`);
    // Where a decision's seeded document lives, for the report: the public URL the portal runs at.
    publicBase = io.env.SHAREK_PUBLIC_URL || `http://localhost:${io.env.PORT || 8080}`;
    responseHours = settingsFrom(io.env).responseTimeHours;
    // Never create an empty database by mistake: the portal makes (and in development seeds) it on first start.
    // A production database starts with its first moderator, made before the first start.
    const creates = command === 'moderator' && rest[0] === 'add';
    if (!existsSync(dbPath) && !creates) throw new ProblemError(404, `no database at ${dbPath}; start the portal once, or set SHAREK_DB`);
    db = openDatabase(dbPath);
    const who = terminalActor(db, actorName);
    const result = run(db, rest, (io.now ?? (() => new Date()))(), who);
    io.out(json ? JSON.stringify(result.value, null, 2) : result.text);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\n\n${HELP}`);
      return 2;
    }
    if (error instanceof ProblemError) {
      io.err(`error: ${error.detail ?? error.message}`);
      for (const e of error.errors ?? []) io.err(`  ${e.field}: ${e.code}`);
      return 1;
    }
    io.err(`error: ${(error as Error).message}`);
    return 1;
  } finally {
    db?.close();
  }
}

type Command = (db: Db, args: string[], now: Date, who: string) => { text: string; value: unknown };

let publicBase = 'http://localhost:8080';
let responseHours = DEFAULT_RESPONSE_HOURS;

/** Takes `--name value` out of args; undefined when absent, a usage error when the value is missing. */
function option(args: string[], name: string, usage: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`usage: npm run portal -- ${usage}`);
  args.splice(i, 2);
  return value;
}

function want(args: string[], min: number, max: number, usage: string): void {
  if (args.length < min || args.length > max) throw new UsageError(`usage: npm run portal -- ${usage}`);
}

const commands: Record<string, Command> = {
  pending(db, args) {
    want(args, 0, 1, 'pending [consultationId]');
    const items: AdminComment[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page = listComments(db, { status: 'pending', consultationId: args[0], limit: 500, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    }
    return { value: items, text: items.length ? items.map(describe).join('\n\n') : 'No comments awaiting moderation.' };
  },
  approve(db, args, now, who) {
    want(args, 1, 1, 'approve <commentId>');
    const c = approveComment(db, args[0]!, now, who);
    return { value: c, text: `Published ${c.id}.` };
  },
  reject(db, args, now, who) {
    if (args.length < 2) throw new UsageError('usage: npm run portal -- reject <commentId> <reason> [note]');
    // The note may come as several words when not quoted.
    const note = args.slice(2).join(' ');
    const c = rejectComment(db, args[0]!, { reason: args[1], ...(note ? { note } : {}) }, now, who);
    return { value: c, text: `Rejected ${c.id} (${c.rejectionReason}${c.rejectionNote ? `: ${c.rejectionNote}` : ''}).` };
  },
  'dismiss-reports'(db, args, now, who) {
    want(args, 1, 1, 'dismiss-reports <commentId>');
    const c = dismissReports(db, args[0]!, now, who);
    return { value: c, text: `Dismissed the reports of ${c.id}; ${c.reports} kept for the audit, none counted.` };
  },
  queues(db, args, now) {
    want(args, 0, 1, 'queues [consultationId]');
    const q = queueSummary(db, args[0], responseHours);
    const waited = (at: string | null) => (at ? `, oldest since ${at} (${Math.floor((now.getTime() - Date.parse(at)) / 3_600_000)} h)` : '');
    const text = [
      `awaiting moderation  ${q.queues.pending.count}${waited(q.queues.pending.oldestAt)}`,
      `reported             ${q.queues.reported.count}${waited(q.queues.reported.oldestAt)}`,
      `published            ${q.queues.published.count}`,
      `rejected             ${q.queues.rejected.count}`,
      `response time        ${q.responseTimeHours} h (SHAREK_RESPONSE_HOURS)`,
    ].join('\n');
    return { value: q, text };
  },
  reply(db, args, now, who) {
    if (args.length < 2) throw new UsageError('usage: npm run portal -- reply <commentId> <text>');
    // The text may come as several words when not quoted.
    const c = replyToComment(db, args[0]!, { body: args.slice(1).join(' ') }, now, who);
    return { value: c, text: `Replied to ${c.id}${c.status === 'published' ? '' : ` (shown once the comment is published; it is ${c.status})`}.` };
  },
  reports(db, args) {
    want(args, 0, 1, 'reports [consultationId]');
    const items: ReportedComment[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page = listReports(db, { consultationId: args[0], limit: 100, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    }
    const text = items
      .map(
        ({ comment, reports }) =>
          `${describe(comment)}\n  reports:\n` +
          reports.map((r) => `    - ${r.reason} (${r.createdAt})${r.note ? `: ${oneLine(r.note)}` : ''}`).join('\n'),
      )
      .join('\n\n');
    return { value: items, text: text || 'No reported comments.' };
  },
  'publish-decision'(db, args, now, who) {
    want(args, 2, 2, 'publish-decision <consultationId> <decision.json>');
    const d = publishDecision(db, args[0]!, readJson(args[1]!), now, who);
    return { value: d, text: `Published the decision on ${d.consultationId}: ${d.outcome}, ${d.publishedAt}.` };
  },
  report(db, args, now) {
    const usage = 'report <consultationId> [--format csv|json] [--lang ar|en] [--out file]';
    const format = option(args, '--format', usage) ?? 'csv';
    const lang = reportLanguageOf(option(args, '--lang', usage));
    const out = option(args, '--out', usage);
    want(args, 1, 1, usage);
    if (format !== 'csv' && format !== 'json') throw new UsageError(`usage: npm run portal -- ${usage}`);
    const report = feedbackReport(db, args[0]!, now, (path) => new URL(path, `${publicBase.replace(/\/+$/, '')}/api/`).href);
    const content = format === 'csv' ? reportCsv(report, lang, reasonLabelsOf(db)) : `${JSON.stringify(report, null, 2)}\n`;
    if (out === undefined) return { value: report, text: content.replace(/\r?\n$/, '') };
    writeFileSync(out, content);
    const shown = report.comments.filter((c) => c.status === 'published').length;
    return {
      value: { file: out, format, comments: report.comments.length, published: shown },
      text: `Wrote the feedback report of ${report.consultation.id} (${report.comments.length} comments, ${shown} published) to ${out}.`,
    };
  },
  'publish-policy'(db, args, now, who) {
    want(args, 1, 1, 'publish-policy <policy.json>');
    const p = publishPolicy(db, readJson(args[0]!), now, who);
    return { value: p, text: `Published usage policy version ${p.version} (${p.updatedAt}).` };
  },
  moderator(db, args, now, who) {
    const [sub, name] = args;
    if (sub === 'list' && args.length === 1) {
      const items = listModerators(db);
      const text = items.map((m) => `${m.name}  since ${m.createdAt}${m.revokedAt ? `  REVOKED ${m.revokedAt}` : ''}`).join('\n');
      return { value: items, text: text || 'No moderators yet: npm run portal -- moderator add <name>' };
    }
    if (sub === 'add' && name !== undefined && args.length === 2) {
      const m = addModerator(db, name, now, who);
      const text =
        `Moderator "${m.name}" made. Their credential, shown this once (only its hash is kept):\n\n  ${m.token}\n\n` +
        'They send it as "Authorization: Bearer <credential>" to /api/admin/v1/…, or use this CLI with --as.';
      return { value: m, text };
    }
    if (sub === 'revoke' && name !== undefined && args.length === 2) {
      revokeModerator(db, name, now, who);
      return { value: { name, revoked: true }, text: `Revoked the credential of "${name}".` };
    }
    throw new UsageError('usage: npm run portal -- moderator add <name> | revoke <name> | list');
  },
  audit(db, args) {
    want(args, 0, 1, 'audit [limit]');
    const limit = args[0] === undefined ? 50 : Number(args[0]);
    const { items } = readAudit(db, { limit });
    const text = items
      .map((e) => `${e.at}  ${e.moderator}  ${e.action}${e.subject ? ` ${e.subject}` : ''}${e.detail !== undefined ? `  ${oneLine(JSON.stringify(e.detail))}` : ''}`)
      .join('\n');
    return { value: items, text: text || 'The audit log is empty.' };
  },
};

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ProblemError(400, `cannot read ${path} as JSON: ${(error as Error).message}`);
  }
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function describe(c: AdminComment): string {
  const where = c.sectionId ? `, on ${c.sectionId}` : '';
  const who = c.displayName ? `${c.displayName}, ${c.stakeholderType}` : c.stakeholderType;
  const lines = [
    `${c.id}  [${c.status}]  ${c.consultationId}${where}`,
    `  ${c.createdAt}  ${who}  reports: ${c.reports}`,
    ...(c.heldFor ? [`  held for a moderator: it seems to contain personal data (${c.heldFor.join(', ')})`] : []),
    ...c.body.split('\n').map((l) => `  | ${l}`),
  ];
  if (c.reply) lines.push(`  reply (${c.reply.createdAt}): ${oneLine(c.reply.body)}`);
  return lines.join('\n');
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
  });
}
