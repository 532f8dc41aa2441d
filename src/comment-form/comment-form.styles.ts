import { css } from 'lit';

export const styles = css`
  :host {
    --_warning: var(--sharek-warning, #8a5a00);
    /* The room held from the start (the README's host rule gives the same), so the page does not jump when the form arrives. */
    min-block-size: var(--sharek-form-min-height, 10rem);
  }
  form,
  .confirmation,
  .closed {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.25);
  }
  /* By class, not tag: the level follows heading-level. */
  .heading {
    font-size: 1.3em;
    margin-block: 0 var(--_space);
  }
  .subheading,
  .rich h3 {
    font-size: 1.1em;
    margin-block: 0 calc(var(--_space) * 0.5);
  }
  .field {
    margin-block: 0 calc(var(--_space) * 1.25);
  }
  .field.invalid {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: calc(var(--_space) * 0.75);
  }
  fieldset {
    border: 0;
    padding: 0;
    margin-inline: 0;
  }
  legend,
  label {
    font-weight: 600;
  }
  .choice label {
    font-weight: 400;
  }
  .hint {
    color: var(--_muted);
    margin-block: calc(var(--_space) * 0.25);
  }
  textarea,
  input:not([type]),
  select {
    display: block;
    inline-size: 100%;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 2px solid var(--_text);
    border-radius: calc(var(--_radius) / 2);
    padding: calc(var(--_space) * 0.5);
  }
  textarea {
    min-block-size: 10rem;
    resize: vertical;
  }
  .invalid :is(textarea, input:not([type])) {
    border-color: var(--_danger);
  }
  .count {
    color: var(--_muted);
    margin-block: calc(var(--_space) * 0.25) 0;
  }
  .count.over {
    color: var(--_danger);
    font-weight: 600;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    min-block-size: 44px;
  }
  .choice input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
    flex: none;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
    margin-block: calc(var(--_space) * 0.25);
  }
  .policy {
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .rules {
    margin-block: 0 calc(var(--_space) * 0.5);
    padding-inline-start: 1.25em;
  }
  details {
    margin-block-end: calc(var(--_space) * 0.75);
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
    min-block-size: 44px;
    display: list-item;
    padding-block: calc(var(--_space) * 0.5);
  }
  .error-summary {
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block-end: calc(var(--_space) * 1.25);
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  .warning {
    border: 3px solid var(--_warning);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block-end: calc(var(--_space) * 1.25);
  }
  .warning q {
    font-weight: 600;
  }
  .warning-actions,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    align-items: center;
  }
  .actions .hint {
    flex: 1 1 16rem;
  }
  .progress p {
    margin-block: 0 var(--_space);
  }
  .progress .status:empty {
    display: none;
  }
  .progress .status + .countdown {
    margin-block-start: calc(var(--_space) * -0.75);
  }
  .failure {
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block-end: var(--_space);
  }
  .failure p {
    margin: 0;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .confirmation .heading:focus,
  .error-summary:focus,
  .failure:focus,
  .warning:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .field.invalid,
    .error-summary,
    .failure,
    .warning {
      border-color: CanvasText;
    }
  }
`;
