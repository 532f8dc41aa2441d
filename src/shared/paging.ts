/**
 * "Show more" over the portal's cursor pages, shared by the comment list and
 * the consultation list. The first page comes from the element (its `data` or
 * its loader); the pages after it are kept here, tied to that first page, so a
 * new filter or new data starts again from the top by itself.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { errorMessage } from './messages.js';

type Page<T> = { items: T[]; nextCursor: string | null };

/** The contract's page sizes: `limit` is 1 to 100, 20 by default. */
const LIMIT = { min: 1, max: 100, default: 20 } as const;

/** The `limit` to ask the portal for, from an element's `page-size` (an attribute can be any string). */
export function pageLimit(pageSize: number): number {
  const n = Math.trunc(Number(pageSize));
  return Number.isFinite(n) ? Math.min(LIMIT.max, Math.max(LIMIT.min, n)) : LIMIT.default;
}

export interface PagingOptions<T> {
  /** The first page: a page as the portal answers, a plain list, or nothing yet. */
  first: () => Page<T> | T[] | undefined;
  /** Fetches the page after `cursor`, with the element's current filters. */
  fetch: (cursor: string) => Promise<Page<T>>;
  /** False when there is nothing to fetch from (e.g. data given without a consultation id). */
  canFetch?: () => boolean;
  /** Where a failure is reported (console and `sharek-error`). */
  onError: (error: unknown) => void;
  /** The part name of one item, to move focus to the first new one. */
  itemPart: string;
  /** The element's shadow root, where the items and the "more" button are. */
  root: () => ParentNode;
}

export class PagingController<T extends { id: string }> {
  /** A next page is on its way. */
  loading = false;
  /** Why the last "more" failed, until the next try or a new first page. */
  error: unknown;
  private extra?: { base: unknown; items: T[]; nextCursor: string | null };

  constructor(private readonly host: ReactiveControllerHost, private readonly options: PagingOptions<T>) {}

  /** Every item shown: the first page and the ones loaded after it. */
  get items(): T[] {
    const base = this.options.first();
    if (!base) return [];
    const first = Array.isArray(base) ? base : base.items;
    return this.extra?.base === base ? [...first, ...this.extra.items] : first;
  }

  /** The cursor of the next page, or `null` on the last page. */
  get nextCursor(): string | null {
    const base = this.options.first();
    if (!base) return null;
    if (this.extra?.base === base) return this.extra.nextCursor;
    return Array.isArray(base) ? null : base.nextCursor;
  }

  /** Forgets a failure, when the filters change (the element re-renders for the change itself). */
  clearError(): void {
    this.error = undefined;
  }

  /** Loads the next page, then moves focus to its first item (or back to the button when nothing came). */
  more = async (): Promise<void> => {
    const cursor = this.nextCursor;
    if (this.loading || !cursor || this.options.canFetch?.() === false) return;
    const base = this.options.first();
    const before = this.items.length;
    this.loading = true;
    this.error = undefined;
    this.host.requestUpdate();
    let added = false;
    try {
      const page = await this.options.fetch(cursor);
      if (this.options.first() !== base) return; // The filter or the data changed meanwhile.
      const known = new Set(this.items.map((i) => i.id));
      const items = page.items.filter((i) => !known.has(i.id));
      const previous = this.extra && this.extra.base === base ? this.extra.items : [];
      this.extra = { base, items: [...previous, ...items], nextCursor: page.nextCursor };
      added = items.length > 0;
    } catch (error) {
      if (this.options.first() !== base) return;
      this.options.onError(error);
      this.error = error;
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
    await this.host.updateComplete;
    const root = this.options.root();
    const items = root.querySelectorAll<HTMLElement>(`[part~=${this.options.itemPart}]`);
    const target = added ? items[before] : root.querySelector<HTMLElement>('[part~=more]');
    (target ?? items[before - 1])?.focus();
  };

  /** Below the list: the last failure's message, and "Show more" (kept focusable while a page loads). */
  renderMore(show: boolean, label: string, loadingLabel: string) {
    if (!show && !this.error) return nothing;
    return html`<div class="more">
      ${this.error ? html`<div part="error" class="error" role="alert"><p>${errorMessage(this.error)}</p></div>` : nothing}
      ${show
        ? html`<button part="more" class="secondary" aria-disabled=${this.loading ? 'true' : nothing} @click=${this.more}>
            ${this.loading ? loadingLabel : label}
          </button>`
        : nothing}
    </div>`;
  }
}
