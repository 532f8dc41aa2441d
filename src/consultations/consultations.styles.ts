import { css } from 'lit';

export const styles = css`
  .consultations {
    min-block-size: var(--sharek-list-min-height, 12rem);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .item {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .item.open {
    border-inline-start-color: var(--_accent);
  }
  .item:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .title {
    font-size: 1.2em;
    line-height: 1.4;
    margin-block: 0 0.25rem;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .kind::before {
    content: '·';
    margin-inline-end: 0.75rem;
  }
  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    margin-block: 0.5rem 0;
  }
  .dates,
  .participation,
  .empty {
    color: var(--_muted);
  }
  .dates,
  .participation {
    margin-block: 0.25rem 0;
    font-size: 0.9375em;
  }
  .more {
    display: grid;
    justify-items: start;
    gap: 0.5rem;
    margin-block-start: var(--_space);
  }
  .more .error {
    justify-self: stretch;
  }
  .skeleton {
    display: grid;
    gap: 0.75rem;
  }
  .bar {
    display: block;
    block-size: 1rem;
    border-radius: 4px;
    background: var(--_subtle);
  }
  .bar.short {
    inline-size: 40%;
  }
  .bar.title {
    block-size: 1.5rem;
    inline-size: 80%;
  }
  @media (forced-colors: active) {
    .status,
    .item.open {
      border-color: CanvasText;
    }
  }
`;
