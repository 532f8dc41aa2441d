// Two accessibility engines on every state of the card, in both languages:
// axe, and beside it IBM Equal Access (accessibility-checker-engine), run in
// the page, offline. It walks shadow roots (checked below: it
// reports on elements inside them), unlike HTML_CodeSniffer. Its violations
// fail the test; its "potential violations" and recommendations need a
// person's judgement and are not failures here.
import { expect } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import { CARD_STATES } from './card-states.js';

interface AceResult {
  ruleId: string;
  reasonId: string;
  value: [string, string];
  path: { dom: string };
  message: string;
  snippet: string;
}
interface AceChecker {
  check(root: Node, policies: string[]): Promise<{ results: AceResult[] }>;
}
declare global {
  interface Window {
    ace?: { Checker: new () => AceChecker };
  }
}

/** The engine's browser build, as a classic script: it sets `window.ace` and fetches nothing. */
function loadEngine(): Promise<void> {
  if (window.ace) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/accessibility-checker-engine/ace.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('the engine did not load'));
    document.head.append(script);
  });
}

/** The engine's findings on `root`: violations (fail) and every result (to see where it looked). */
async function check(root: Element) {
  const requests = performance.getEntriesByType('resource').length;
  const { results } = await new window.ace!.Checker().check(root, ['IBM_Accessibility']);
  // Nothing fetched while checking: it runs offline, in the page.
  expect(performance.getEntriesByType('resource').length - requests, 'requests made by the engine').to.equal(0);
  const violations = results
    .filter((r) => r.value[0] === 'VIOLATION' && r.value[1] === 'FAIL')
    .map((r) => `${r.ruleId}/${r.reasonId}: ${r.message}\n    at ${r.path.dom}\n    ${r.snippet}`);
  return { results, violations };
}

before(loadEngine);

for (const lang of ['ar', 'en'] as const) {
  describe(`axe and IBM Equal Access on the card, in ${lang}`, () => {
    for (const [state, show] of Object.entries(CARD_STATES)) {
      it(`${state}: no violations from either`, async () => {
        const { el, restore } = await show(lang);
        try {
          await expect(el).to.be.accessible();
          const { results, violations } = await check(el.parentElement!);
          // It looked inside the shadow roots, not at the host alone.
          expect(results.some((r) => r.path.dom.includes('#document-fragment')), 'results inside the shadow DOM').to.equal(true);
          expect(violations, violations.join('\n')).to.deep.equal([]);
        } finally {
          restore();
        }
      });
    }
  });
}
