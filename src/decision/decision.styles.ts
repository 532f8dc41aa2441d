import { css } from 'lit';

export const styles = css`
  :host {
    /* The room held from the start (the README's host rule gives the same): about the notice's size before a decision. */
    min-block-size: var(--sharek-decision-min-height, 8rem);
  }
  .decision {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--_accent);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.25);
  }
  .heading {
    font-size: 1.4em;
    line-height: 1.35;
    margin: 0 0 calc(var(--_space) * 0.25);
  }
  .subheading {
    font-size: 1.1em;
    margin-block: calc(var(--_space) * 1.5) calc(var(--_space) * 0.5);
  }
  .published,
  .feedback,
  .chart-label,
  .numbers {
    color: var(--_muted);
  }
  .published {
    margin-block: 0 var(--_space);
  }
  .rich :first-child {
    margin-block-start: 0;
  }
  .rich :is(ul, ol) {
    padding-inline-start: 1.5em;
  }
  .changes {
    margin: 0;
    padding-inline-start: 1.5em;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .where {
    display: block;
    font-weight: 600;
  }
  .feedback {
    font-weight: 600;
    margin-block: 0 calc(var(--_space) * 0.75);
  }
  .chart-label {
    margin-block: 0 calc(var(--_space) * 0.25);
    font-size: 0.9375em;
  }
  .chart {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .row {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: calc(var(--_space) * 0.125) calc(var(--_space) * 0.75);
    align-items: baseline;
  }
  .numbers {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .responses {
    margin: 0;
  }
  .responses dt {
    font-weight: 700;
    margin-block-start: calc(var(--_space) * 0.75);
  }
  .responses dd {
    margin-inline-start: 0;
    padding-inline-start: calc(var(--_space) * 0.75);
    border-inline-start: 3px solid var(--_border);
  }
  .document {
    margin-block: calc(var(--_space) * 1.25) 0;
    font-weight: 600;
  }
  .pending p {
    margin-block-end: 0;
  }
  @media (forced-colors: active) {
    .fill {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
