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
    margin-block: 0 calc(var(--_space) * 0.25);
  }
  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    margin-block: calc(var(--_space) * 0.5) 0;
  }
  .dates,
  .participation,
  .empty {
    color: var(--_muted);
  }
  .dates,
  .participation {
    margin-block: calc(var(--_space) * 0.25) 0;
    font-size: 0.9375em;
  }
  @media (forced-colors: active) {
    .status,
    .item.open {
      border-color: CanvasText;
    }
  }
`;
