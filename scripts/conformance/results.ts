/**
 * The checks' outcomes and how they are printed: a table a person reads (one
 * line per check, the fault named) or JSON for a pipeline. A SKIP is never a
 * PASS: it says what was not checked and why.
 */
import { Unreachable } from './http.js';

export type Outcome = 'PASS' | 'FAIL' | 'SKIP';

export interface CheckResult {
  name: string;
  result: Outcome;
  /** One line: what passed, the first fault, or why it was skipped. */
  detail: string;
  /** Every fault found (FAIL only). */
  faults?: string[];
}

/** Thrown by a check that cannot run here (no --origin, no open poll…); the message says why. */
export class Skip extends Error {}

export class Results {
  readonly list: CheckResult[] = [];

  /** Runs one check: faults make it FAIL, none PASS with `passed`; Skip makes it SKIP. */
  async run(name: string, check: () => Promise<{ faults: string[]; passed: string }>): Promise<void> {
    try {
      const { faults, passed } = await check();
      if (faults.length === 0) this.list.push({ name, result: 'PASS', detail: passed });
      else this.list.push({ name, result: 'FAIL', detail: oneLine(faults), faults });
    } catch (error) {
      if (error instanceof Skip) this.list.push({ name, result: 'SKIP', detail: `skipped: ${error.message}` });
      else if (error instanceof Unreachable) this.list.push({ name, result: 'FAIL', detail: error.message, faults: [error.message] });
      else {
        // A bug in the kit, not a fault of the portal: said as such, and the other checks still run.
        const message = `the check itself failed (a bug in sharek-conformance, please report it): ${error instanceof Error ? error.message : String(error)}`;
        this.list.push({ name, result: 'FAIL', detail: message, faults: [message] });
      }
    }
  }

  skip(name: string, why: string): void {
    this.list.push({ name, result: 'SKIP', detail: `skipped: ${why}` });
  }

  counts(): Record<Outcome, number> {
    const counts = { PASS: 0, FAIL: 0, SKIP: 0 };
    for (const r of this.list) counts[r.result]++;
    return counts;
  }

  summary(): string {
    const c = this.counts();
    return `${this.list.length} checks: ${c.PASS} passed, ${c.FAIL} failed, ${c.SKIP} skipped`;
  }

  table(): string {
    const nameWidth = Math.max(5, ...this.list.map((r) => r.name.length));
    const lines = [`${'check'.padEnd(nameWidth)}  result  detail`, `${'-'.repeat(nameWidth)}  ------  ------`];
    for (const r of this.list) lines.push(`${r.name.padEnd(nameWidth)}  ${r.result.padEnd(6)}  ${r.detail}`);
    return lines.join('\n');
  }
}

/** The first two faults on one line, and how many more there are (all of them are in --json). */
function oneLine(faults: string[]): string {
  const shown = faults.slice(0, 2).join('; ');
  return faults.length > 2 ? `${shown} (and ${faults.length - 2} more)` : shown;
}

/** `1 poll`, `3 polls`: the output is English. */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
