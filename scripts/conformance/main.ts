/**
 * `npx sharek-conformance <api-base> [--origin <origin>] [--write-consultation <id>] [--json]`:
 * checks a portal against the Sharek API contract, version 1, and prints a
 * table of checks. Exit 0 when none failed, 1 when one did, 2 on a usage error.
 *
 * Built by scripts/build-conformance.mjs into dist/bin/sharek-conformance.js
 * (plain JavaScript for Node 20, the contract's zod schemas bundled in).
 */
import { corsChecks } from './cors.js';
import { Portal } from './http.js';
import { readChecks } from './reads.js';
import { Results } from './results.js';
import { writeChecks } from './writes.js';

const USAGE = `Usage: sharek-conformance <api-base> [options]

Checks a portal against the Sharek API contract (version 1).
  <api-base>                   the API's base URL, e.g. https://portal.example.jo/api

Options:
  --origin <origin>            an embedding site the portal allows, e.g. https://ministry.example,
                               to check CORS for it (an unlisted origin is checked either way)
  --write-consultation <id>    an open consultation set up for testing: also check comment and vote
                               idempotency, 409 on a stale policy version, 429 with Retry-After.
                               Its comments stay on the portal.
  --rate-requests <n>          at most this many comments to reach the portal's rate limit (default 30)
  --json                       print the results as JSON
  --help                       this text

Exit status: 0 every check passed or was skipped, 1 a check failed, 2 a usage error.`;

export interface Arguments {
  base: string;
  origin?: string;
  writeConsultation?: string;
  rateRequests: number;
  json: boolean;
}

export class UsageError extends Error {}

/** The command line, or a UsageError that says what is wrong with it; null for --help. */
export function parseArguments(argv: readonly string[]): Arguments | null {
  const positional: string[] = [];
  const args: Partial<Arguments> = { json: false, rateRequests: 30 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') return null;
    else if (flag === '--json') args.json = true;
    else if (flag === '--origin') args.origin = originOf(value());
    else if (flag === '--write-consultation') {
      const id = value();
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new UsageError(`--write-consultation: "${id}" is not a consultation id`);
      args.writeConsultation = id;
    } else if (flag === '--rate-requests') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError('--rate-requests is a whole number from 1 to 1000');
      args.rateRequests = n;
    } else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else positional.push(arg);
  }
  if (positional.length === 0) throw new UsageError('give the API base URL, e.g. https://portal.example.jo/api');
  if (positional.length > 1) throw new UsageError(`one API base URL, not ${positional.length} (${positional.join(' ')})`);
  let base: URL;
  try {
    base = new URL(positional[0]!);
  } catch {
    throw new UsageError(`"${positional[0]}" is not a URL`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new UsageError(`"${positional[0]}" is not an http(s) URL`);
  if (base.search || base.hash) throw new UsageError('the API base URL takes no query nor fragment');
  args.base = base.href.replace(/\/+$/, '');
  return args as Arguments;
}

function originOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--origin: "${value}" is not an origin (e.g. https://ministry.example)`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value.replace(/\/$/, '')) {
    throw new UsageError(`--origin: "${value}" is not an origin (scheme, host and port only, e.g. https://ministry.example)`);
  }
  return url.origin;
}

export async function run(args: Arguments): Promise<Results> {
  const portal = new Portal(args.base);
  const results = new Results();
  const found = await readChecks(portal, results);
  const first = args.writeConsultation ?? found.summaries.find((s) => s.status === 'open')?.id ?? found.summaries[0]?.id;
  await corsChecks(portal, results, args.origin, first ? `/v1/consultations/${encodeURIComponent(first)}` : undefined);
  await writeChecks(portal, results, args.writeConsultation ? { consultationId: args.writeConsultation, rateRequests: args.rateRequests } : undefined);
  return results;
}

async function main(argv: readonly string[]): Promise<number> {
  let args: Arguments | null;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sharek-conformance: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args === null) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const results = await run(args);
  const failed = results.counts().FAIL > 0;
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ base: args.base, origin: args.origin ?? null, writeConsultation: args.writeConsultation ?? null, results: results.list, summary: results.counts(), passed: !failed }, null, 2)}\n`);
  } else {
    process.stdout.write(`Sharek API contract v1: ${args.base}\n\n${results.table()}\n\n${results.summary()}\n`);
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sharek-conformance: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
