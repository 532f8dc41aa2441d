// Anonymous comments can be told apart by a screen-reader user: every comment's heading and
// report button has its own accessible name (who, when, which article), as Chromium computes it
// (the accessibility tree, not the markup), in both languages.
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import './register.js';
import type { Comment } from '../../src/api/schemas.js';
import type { SharekComments } from '../../src/comments/comments.js';
import { rememberReported } from '../../src/comments/reported.js';
import { participantId } from '../../src/shared/identity.js';
import { consultation } from './fixtures.js';

interface AXNode {
  role: string;
  name?: string;
  level?: number;
  children?: AXNode[];
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const individual = { stakeholderType: 'individual' as const };

const reply = { body: 'شكرًا لملاحظتك.', createdAt: minutesAgo(30) };

// Four anonymous individuals: two on article 2 in the same hour (both answered by the agency),
// one on article 1 (reported from this browser), one on the whole draft (answered); and one named
// individual on article 2 in that same hour.
const items: Comment[] = [
  { id: 'names-a', sectionId: 'art-2', body: 'أوافق على المادة.', author: individual, createdAt: minutesAgo(190), reply },
  { id: 'names-b', sectionId: 'art-2', body: 'أقترح تعديل الصياغة.', author: individual, createdAt: minutesAgo(200), reply },
  { id: 'names-c', sectionId: 'art-1', body: 'التعريفات واضحة.', author: individual, createdAt: minutesAgo(300) },
  { id: 'names-d', body: 'مشروع جيد.', author: individual, createdAt: minutesAgo(60 * 26), reply },
  { id: 'names-e', sectionId: 'art-2', body: 'ملاحظة.', author: { displayName: 'سامي', stakeholderType: 'individual' }, createdAt: minutesAgo(195) },
];

const expected = {
  ar: {
    report: /^(إبلاغ|تم الإبلاغ)/,
    c: { report: 'تم الإبلاغ عن تعليق فرد، قبل 5 ساعات، على المادة 1', heading: 'فرد (قبل 5 ساعات، على المادة 1)' },
    d: { report: 'إبلاغ عن تعليق فرد، أمس، على المشروع كاملًا', reply: 'ردّ الجهة الحكومية (على تعليق فرد، أمس)' },
    e: { report: 'إبلاغ عن تعليق سامي (فرد)، قبل 3 ساعات، على المادة 2' },
  },
  en: {
    report: /^Report/,
    c: { report: 'Reported: the comment by Individual, 5 hours ago, on article 1', heading: 'Individual (5 hours ago, on article 1)' },
    d: { report: 'Report the comment by Individual, yesterday, on the whole draft', reply: 'Reply from the agency (to the comment by Individual, yesterday)' },
    e: { report: 'Report the comment by سامي (Individual), 3 hours ago, on article 2' },
  },
} as const;

function flatten(node: AXNode | undefined, out: AXNode[] = []): AXNode[] {
  if (!node) return out;
  out.push(node);
  for (const child of node.children ?? []) flatten(child, out);
  return out;
}

const duplicates = (names: string[]) => names.filter((n, i) => names.indexOf(n) !== i);

const storageKey = `sharek:reported:${participantId()}`;
let stored: string | null;
before(() => {
  stored = localStorage.getItem(storageKey);
  rememberReported('names-c');
});
after(() => (stored === null ? localStorage.removeItem(storageKey) : localStorage.setItem(storageKey, stored)));

for (const lang of ['ar', 'en'] as const) {
  describe(`names in a list of anonymous comments, in ${lang}`, () => {
    it('every comment heading, reply heading and report button has a name of its own: who, when, which article', async () => {
      const el = await fixture<SharekComments>(
        html`<sharek-comments lang=${lang} consultation="fixture-consultation" .data=${{ items, nextCursor: null }} .sections=${consultation().sections}></sharek-comments>`,
      );
      await el.updateComplete;
      const nodes = flatten((await a11ySnapshot({ selector: 'sharek-comments' })) as unknown as AXNode);
      const want = expected[lang];

      const reports = nodes.filter((n) => n.role === 'button' && want.report.test(n.name ?? '')).map((n) => n.name!);
      expect(reports.length, JSON.stringify(reports)).to.equal(items.length);
      expect(duplicates(reports), 'report buttons with the same name').to.deep.equal([]);
      expect(reports).to.include(want.c.report);
      expect(reports).to.include(want.d.report);
      expect(reports).to.include(want.e.report);

      // The comments' headings, one level below the list's.
      const headings = nodes.filter((n) => n.role === 'heading' && n.level === 3).map((n) => n.name!);
      expect(headings.length, JSON.stringify(headings)).to.equal(items.length);
      expect(duplicates(headings), 'comment headings with the same name').to.deep.equal([]);
      expect(headings).to.include(want.c.heading);

      // The agency's replies, one level below the comments.
      const replies = nodes.filter((n) => n.role === 'heading' && n.level === 4).map((n) => n.name!);
      expect(replies.length, JSON.stringify(replies)).to.equal(3);
      expect(duplicates(replies), 'reply headings with the same name').to.deep.equal([]);
      expect(replies).to.include(want.d.reply);

      // The visible word stays the start of the name (WCAG 2.5.3, label in name).
      const visible = [...el.shadowRoot!.querySelectorAll('[part~=report]')].map((b) => b.textContent!.trim());
      for (const [i, word] of visible.entries()) expect(reports[i]!.startsWith(word)).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });
}
