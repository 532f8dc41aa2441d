import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { Consultation, ConsultationStatus, Section } from '../api/schemas.js';
import { SharekElement } from '../shared/base.js';
import { statusAt } from '../api/status.js';
import { ClockController } from '../shared/clock.js';
import { SharekStatusChangeEvent } from '../shared/events.js';
import { pick } from '../shared/format.js';
import { loadLocale, msg, str } from '../shared/localize.js';
import { prepareSanitizer, sanitizedHtml } from '../shared/sanitize.js';
import { DEFAULT_HEADING_LEVEL, headingLevel, headingTag } from '../shared/heading.js';
import { httpUrl } from '../shared/url.js';
import { ensureDefined, splitTag, type ElementName } from '../registry.js';
import { hostStyles, skeletonStyles, statusStyles } from '../shared/styles.js';
import { kindLabel, participation, statusLabel, timeline } from '../shared/texts.js';
import { styles } from './consultation.styles.js';
import { renderDocuments } from './documents.js';
import { innerTags, type InnerTags } from './inner-tags.js';

/**
 * A public consultation: who asks, about what, until when, the draft's
 * articles, its documents and impact assessment, and how many have taken part.
 *
 * It paints in two steps: the header, summary and article titles first; the
 * article bodies, polls, comment form and comments in the task after that
 * frame. `updateComplete` resolves after both.
 *
 * @summary The consultation card.
 * @tag sharek-consultation
 *
 * @event {SharekErrorEvent} sharek-error - The consultation could not be loaded; `error` says why.
 * @event {SharekStatusChangeEvent} sharek-status-change - The status changed while the page was open (for example it closed): `status`, `previous`.
 *
 * @slot - Fallback content, such as a link to the consultation on the portal: shown before the element is defined (or if its script never runs) and when the card cannot be loaded; hidden while the card shows the consultation.
 * @slot end - Shown at the end of the card, for the host page's own content.
 *
 * @csspart card - The card around everything.
 * @csspart header - Agency, kind, status and title.
 * @csspart agency - The agency's name.
 * @csspart kind - The kind of consultation.
 * @csspart status - The status badge.
 * @csspart title - The consultation's title.
 * @csspart dates - Opening and closing dates, and the time left.
 * @csspart summary - The summary (portal HTML, sanitised).
 * @csspart articles - The list of the draft's articles.
 * @csspart article - One article (a `<details>`).
 * @csspart documents - The supporting documents.
 * @csspart impact - The impact assessment link.
 * @csspart participation - Comment and participant counts.
 * @csspart portal-link - The link to the consultation on the portal.
 * @csspart decision - The decision notice (`<sharek-decision>`), once the consultation has closed.
 * @csspart polls - The consultation's polls.
 * @csspart participate - The comment form and the published comments.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 *
 * @cssproperty --sharek-card-min-height - Room held from the start, so the page does not jump. Default `40rem`.
 */
export class SharekConsultation extends SharekElement {
  static override styles = [hostStyles, skeletonStyles, statusStyles, styles];
  protected static override readonly messages: ElementName = 'consultation';

  /** The consultation's id on the portal. */
  @property() consultation = '';

  /** The consultation itself, when the page already has it: no request is made. */
  @property({ attribute: false }) data?: Consultation;

  /**
   * `none` shows the card without its polls, comment form and comments (and
   * without the "comment on this article" actions), for a page that places
   * those elsewhere or not at all. `all` by default.
   */
  @property() participation: 'all' | 'none' = 'all';

  /** Level of the title (2–6); the card's sections, and the headings of the elements inside it, are one below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = DEFAULT_HEADING_LEVEL;

  private readonly clock = new ClockController(this);

  private readonly loader = new Task(this, {
    args: () => [this.data ? '' : this.consultation, this.api] as const,
    task: async ([id]) => (id ? this.load(() => this.client.getConsultation(id)) : undefined),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.watch();
    addEventListener('hashchange', this.openLinkedArticle);
  }

  protected override prepare(): void {
    super.prepare();
    // The sanitiser's first run: the browser's parser warmed, or DOMPurify's chunk loaded where the browser has none.
    prepareSanitizer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watcher?.disconnect();
    this.watcher = undefined;
    removeEventListener('hashchange', this.openLinkedArticle);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const c = this.value;
    const status = c && statusAt(c.status, c.opensAt, c.closesAt, this.clock.now);
    if (status && status !== this.shownStatus) {
      if (this.shownStatus) this.dispatchEvent(new SharekStatusChangeEvent(c.id, status, this.shownStatus));
      this.shownStatus = status;
    }
    if (this.value && !this.wholeRendered) {
      const near = this.nearViewport();
      this.wholeRendered = this.afterPaint()
        .then(() => near)
        .then(() => void (this.whole = true));
    }
    // The inner elements in the card now (the decision with the header, or once it closes; the rest with the parts).
    // Checked on every update: a card updates rarely (its data, its parts, the clock at opening and closing).
    const inner = new Set([...this.renderRoot.querySelectorAll(':not(:defined)')].flatMap((el) => splitTag(el.localName)?.[1] ?? []));
    if (inner.size) this.innerDefined = this.defineInner([...inner]);
    if (this.value && !this.linkedOnce) {
      this.linkedOnce = true;
      void this.openLinkedArticle();
    }
  }

  private linkedOnce = false;

  /**
   * The card's first content is its header, summary and article titles. The
   * article bodies (closed until asked for), polls, comment form and comments
   * follow the reader: they render once that frame is painted and the card is
   * near the viewport (or at once in a hidden tab, which paints nothing), so a
   * card below the fold costs its header until it is scrolled to. Their code
   * is fetched when the browser is idle, or then.
   */
  @state() private whole = false;
  private wholeRendered?: Promise<void>;
  /** Set when the card came near the viewport (or was asked for its parts). */
  private wanted = false;
  private wantWhole?: () => void;
  private watcher?: IntersectionObserver;

  /** How near the viewport the card must be for its parts to render: a screen's height ahead. */
  private static readonly NEAR = '100% 0px';

  /** Resolves when the card should show its parts: near the viewport, or asked (an article link, "comment on"). */
  private nearViewport(): Promise<void> {
    return new Promise((resolve) => {
      this.wantWhole = () => {
        this.wanted = true;
        this.watcher?.disconnect();
        this.watcher = undefined;
        resolve();
      };
      if (document.visibilityState === 'hidden') return this.wantWhole();
      this.watch();
      // Fetch the parts' code while the browser has nothing else to do, so scrolling to them is quick.
      const idle = globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
      idle(() => void this.loadInnerElements(['decision', 'poll', 'comment-form', 'comments']));
    });
  }

  /** Watches the card come near the viewport, while its parts wait for that (again after it is moved in the page). */
  private watch(): void {
    if (this.wanted || this.watcher || !this.wantWhole) return;
    this.watcher = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.wantWhole?.(), { rootMargin: SharekConsultation.NEAR });
    this.watcher.observe(this);
  }

  /** Shows the card's parts now (for a link to an article, or "comment on"). */
  private async showWhole(): Promise<void> {
    this.wantWhole?.();
    await this.updateComplete;
  }

  /**
   * Resolves once the frame showing the card's first part is painted: a task
   * queued from that frame's animation callback runs after its paint. A hidden
   * tab paints no frames, so there it resolves at once (or when the tab hides).
   */
  private afterPaint(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        document.removeEventListener('visibilitychange', done);
        resolve();
      };
      if (document.visibilityState === 'hidden') return done();
      document.addEventListener('visibilitychange', done);
      requestAnimationFrame(() => setTimeout(done));
    });
  }

  /** True when the card is within a screen's height of the viewport now (read only when someone awaits updateComplete). */
  private isNearNow(): boolean {
    const box = this.getBoundingClientRect();
    return box.bottom >= -innerHeight && box.top <= innerHeight * 2;
  }

  /**
   * `updateComplete` means the card as the reader sees it: with its parts when
   * it is near the viewport (they are rendering), its first part alone when
   * it is far below (they wait for the reader).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    if (this.wholeRendered && !this.whole && (this.wanted || this.isNearNow())) {
      this.wantWhole?.();
      await this.wholeRendered;
      done = await super.getUpdateComplete();
    }
    await this.innerDefined;
    return done;
  }

  /** The article the comment form is on; empty for the whole draft. */
  @state() private commentSection = '';

  /** The status last shown, to tell the host page when it changes. */
  private shownStatus?: ConsultationStatus;

  /** The consultation being shown, from `data` or from the portal. */
  private get value(): Consultation | undefined {
    return this.data ?? this.loader.value;
  }

  /** The hash that links to one article: `#sharek-<consultation>-<article>`. */
  private articleHash(section: Section): string {
    return `#sharek-${this.value?.id}-${section.id}`;
  }

  private openLinkedArticle = async () => {
    const section = this.value?.sections.find((s) => location.hash === this.articleHash(s));
    if (!section) return;
    await this.showWhole();
    const details = section && this.renderRoot.querySelector<HTMLDetailsElement>(`#article-${section.id}`);
    if (!details) return;
    details.open = true;
    details.scrollIntoView({ block: 'start' });
    details.querySelector('summary')?.focus();
  };

  override render() {
    const c = this.value;
    if (c) return this.renderCard(c);
    if (this.loader.status === TaskStatus.ERROR) return this.inCard(this.renderLoadError(this.loader.error, () => this.loader.run()));
    if (!this.consultation && !this.data) return this.inCard(this.renderNothingChosen(msg('No consultation was chosen for this place on the page.')));
    return this.renderLoading();
  }

  private renderLoading() {
    return html`<div part="card loading" class="card" aria-busy="true">
      <p role="status" class="visually-hidden">${msg('Loading the consultation…')}</p>
      <div class="skeleton" aria-hidden="true">
        <span class="short"></span><span class="title"></span><span></span><span></span>
        <span class="block"></span><span></span><span></span><span></span>
      </div>
    </div>`;
  }

  private inCard(state: unknown) {
    return html`<div part="card" class="card">${state}</div>`;
  }

  /**
   * The elements the card shows inside it, under the card's own prefix: a card
   * registered as `cms-consultation` (see define) shows `cms-poll`, not
   * `sharek-poll`, which that page may not have.
   */
  /** The card's prefix (`cms` for `cms-consultation`), which the elements inside it take; `sharek` under another name. */
  private get tagPrefix(): string {
    return /^(.+)-consultation$/.exec(this.localName)?.[1] ?? 'sharek';
  }

  private get innerTags(): InnerTags {
    return innerTags(this.tagPrefix);
  }

  /** The elements the card shows inside it, loaded (their chunks) and registered under its prefix, as it renders them. */
  private innerDefined?: Promise<unknown>;

  /** Loads and registers the inner elements `names` under the card's prefix, and starts their Arabic messages with their code, not after it. */
  private defineInner(names: ElementName[]): Promise<unknown> {
    for (const n of names) void loadLocale(this.locale, n).catch(() => undefined);
    return Promise.all(names.map((n) => ensureDefined(`${this.tagPrefix}-${n}`)));
  }

  /** Loads the code of the inner elements `names` ahead of need: a failure is only logged (rendering them tries again). */
  private loadInnerElements(names: ElementName[]): Promise<unknown> {
    return this.defineInner(names).catch((error: unknown) => this.reportError(error, { quiet: true }));
  }

  private renderCard(c: Consultation) {
    const tags = this.innerTags;
    const locale = this.locale;
    const title = pick(c.title, locale);
    const agency = pick(c.agency.name, locale);
    const status = statusAt(c.status, c.opensAt, c.closesAt, this.clock.now);
    if (status === 'upcoming') this.clock.wakeAt(c.opensAt);
    if (status === 'open') this.clock.wakeAt(c.closesAt);
    const h = headingTag(this.headingLevel);
    const below = headingLevel(this.headingLevel, 1);
    // One region per card, named after the consultation: its parts are headed blocks inside it, not regions of their own.
    return html`<section part="card" class="card" aria-labelledby="title">
      <header part="header">
        <p class="meta">
          ${httpUrl(c.agency.url) !== nothing
            ? html`<a part="agency" href=${httpUrl(c.agency.url)} lang=${agency.lang}>${agency.text}</a>`
            : html`<span part="agency" lang=${agency.lang}>${agency.text}</span>`}
          <span part="kind" class="kind">${kindLabel(c.kind)}</span>
        </p>
        ${staticHtml`<${h} part="title" id="title" lang=${title.lang}>${title.text}</${h}>`}
        <p class="status-line">
          <span part="status" class="status ${status}">${statusLabel(status)}</span>
          <span class="when">${timeline(locale, status, c.opensAt, c.closesAt, this.clock.now)}</span>
        </p>
        <p part="dates" class="dates">
          ${msg(html`Open from ${this.date(c.opensAt)} to ${this.date(c.closesAt)}`)}
        </p>
      </header>
      <div part="summary" class="summary rich" lang=${pick(c.summary, locale).lang}>${sanitizedHtml(pick(c.summary, locale).text, below)}</div>
      <p part="participation" class="participation">
        ${participation(locale, c.participation)}
      </p>
      ${status === 'closed' || status === 'decided'
        ? staticHtml`<${tags.decision} part="decision" heading-level=${below} .landmark=${false} .consultationData=${c}></${tags.decision}>`
        : nothing}
      ${c.sections.length ? this.renderArticles(c, status) : nothing}
      ${renderDocuments(c, locale, this.headingLevel)}
      ${c.pollIds.length && this.participation !== 'none' && this.whole
        ? html`<section part="polls" class="polls">
            ${staticHtml`<${headingTag(this.headingLevel, 1)} class="subheading">${msg('Polls')}</${headingTag(this.headingLevel, 1)}>`}
            ${c.pollIds.map((id) => staticHtml`<${tags.poll} poll=${id} heading-level=${headingLevel(this.headingLevel, 2)}></${tags.poll}>`)}
          </section>`
        : nothing}
      ${this.participation === 'none' || !this.whole
        ? nothing
        : staticHtml`<section part="participate" class="participate">
        <${tags.form}
          id="comment-form"
          consultation=${c.id}
          section=${this.commentSection}
          heading-level=${below}
          .data=${c}
        ></${tags.form}>
        <${tags.comments} consultation=${c.id} heading-level=${below} .landmark=${false} .sections=${c.sections}></${tags.comments}>
      </section>`}
      ${httpUrl(c.portalUrl) !== nothing
        ? html`<p class="portal-link"><a part="portal-link" href=${httpUrl(c.portalUrl)}>${msg('See this consultation on the participation portal')}</a></p>`
        : nothing}
      <slot name="end"></slot>
    </section>`;
  }

  /** Opens the comment form on one article (or the whole draft) and takes the reader there. */
  private async commentOn(sectionId: string) {
    this.commentSection = sectionId;
    await this.showWhole();
    const form = this.renderRoot.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('#comment-form');
    await form?.updateComplete;
    form?.scrollIntoView({ block: 'start' });
    form?.focus();
  }

  private renderArticles(c: Consultation, status: string) {
    const locale = this.locale;
    const sub = headingTag(this.headingLevel, 1);
    return html`<section part="articles" class="articles">
      ${staticHtml`<${sub} class="subheading" id="articles-heading">${msg("The draft's articles")}</${sub}>`}
      ${c.sections.map((s) => {
        const title = pick(s.title, locale);
        const body = pick(s.body, locale);
        return html`<details part="article" id=${`article-${s.id}`}>
          <summary>
            <span class="number">${msg(str`Article ${s.number}`)}</span>
            <span lang=${title.lang}>${title.text}</span>
          </summary>
          <div class="rich" lang=${body.lang}>${this.whole ? sanitizedHtml(body.text, headingLevel(this.headingLevel, 2)) : nothing}</div>
          <p class="article-actions">
            ${status === 'open' && this.participation !== 'none'
              ? html`<button type="button" class="secondary" @click=${() => this.commentOn(s.id)}>
                  ${msg(str`Comment on article ${s.number}`)}
                </button>`
              : nothing}
            <a href=${this.articleHash(s)}>${msg(str`Link to article ${s.number}`)}</a>
          </p>
        </details>`;
      })}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sharek-consultation': SharekConsultation;
  }
}
