/**
 * The personal-data warning: what the form found (src/comment-form/personal-data.ts)
 * and the choice to edit the comment or send it as it is. A warning, never a
 * block: the person decides.
 */
import { html } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '../shared/heading.js';
import { msg } from '../shared/localize.js';
import type { PersonalDataFinding } from './personal-data.js';

export function renderWarning(findings: PersonalDataFinding[], headingLevel: number, choose: { edit: () => void; send: () => void }) {
  const sub = headingTag(headingLevel, 1);
  // An alert, focused when shown: a screen reader says its name and what was found before the choice.
  return html`<div part="warning" class="warning" role="alert" tabindex="-1" aria-labelledby="warning-title">
    ${staticHtml`<${sub} class="subheading" id="warning-title">${msg('Your comment may contain personal data')}</${sub}>`}
    <p>
      ${msg(
        'The usage policy asks you not to publish personal data such as names, phone numbers, e-mail or home addresses, so that nobody can be contacted or identified through the comments. We found:',
      )}
    </p>
    <ul>
      ${findings.map((f) => html`<li>${personalDataLabel(f.kind)}: <q dir="auto">${f.match}</q></li>`)}
    </ul>
    <p>${msg('You can remove it, or send the comment as it is.')}</p>
    <div class="warning-actions">
      <button type="button" class="secondary" @click=${choose.edit}>${msg('Edit my comment')}</button>
      <button type="button" @click=${choose.send}>${msg('Send anyway')}</button>
    </div>
  </div>`;
}

function personalDataLabel(kind: PersonalDataFinding['kind']): string {
  return {
    email: () => msg('An e-mail address'),
    phone: () => msg('A phone number'),
    'national-id': () => msg('What looks like a national number'),
    address: () => msg('What looks like a street or postal address'),
  }[kind]();
}
