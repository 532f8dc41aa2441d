import { css } from 'lit';

export const styles = css`
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.25);
    /* Reserve room for the card (with its draft it is rarely shorter) so the host page does not jump when data arrives. */
    min-block-size: var(--sharek-card-min-height, 40rem);
  }
  /* By part and class, not tag: the levels follow heading-level. */
  [part~='title'] {
    font-size: 1.5em;
    line-height: 1.35;
    margin-block: calc(var(--_space) * 0.5);
  }
  .subheading,
  .rich h3 {
    font-size: 1.15em;
    margin-block: calc(var(--_space) * 1.5) calc(var(--_space) * 0.5);
  }
  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    margin: 0;
  }
  .dates,
  .participation,
  .doc-meta {
    color: var(--_muted);
  }
  .dates {
    margin-block: calc(var(--_space) * 0.25) 0;
  }
  .rich :first-child {
    margin-block-start: 0;
  }
  .rich :is(ul, ol) {
    padding-inline-start: 1.5em;
  }
  .participation {
    font-weight: 600;
  }
  details {
    border-block-start: 1px solid var(--_border);
  }
  details:last-of-type {
    border-block-end: 1px solid var(--_border);
  }
  summary {
    cursor: pointer;
    padding-block: calc(var(--_space) * 0.75);
    list-style-position: inside;
    min-block-size: 44px;
  }
  summary .number {
    font-weight: 700;
    margin-inline-end: calc(var(--_space) * 0.5);
  }
  details > .rich,
  .article-actions {
    padding-inline: calc(var(--_space) * 1.25);
  }
  .article-actions {
    font-size: 0.9375em;
  }
  .documents ul {
    padding-inline-start: 1.25em;
    margin: 0;
  }
  .documents li + li {
    margin-block-start: calc(var(--_space) * 0.25);
  }
  .portal-link {
    margin-block-end: 0;
  }
  @media (forced-colors: active) {
    .status {
      border-color: CanvasText;
    }
  }
`;
