/** The console's own styles; logical properties only, so Arabic (RTL) and English (LTR) share them. */
import { css } from 'lit';

export const styles = css`
  .console {
    display: grid;
    gap: var(--_space);
  }
  .heading,
  .subheading {
    margin: 0;
    line-height: 1.3;
  }
  /* Focus moved there by the console (after signing in, a preview, an error) needs no ring; the keyboard's does. */
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }
  .status:empty {
    display: none;
  }
  .status {
    padding-block: calc(var(--_space) / 2);
    padding-inline: var(--_space);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_subtle);
  }
  .sign-in,
  .inline,
  .decision-form {
    display: grid;
    gap: calc(var(--_space) / 2);
    justify-items: start;
  }
  .decision-form label,
  .inline label {
    display: grid;
    gap: 0.25em;
    inline-size: 100%;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.4em 0.6em;
    min-block-size: 44px;
    max-inline-size: 100%;
  }
  textarea {
    inline-size: 100%;
  }
  .session,
  .filters,
  .views,
  .toolbar,
  .buttons {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0;
  }
  .filters label,
  .toolbar label {
    display: inline-grid;
    gap: 0.25em;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    accent-color: var(--_accent);
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-block-end: 2px solid var(--_border);
  }
  [role='tab'] {
    background: var(--_surface);
    color: var(--_accent);
    border-end-start-radius: 0;
    border-end-end-radius: 0;
  }
  [role='tab'][aria-selected='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .summary p,
  .summary ul {
    margin: 0;
  }
  .overdue {
    color: var(--_danger);
    font-weight: 700;
  }
  .overdue::before {
    content: '⚠ ';
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_border);
  }
  tr:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .body {
    white-space: pre-line;
    margin-block: 0.25em;
  }
  .who,
  .flag,
  .reply {
    margin: 0.25em 0;
    color: var(--_muted);
  }
  .reasons {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: start;
  }
  .error p {
    margin: 0.25em 0;
  }
  td .error {
    margin: 0.25em 0;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: grid;
    gap: calc(var(--_space) / 2);
    inline-size: 100%;
  }
  .row {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding-block-end: calc(var(--_space) / 2);
    border-block-end: 1px dashed var(--_border);
  }
  .hint {
    margin: 0;
    color: var(--_muted);
  }
  .done {
    font-weight: 700;
  }
  .preview {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .counts td,
  .counts th {
    font-variant-numeric: tabular-nums;
  }
  @media (forced-colors: active) {
    [role='tab'][aria-selected='true'] {
      border-block-end: 4px solid CanvasText;
    }
  }
  @media print {
    .session,
    .filters,
    .views,
    .status,
    .no-print,
    .heading {
      display: none;
    }
    .report table {
      font-size: 10pt;
    }
    .report tr {
      break-inside: avoid;
    }
  }
`;
