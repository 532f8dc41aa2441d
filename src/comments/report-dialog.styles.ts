import { css } from 'lit';

/** The report dialog (in the top layer, but still inside the list's shadow root). */
export const styles = css`
  dialog {
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.25);
    inline-size: min(36rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    overflow: auto;
    font-family: var(--_font);
    line-height: 1.6;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  dialog:focus {
    outline: none;
  }
  dialog h2 {
    font-size: 1.25em;
    margin-block: 0 calc(var(--_space) * 0.5);
  }
  .excerpt {
    margin: 0 0 var(--_space);
    padding-block: calc(var(--_space) * 0.5);
    padding-inline: var(--_space);
    border-inline-start: 4px solid var(--_border);
    background: var(--_subtle);
    max-block-size: 8rem;
    overflow: auto;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
    padding-block: calc(var(--_space) * 0.5);
    padding-inline: var(--_space);
  }
  fieldset[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  legend {
    font-weight: 700;
    padding-inline: calc(var(--_space) * 0.25);
  }
  .reason {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.5);
    min-block-size: 44px;
    padding-block: calc(var(--_space) * 0.5);
    cursor: pointer;
  }
  .reason input {
    margin: 0.3em 0 0;
    inline-size: 1.2em;
    block-size: 1.2em;
    flex: none;
    accent-color: var(--_accent);
  }
  .reason input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
    margin-block: calc(var(--_space) * 0.25);
  }
  .field-label {
    display: block;
    font-weight: 700;
    margin-block-end: calc(var(--_space) * 0.25);
  }
  textarea {
    display: block;
    inline-size: 100%;
    resize: vertical;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9375em;
    margin-block: calc(var(--_space) * 0.25) var(--_space);
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin-block-start: var(--_space);
  }
  @media (forced-colors: active) {
    fieldset[aria-invalid='true'] {
      border-color: CanvasText;
    }
    dialog {
      border: 2px solid CanvasText;
    }
  }
`;
