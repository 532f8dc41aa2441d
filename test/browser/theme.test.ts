// The README's two ministries' looks, made only with custom properties, stay accessible.
import { expect, fixture, html } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import './register.js';
import type { SharekConsultation } from '../../src/consultation/consultation.js';
import { consultation } from './fixtures.js';

const looks = {
  green: { '--sharek-accent': '#00594f', '--sharek-radius': '14px', '--sharek-space': '1.125rem' },
  dark: {
    '--sharek-surface': '#15191c',
    '--sharek-subtle': '#22282c',
    '--sharek-text': '#e8eaed',
    '--sharek-muted': '#aab4bc',
    '--sharek-border': '#3a4349',
    '--sharek-accent': '#f0a3b5',
    '--sharek-accent-text': '#2a0a12',
    '--sharek-danger': '#ff8a80',
    '--sharek-focus': '#9ec5ff',
    '--sharek-radius': '0',
  },
};

for (const [name, look] of Object.entries(looks)) {
  for (const lang of ['ar', 'en'] as const) {
    it(`the ${name} ministry's look is applied and accessible (${lang})`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div>
        <sharek-consultation lang=${lang} .data=${consultation('open', { pollIds: [] })} participation="none"></sharek-consultation>
      </div>`);
      host.style.background = name === 'dark' ? '#0d1012' : '#ffffff';
      host.style.padding = '1rem';
      const el = host.querySelector('sharek-consultation') as SharekConsultation;
      for (const [k, v] of Object.entries(look)) el.style.setProperty(k, v);
      await el.updateComplete;
      const card = el.shadowRoot!.querySelector('[part~=card]')!;
      const style = getComputedStyle(card);
      expect(style.borderTopLeftRadius).to.equal(name === 'dark' ? '0px' : '14px');
      if (name === 'dark') expect(style.backgroundColor).to.equal('rgb(21, 25, 28)');
      if (name === 'green') expect(getComputedStyle(el.shadowRoot!.querySelector('[part~=status]')!).backgroundColor).to.equal('rgb(0, 89, 79)');
      await expect(el).to.be.accessible();
    });
  }
}
