import { css } from 'lit';

export const styles = css`
  :host {
    /* The room held from the start (the README's host rule gives the same), so the page does not jump when the list arrives. */
    min-block-size: var(--sharek-comments-min-height, 15rem);
  }
  .list-header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin-block-end: calc(var(--_space) / 2);
  }
  .heading {
    font-size: 1.25em;
    line-height: 1.35;
    margin-block: 0;
  }
  .count {
    margin: 0;
    color: var(--_muted);
    font-weight: 600;
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    margin-block: 0 var(--_space);
  }
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    padding-block: 0.4em;
    padding-inline: 0.6em;
    min-block-size: 44px;
    max-inline-size: 100%;
  }
  /*
   * A select is as wide as its longest option, and that width is the card's
   * narrowest in a grid or flex layout: a percentage width lets it shrink
   * with its container (the reader still sees every option in full when it
   * opens), while max-content keeps it its own width where there is room.
   */
  select {
    inline-size: 100%;
    max-inline-size: max-content;
    min-inline-size: 0;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li + li {
    border-block-start: 1px solid var(--_border);
  }
  article {
    padding-block: var(--_space);
    border-radius: var(--_radius);
  }
  article:focus {
    outline: none;
  }
  article:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .author {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    font-size: 1em;
    margin: 0;
  }
  .stakeholder {
    display: inline-block;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding-inline: 0.6em;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_muted);
    background: var(--_subtle);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    margin: calc(var(--_space) * 0.25) 0 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .meta > * + *::before {
    content: '·';
    margin-inline-end: calc(var(--_space) * 0.75);
  }
  .body,
  .reply-body,
  .excerpt {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .body {
    margin-block: calc(var(--_space) * 0.5) 0;
  }
  .reply {
    margin-block-start: calc(var(--_space) * 0.75);
    margin-inline-start: clamp(calc(var(--_space) * 0.5), 4%, calc(var(--_space) * 2));
    padding-block: calc(var(--_space) * 0.5);
    padding-inline: var(--_space);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_subtle);
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }
  :host([dir='rtl']) .reply {
    border-radius: var(--_radius) 0 0 var(--_radius);
  }
  .reply-heading {
    font-size: 0.9375em;
    margin: 0;
    color: var(--_accent);
  }
  .reply-body {
    margin-block: calc(var(--_space) * 0.25) 0;
  }
  .reply time {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin-block-start: calc(var(--_space) * 0.5);
  }
  button.link {
    background: transparent;
    border-color: transparent;
    color: var(--_accent);
    text-decoration: underline;
    padding-inline: 0.5em;
    min-inline-size: 44px;
  }
  button[aria-disabled='true'] {
    cursor: default;
    text-decoration: none;
    color: var(--_muted);
  }
  .reported-note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .more {
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .error p,
  .empty {
    margin-block: 0 calc(var(--_space) * 0.5);
  }
  .empty {
    padding: var(--_space);
    background: var(--_subtle);
    border-radius: var(--_radius);
    color: var(--_muted);
  }

  @media (forced-colors: active) {
    .stakeholder {
      border-color: CanvasText;
    }
  }
`;
