/**
 * What every Sharek element shares: the theme's custom properties with their
 * defaults on :host, and a few utility classes. Logical properties only, so
 * one stylesheet serves Arabic (RTL) and English (LTR).
 */
import { css } from 'lit';

export const hostStyles = css`
  :host {
    --_accent: var(--sharek-accent, #0b6e4f);
    --_accent-text: var(--sharek-accent-text, #ffffff);
    --_text: var(--sharek-text, #1b1f23);
    --_muted: var(--sharek-muted, #4a5560);
    --_surface: var(--sharek-surface, #ffffff);
    --_subtle: var(--sharek-subtle, #f3f5f6);
    --_border: var(--sharek-border, #c9d1d6);
    --_danger: var(--sharek-danger, #b3261e);
    --_radius: var(--sharek-radius, 8px);
    --_space: var(--sharek-space, 1rem);
    --_font: var(--sharek-font, system-ui, 'Segoe UI', Tahoma, 'Noto Sans Arabic', 'DejaVu Sans', sans-serif);
    --_focus: var(--sharek-focus, #1a5fb4);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    line-height: 1.6;
    text-align: start;
    /* In a grid or flex container the element may be narrower than its content's widest control: it reflows (320 CSS px). */
    min-inline-size: 0;
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * The host page's rules reach the element itself, even "* { all: unset }" or
   * ":root { font-size: 62.5% }", never what is inside it. So the text styles are
   * set again on the shadow root's top-level elements, from the custom
   * properties (which "all" leaves alone): nothing else is inherited from the page.
   * The base font size is "medium" (the reader's own default), not "rem", which
   * follows the page's root. In a layer, so every rule of the element still wins.
   */
  :host > * {
    box-sizing: border-box;
  }
  @layer sharek-base {
    :host > * {
      color: var(--_text);
      font-family: var(--_font);
      font-size: var(--sharek-font-size, medium);
      font-style: normal;
      font-weight: normal;
      font-variant: normal;
      line-height: 1.6;
      letter-spacing: normal;
      word-spacing: normal;
      text-align: start;
      text-indent: 0;
      text-transform: none;
      text-shadow: none;
      white-space: normal;
      visibility: visible;
      cursor: auto;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible,
  button:focus-visible,
  summary:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    padding-block: 0.5em;
    padding-inline: 1em;
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    min-block-size: 44px;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .error {
    border-inline-start: 4px solid var(--_danger);
    padding-block: calc(var(--_space) / 2);
    padding-inline: var(--_space);
    background: var(--_subtle);
  }
  .error .fallback {
    margin-block: calc(var(--_space) / 2) 0;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** The header line (agency · kind), the status badge (upcoming, open, closed, decided) and the time beside it, as the card, the list and the poll show them. */
export const statusStyles = css`
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .kind::before {
    content: '·';
    margin-inline-end: calc(var(--_space) * 0.75);
  }
  .status {
    display: inline-block;
    border-radius: 999px;
    padding-inline: 0.75em;
    font-weight: 600;
    font-size: 0.9em;
    border: 2px solid var(--_accent);
  }
  .status.open {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .status.upcoming,
  .status.closed,
  .status.decided {
    color: var(--_accent);
    background: var(--_surface);
  }
  .when {
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .status {
      border-color: CanvasText;
    }
  }
`;

/** The block under a paged list (PagingController.renderMore): the last failure, then "Show more". */
export const moreStyles = css`
  .more {
    display: grid;
    justify-items: start;
    gap: calc(var(--_space) * 0.5);
    margin-block-start: var(--_space);
  }
  .more .error {
    justify-self: stretch;
  }
`;

/**
 * Loading placeholders: grey lines standing for the text to come. They are
 * aria-hidden; a visually hidden status says what is loading.
 */
export const skeletonStyles = css`
  .skeleton {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .skeleton > span {
    display: block;
    block-size: 1rem;
    border-radius: 4px;
    background: var(--_subtle);
  }
  .skeleton > .title {
    block-size: 1.75rem;
    inline-size: 80%;
  }
  .skeleton > .short {
    inline-size: 35%;
  }
  .skeleton > .block {
    block-size: 4rem;
  }
`;

/** Result bars (poll results, what was heard): the numbers are text, the bar is decoration. */
export const barStyles = css`
  .numbers {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .bar {
    grid-column: 1 / -1;
    display: block;
    block-size: 0.625rem;
    border-radius: 999px;
    background: var(--_subtle);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    inline-size: var(--share, 0%);
    background: var(--_accent);
  }
`;
