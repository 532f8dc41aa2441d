/**
 * The thin base every Sharek element extends: language and direction, the
 * portal's address, and rendering in the element's own locale.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { clientFor, pageApi, type PortalClient } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import { SharekErrorEvent, SharekSignInRequiredEvent } from './events.js';
import { formatDate, warmFormatters } from './format.js';
import { identityHeaders } from './identity.js';
import { directionOf, loadLocale, localeLoaded, msg, toLocale, withLocale, type Locale } from './localize.js';
import { errorMessage } from './messages.js';
import { errorState } from './states.js';
import type { ElementName } from '../registry.js';

/**
 * The theme every element takes (its defaults are set on each element's
 * `:host`, src/shared/styles.ts). Each element's own JSDoc adds only the
 * custom properties that are its alone; the manifest lists both under each
 * element.
 *
 * @cssproperty --sharek-accent - Links, buttons, the status badge and the bars. Default `#0b6e4f`.
 * @cssproperty --sharek-accent-text - Text on the accent colour. Default `#ffffff`.
 * @cssproperty --sharek-text - Body text. Default `#1b1f23`.
 * @cssproperty --sharek-muted - Secondary text. Default `#4a5560`.
 * @cssproperty --sharek-surface - The element's background, and its dialogs' and fields'. Default `#ffffff`.
 * @cssproperty --sharek-subtle - Background of quiet blocks (replies, messages, the bars' track). Default `#f3f5f6`.
 * @cssproperty --sharek-border - Borders. Default `#c9d1d6`.
 * @cssproperty --sharek-danger - Errors. Default `#b3261e`.
 * @cssproperty --sharek-radius - Corner radius. Default `8px`.
 * @cssproperty --sharek-space - Base spacing: every margin, padding and gap follows it. Default `1rem`.
 * @cssproperty --sharek-font - Font family. Default system UI fonts with Arabic coverage.
 * @cssproperty --sharek-font-size - Base font size. Default `medium` (the reader's default size, whatever the page's root font size).
 * @cssproperty --sharek-focus - Focus outline colour. Default `#1a5fb4`.
 */
export class SharekElement extends LitElement {
  /** Whose Arabic messages the element shows besides the shared ones: its folder's (see loadLocale). */
  protected static readonly messages?: ElementName;

  /** The portal's base URL. Defaults to the enclosing Sharek element's, then `<meta name="sharek-api">`. */
  @property() api?: string;

  /**
   * A language tag: `ar` or `en`, or a regional one (`ar-JO`, `ar-SA`,
   * `ar-u-nu-arab`, `en-GB`), whose language gives the messages and whose
   * whole tag gives dates and numbers (Levantine month names and
   * Arabic-Indic digits for `ar-JO`). Any other language is Arabic. Defaults
   * to the nearest `lang` in the page, then Arabic; `dir` follows (`rtl` for
   * every Arabic tag). Reflected, so a framework that sets it as a property
   * (React 19, Vue) is seen by the elements inside this one too.
   */
  @property({ reflect: true }) override lang!: string;

  /**
   * Calendar for dates, e.g. `islamic-umalqura`. Defaults to the enclosing
   * Sharek element's (a card's reaches its polls, comments, decision and
   * form), then to a calendar named in the language tag
   * (`lang="ar-SA-u-ca-islamic-umalqura"`), then Gregorian.
   */
  @property() calendar?: string;

  /**
   * The signed-in person's bearer token, supplied by the host page (Sharek never stores it).
   * Set it on the card and the elements inside it use it too.
   */
  @property({ attribute: false }) token?: string;

  /**
   * Asked for a token when the portal answers 401 to something this element sends
   * (a comment, a vote) and no `sharek-sign-in-required` listener gave one.
   */
  @property({ attribute: false }) tokenProvider?: () => Promise<string | null | undefined> | string | null | undefined;

  /**
   * Headers that identify the caller for writes and per-person reads.
   * @internal
   */
  get identity(): Record<string, string> {
    return identityHeaders(inherited(this, (el) => (el instanceof SharekElement ? el.token : null)));
  }

  /**
   * The locale this element renders in.
   * @internal
   */
  get locale(): Locale {
    // The property first: set as a property, it reaches the attribute only during the update.
    return toLocale(this.lang || inherited(this, (el) => el.getAttribute('lang')));
  }

  /**
   * The calendar this element's dates are in: its own `calendar`, else the
   * enclosing Sharek element's (undefined: the language tag's, else Gregorian).
   * Only Sharek elements pass it on: `calendar` is not an HTML attribute, and
   * a page-wide choice has its standard place in `lang` (`-u-ca-`).
   * @internal
   */
  get calendarInUse(): string | undefined {
    return inherited(this, (el) => (el instanceof SharekElement ? el.calendar : null));
  }

  /**
   * The client for this element's portal; throws a clear error when no portal is configured.
   * @internal
   */
  get client(): PortalClient {
    const base = inherited(this, (el) => (el instanceof SharekElement ? el.api : null)) ?? pageApi();
    if (!base) {
      throw new ApiError('not-configured', 'No portal address: set the api attribute or <meta name="sharek-api">');
    }
    return clientFor(base);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // After this task, in which the first render starts the element's requests.
    setTimeout(() => this.prepare());
  }

  /** Slow first-time work, done while the element waits for the portal rather than after (see warmFormatters). */
  protected prepare(): void {
    warmFormatters(this.locale, this.calendarInUse);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const dir = directionOf(this.locale);
    if (this.getAttribute('dir') !== dir) this.setAttribute('dir', dir);
  }

  /** The first render in a language waits for its messages (a chunk of their own), so no text shows in the wrong one. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const locale = this.locale;
    const element = (this.constructor as typeof SharekElement).messages;
    if (localeLoaded(locale, element)) return super.scheduleUpdate();
    // Messages that cannot be fetched (the network) leave the source English rather than an empty element.
    return loadLocale(locale, element)
      .catch(() => undefined)
      .then(() => super.scheduleUpdate());
  }

  protected override update(changed: PropertyValues<this>): void {
    withLocale(this.locale, () => super.update(changed));
  }

  private updatedOnce = false;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The elements inside this one take its language and calendar: tell them it changed.
    if ((changed.has('lang') || changed.has('calendar')) && this.updatedOnce) relocalize(this.renderRoot);
    this.updatedOnce = true;
  }

  /**
   * Says what failed: once in the console, for developers (the message names the
   * route and the field), and, unless `quiet`, as a `sharek-error` event for the host page.
   */
  protected reportError(error: unknown, { quiet = false } = {}): void {
    console.error(`[sharek] ${(error as Error).message}`);
    if (!quiet) this.dispatchEvent(new SharekErrorEvent(error as Error));
  }

  /**
   * Runs a request for what this element shows: a failure is reported once
   * (console and `sharek-error`) and thrown again, so the Task keeps its error
   * state and its retry.
   */
  protected async load<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      this.reportError(error);
      throw error;
    }
  }

  /**
   * What could not be loaded, in a citizen's words; "Try again" where trying
   * again can help; and the page's own content inside the element (its
   * fallback link to the portal) or, when the portal refuses this site, a link
   * to the portal.
   */
  protected renderLoadError(error: unknown, retry: () => unknown) {
    const kind = error instanceof ApiError ? error.kind : undefined;
    const hopeless = kind === 'refused-origin' || kind === 'not-configured';
    return errorState(errorMessage(error), hopeless ? undefined : () => void retry(), this.renderFallback(kind === 'refused-origin'));
  }

  /** The element has nothing to show because the page named nothing (no `consultation`, no `poll`). */
  protected renderNothingChosen(sentence: string) {
    return errorState(sentence, undefined, this.renderFallback(false));
  }

  /**
   * The page's fallback content, a link to take part on the portal in the
   * GOV.UK habit: visible before the element is defined (or if its script never
   * runs), hidden while the element shows the consultation, shown again here.
   */
  private renderFallback(refused: boolean) {
    const given = [...this.childNodes].some((n) => n.nodeType === Node.ELEMENT_NODE || (n.nodeType === Node.TEXT_NODE && n.textContent!.trim()));
    if (given) return html`<div part="fallback" class="fallback"><slot></slot></div>`;
    if (!refused) return nothing;
    return html`<p part="fallback" class="fallback"><a href=${new URL(this.client.base).origin + '/'}>${msg('Go to the consultation portal')}</a></p>`;
  }

  /**
   * The portal answered 401: asks the host page for a token (the
   * `sharek-sign-in-required` event, then `tokenProvider`) and keeps it on this
   * element. True when one came, so the caller sends again.
   */
  protected async askForSignIn(consultationId: string, pollId?: string): Promise<boolean> {
    const event = new SharekSignInRequiredEvent(consultationId, pollId);
    this.dispatchEvent(event);
    const token = (await event.token) ?? (await this.tokenProvider?.());
    if (!token) return false;
    this.token = token;
    return true;
  }

  /** A date in this element's locale and calendar, as a `<time>`. */
  protected date(iso: string) {
    return html`<time datetime=${iso}>${formatDate(this.locale, iso, this.calendarInUse)}</time>`;
  }

  /**
   * Runs `fn` with this element's messages: for text made outside render, in event handlers.
   * @internal
   */
  inLocale<T>(fn: () => T): T {
    return withLocale(this.locale, fn);
  }
}

/** Re-renders the Sharek elements under `root` that take their language or calendar from an ancestor. */
function relocalize(root: ParentNode): void {
  for (const el of root.querySelectorAll('*')) {
    if (!(el instanceof SharekElement) || (el.lang && el.calendar)) continue;
    el.requestUpdate();
    if (el.shadowRoot) relocalize(el.shadowRoot);
  }
}

/** The first non-empty value of `get` on this element and its ancestors, across shadow roots. */
function inherited(start: Element, get: (el: Element) => string | null | undefined): string | undefined {
  for (let el: Element | null = start; el; ) {
    const value = get(el);
    if (value) return value;
    el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return undefined;
}
