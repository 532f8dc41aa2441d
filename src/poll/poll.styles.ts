import { css } from 'lit';

export const styles = css`
  :host {
    /* The room held from the start (the README's host rule gives the same), so the page does not jump when the poll arrives. */
    min-block-size: var(--sharek-poll-min-height, 15rem);
  }
  .poll {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  /* The badge is the card's (statusStyles), with one more state. */
  .status.voted {
    color: var(--_accent);
    background: var(--_surface);
  }
  .when {
    color: var(--_muted);
    font-weight: normal;
  }
  .question {
    font-weight: 700;
    font-size: 1.1em;
    line-height: 1.45;
    margin: 0 0 calc(var(--_space) * 0.5);
    padding: 0;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .hint {
    margin: 0 0 calc(var(--_space) * 0.5);
    color: var(--_muted);
  }
  .options {
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  .option {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    min-block-size: 44px;
    padding-block: calc(var(--_space) * 0.25);
    padding-inline: calc(var(--_space) * 0.5);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .option:hover {
    background: var(--_subtle);
  }
  .option input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
    margin-block: calc(var(--_space) * 0.5) 0;
  }
  .actions {
    margin-block: calc(var(--_space) * 0.75) 0;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  form .error {
    margin-block-start: calc(var(--_space) * 0.75);
  }
  .message {
    margin-block: calc(var(--_space) * 0.5);
    font-weight: 600;
  }
  .message:empty {
    margin: 0;
  }
  /* Focus moves here after a vote: it must show where it is. */
  .message:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .options-list,
  .my-vote ul {
    margin-block: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
    padding-inline-start: 1.25em;
  }
  .my-vote p,
  .results-label {
    margin: calc(var(--_space) * 0.75) 0 calc(var(--_space) * 0.25);
    font-weight: 600;
  }
  .results ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .result {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    align-items: baseline;
  }
  .result.chosen .result-text {
    font-weight: 700;
  }
  .mine {
    display: inline-block;
    margin-inline-start: calc(var(--_space) * 0.5);
    font-size: 0.85em;
    font-weight: 600;
    color: var(--_accent);
  }
  .numbers {
    color: var(--_muted);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .note {
    color: var(--_muted);
    margin-block: calc(var(--_space) * 0.75) 0;
  }
  @media (forced-colors: active) {
    .fill {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
