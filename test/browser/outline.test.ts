// The card's outline as a screen-reader user moves through it, read from the
// accessibility tree Chromium gives assistive technology (through every
// shadow root): its headings in order, and its landmarks. In every state of
// the card and both languages: one outline under the card's title (no level
// skipped, none above the title), one region named after the consultation,
// and every landmark and form named, each name its own.
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import './register.js';
import { deepQueryAll, settled } from './deep-dom.js';
import { CARD_STATES, loaded, mountCard, seededTitle } from './card-states.js';

interface AXNode {
  role: string;
  name?: string;
  level?: number;
  children?: AXNode[];
}

/** Every node of the tree, in reading order. */
function flatten(node: AXNode, out: AXNode[] = []): AXNode[] {
  out.push(node);
  for (const child of node.children ?? []) flatten(child, out);
  return out;
}

/** Roles a screen reader lists as landmarks (a form and a region only with a name, which Chromium reflects). */
const LANDMARKS = new Set(['region', 'form', 'navigation', 'complementary', 'main', 'banner', 'contentinfo', 'search']);

interface Outline {
  headings: { level: number; name: string }[];
  landmarks: { role: string; name: string }[];
}

/**
 * What assistive technology is given for the page, which holds only `el` (the
 * test's fixture), every disclosure opened so what they hold is read too.
 * (The whole page: Puppeteer's snapshot from a chosen root starts at its
 * first node of interest, not at the root.)
 */
async function outlineOf(el: HTMLElement): Promise<Outline> {
  for (const d of deepQueryAll<HTMLDetailsElement>(el, 'details')) d.open = true;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const tree = (await a11ySnapshot({})) as unknown as AXNode;
  const nodes = flatten(tree);
  return {
    headings: nodes.filter((n) => n.role === 'heading').map((n) => ({ level: n.level ?? 0, name: n.name ?? '' })),
    landmarks: nodes.filter((n) => LANDMARKS.has(n.role)).map((n) => ({ role: n.role, name: n.name ?? '' })),
  };
}

/** The outline rules: the title first at the card's level; then never above it, never more than one level deeper than the heading before. */
function expectOneOutline({ headings }: Outline, top: number, title?: string) {
  const shown = headings.map((h) => `h${h.level} ${h.name}`).join('\n');
  if (title !== undefined) {
    expect(headings[0], `the first heading is the title:\n${shown}`).to.deep.equal({ level: top, name: title });
  }
  let previous = top - 1;
  for (const h of headings) {
    expect(h.level, `"${h.name}" climbs above the card's title (h${top}):\n${shown}`).to.be.at.least(top);
    expect(h.level, `"${h.name}" skips a level after h${previous}:\n${shown}`).to.be.at.most(previous + 1);
    previous = h.level;
  }
}

/** One region per card, named after the consultation; every landmark and form named, each its own name. */
function expectNamedLandmarks({ landmarks }: Outline, title?: string) {
  const shown = landmarks.map((l) => `${l.role} "${l.name}"`).join('\n');
  const regions = landmarks.filter((l) => l.role === 'region');
  if (title === undefined) expect(regions.length, `regions:\n${shown}`).to.be.at.most(1);
  else expect(regions, `regions:\n${shown}`).to.deep.equal([{ role: 'region', name: title }]);
  for (const l of landmarks) expect(l.name, `an unnamed ${l.role}:\n${shown}`).to.not.equal('');
  const names = landmarks.map((l) => `${l.role} ${l.name}`);
  expect(names, `landmarks sharing a name:\n${shown}`).to.deep.equal([...new Set(names)]);
}

for (const lang of ['ar', 'en'] as const) {
  describe(`the card's outline and landmarks, in ${lang}`, () => {
    for (const top of [2, 3]) {
      it(`filled (articles, documents, polls, form, comments with a reply), title at h${top}`, async () => {
        const el = await mountCard(lang, { consultation: 'e-participation-instructions', headingLevel: top });
        await loaded(el);
        const outline = await outlineOf(el);
        const name = await seededTitle('e-participation-instructions', lang);
        expectOneOutline(outline, top, name);
        expectNamedLandmarks(outline, name);
        const shown = outline.headings.map((h) => `h${h.level} ${h.name}`).join('\n');
        const level = (name: string) => outline.headings.find((h) => h.name === name)?.level;
        // Each poll is found by heading navigation: its question, under the card's "Polls".
        const questions = deepQueryAll(el, '[part~=poll]').map((p) => p.querySelector('[part~=question]')!.textContent!.trim());
        expect(questions.length, 'the card shows its polls').to.be.greaterThan(0);
        expect(level(lang === 'ar' ? 'استطلاعات الرأي' : 'Polls'), `the polls' heading:\n${shown}`).to.equal(top + 1);
        for (const q of questions) expect(level(q), `the poll "${q}" as a heading:\n${shown}`).to.equal(top + 2);
        // Each poll's form is named by its question, the comment form by its heading.
        const forms = outline.landmarks.filter((l) => l.role === 'form').map((l) => l.name);
        expect(forms).to.deep.equal([...questions, lang === 'ar' ? 'علّق على المشروع' : 'Comment on the draft']);
        // The comment form one level below the title, its policy one below it, the policy's own headings below that.
        const policy = outline.headings.findIndex((h) => h.name === (lang === 'ar' ? 'سياسة الاستخدام' : 'Usage policy'));
        expect(outline.headings[policy - 1]!.level, `the form's heading:\n${shown}`).to.equal(top + 1);
        expect(outline.headings[policy]!.level, `"Usage policy":\n${shown}`).to.equal(top + 2);
        expect(outline.headings[policy + 1]!.level, `the policy's first heading:\n${shown}`).to.equal(top + 3);
      });
    }

    for (const [state, show] of Object.entries(CARD_STATES)) {
      it(`${state}: one outline under the title, one region named after the consultation`, async () => {
        const { el, title, restore } = await show(lang);
        try {
          const outline = await outlineOf(el);
          expectOneOutline(outline, 2, title);
          expectNamedLandmarks(outline, title);
          if (state === 'comment sent') {
            const thanks = lang === 'ar' ? 'شكرًا لك على تعليقك' : 'Thank you for your comment';
            expect(outline.headings.find((h) => h.name === thanks)?.level, 'the confirmation’s heading, one below the title').to.equal(3);
          }
        } finally {
          restore();
        }
      });
    }
  });
}

describe('standalone elements keep their heading-level', () => {
  for (const [tag, attrs] of [
    ['sharek-poll', { poll: 'poll-priorities' }],
    ['sharek-comments', { consultation: 'e-participation-instructions' }],
    ['sharek-comment-form', { consultation: 'e-participation-instructions' }],
    ['sharek-decision', { consultation: 'open-data-policy-2024' }],
  ] as const) {
    it(`${tag} heading-level="4": its first heading is h4, its outline below it`, async () => {
      const holder = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
      const el = document.createElement(tag);
      el.setAttribute('api', '/api');
      el.setAttribute('heading-level', '4');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      holder.append(el);
      await settled(holder, `${tag} did not load`, 20_000);
      const outline = await outlineOf(holder);
      expect(outline.headings.length, `${tag} has a heading`).to.be.greaterThan(0);
      expect(outline.headings[0]!.level).to.equal(4);
      expectOneOutline(outline, 4);
    });
  }
});
