/**
 * Moderation at a terminal, on the portal's SQLite file (SHAREK_DB, else
 * .data/portal.sqlite), safe to use while the portal runs (WAL, busy timeout):
 *
 *   npm run portal -- <command> [arguments] [--json]
 *
 * The same functions as the admin routes (moderation.ts). Exit status: 0 done,
 * 1 refused (unknown comment, invalid input, wrong state), 2 usage error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ReportReason } from '../src/api/schemas.js';
import { openDatabase, type Db } from './db.js';
import { isEntryPoint } from './entry.js';
import { ProblemError } from './http.js';
import {
  approveComment,
  listComments,
  listReports,
  publishDecision,
  rejectComment,
  replyToComment,
  type AdminComment,
} from './moderation.js';

const HELP = `Sharek portal moderation (database: $SHAREK_DB or .data/portal.sqlite)

Usage: npm run portal -- <command> [arguments] [--json]

  pending [consultationId]                 comments awaiting moderation, oldest first
  approve <commentId>                      publish a comment
  reject <commentId> <reason>              reject a comment; reason is one of:
                                           ${ReportReason.options.join(', ')}
  reply <commentId> <text>                 set the agency's reply shown under the comment
  reports [consultationId]                 reported comments with their reasons
  publish-decision <consultationId> <decision.json>
                                           publish the decision of a closed consultation
                                           (a Decision without consultationId; publishedAt
                                           and feedback may be left out)
  help                                     this text

--json prints the result as JSON instead of text.
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
    // Never create an empty database by mistake: the portal makes and seeds it on first start.
    if (!existsSync(dbPath)) throw new ProblemError(404, `no database at ${dbPath}; start the portal once, or set SHAREK_DB`);
    db = openDatabase(dbPath);
    const result = run(db, rest, (io.now ?? (() => new Date()))());
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

type Command = (db: Db, args: string[], now: Date) => { text: string; value: unknown };

function want(args: string[], min: number, max: number, usage: string): void {
  if (args.length < min || args.length > max) throw new UsageError(`usage: npm run portal -- ${usage}`);
}

const commands: Record<string, Command> = {
  pending(db, args) {
    want(args, 0, 1, 'pending [consultationId]');
    const items = listComments(db, { status: 'pending', consultationId: args[0], limit: 500 });
    return { value: items, text: items.length ? items.map(describe).join('\n\n') : 'No comments awaiting moderation.' };
  },
  approve(db, args, now) {
    want(args, 1, 1, 'approve <commentId>');
    const c = approveComment(db, args[0]!, now);
    return { value: c, text: `Published ${c.id}.` };
  },
  reject(db, args, now) {
    want(args, 2, 2, 'reject <commentId> <reason>');
    const c = rejectComment(db, args[0]!, { reason: args[1] }, now);
    return { value: c, text: `Rejected ${c.id} (${c.rejectionReason}).` };
  },
  reply(db, args, now) {
    if (args.length < 2) throw new UsageError('usage: npm run portal -- reply <commentId> <text>');
    // The text may come as several words when not quoted.
    const c = replyToComment(db, args[0]!, { body: args.slice(1).join(' ') }, now);
    return { value: c, text: `Replied to ${c.id}${c.status === 'published' ? '' : ` (shown once the comment is published; it is ${c.status})`}.` };
  },
  reports(db, args) {
    want(args, 0, 1, 'reports [consultationId]');
    const items = listReports(db, { consultationId: args[0] });
    const text = items
      .map(
        ({ comment, reports }) =>
          `${describe(comment)}\n  reports:\n` +
          reports.map((r) => `    - ${r.reason} (${r.createdAt})${r.note ? `: ${oneLine(r.note)}` : ''}`).join('\n'),
      )
      .join('\n\n');
    return { value: items, text: text || 'No reported comments.' };
  },
  'publish-decision'(db, args, now) {
    want(args, 2, 2, 'publish-decision <consultationId> <decision.json>');
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(args[1]!, 'utf8'));
    } catch (error) {
      throw new ProblemError(400, `cannot read ${args[1]} as JSON: ${(error as Error).message}`);
    }
    const d = publishDecision(db, args[0]!, input, now);
    return { value: d, text: `Published the decision on ${d.consultationId}: ${d.outcome}, ${d.publishedAt}.` };
  },
};

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function describe(c: AdminComment): string {
  const where = c.sectionId ? `, on ${c.sectionId}` : '';
  const who = c.displayName ? `${c.displayName}, ${c.stakeholderType}` : c.stakeholderType;
  const lines = [
    `${c.id}  [${c.status}]  ${c.consultationId}${where}`,
    `  ${c.createdAt}  ${who}  reports: ${c.reports}`,
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
