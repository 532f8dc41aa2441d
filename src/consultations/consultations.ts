import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';
import { Task, TaskStatus } from '@lit/task';
import type { ConsultationPage, ConsultationSummary } from '../api/schemas.js';
import type { ElementName } from '../registry.js';
import { SharekElement } from '../shared/base.js';
import { statusAt } from '../api/status.js';
import { ClockController } from '../shared/clock.js';
import { pick } from '../shared/format.js';
import { DEFAULT_HEADING_LEVEL, headingTag } from '../shared/heading.js';
import { msg } from '../shared/localize.js';
import { pageLimit, PagingController } from '../shared/paging.js';
import { hostStyles, moreStyles, skeletonStyles, statusStyles } from '../shared/styles.js';
import { kindLabel, participation, statusLabel, timeline } from '../shared/texts.js';
import { styles } from './consultations.styles.js';

type Status = ConsultationSummary['status'];

/**
 * An agency's "have your say" list: its consultations, newest first, each
 * with its status, the time left (or until it opens, or since it closed), its
 * participation counts and a link to the page that shows it. Filtered by
 * agency and status, paged with the portal's cursor ("Show more").
 *
 * Each title links to `href-template` with `{id}` replaced by the
 * consultation's id (URL-encoded), for example `/consultations/{id}` on a
 * ministry site that embeds `<sharek-consultation>` there; without a
 * template, to the consultation's page on the portal.
 *
 * @summary A list of consultations.
 * @tag sharek-consultations
 *
 * @event {SharekErrorEvent} sharek-error - The list (or its next page) could not be loaded; `error` says why.
 *
 * @csspart list - The list of consultations (a `<ul>`).
 * @csspart item - One consultation (an `<article>` inside the list item).
 * @csspart title - The consultation's title (a heading, level `heading-level`).
 * @csspart link - The title's link.
 * @csspart meta - The agency and the kind of consultation.
 * @csspart agency - The agency's name.
 * @csspart kind - The kind of consultation.
 * @csspart status - The status badge.
 * @csspart when - Time left, time until it opens, or time since it closed.
 * @csspart dates - Opening and closing dates.
 * @csspart participation - Comment and participant counts.
 * @csspart more - The "Show more consultations" button.
 * @csspart empty - The sentence shown when no consultation matches.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - An error message.
 * @csspart retry - The retry button.
 *
 * @cssproperty --sharek-list-min-height - Room held from the start, so the page does not jump. Default `12rem`.
 */
export class SharekConsultations extends SharekElement {
  static override styles = [hostStyles, skeletonStyles, moreStyles, statusStyles, styles];
  protected static override readonly messages: ElementName = 'consultations';

  /** Only this agency's consultations (the agency's id on the portal, e.g. `modee`). All agencies when empty. */
  @property() agency = '';

  /** Only consultations with this status: `upcoming`, `open`, `closed` or `decided`. All when empty. */
  @property() status: Status | '' = '';

  /**
   * Where each title links: `{id}` is replaced by the consultation's id,
   * URL-encoded (e.g. `/consultations/{id}`). Without it, the consultation's page on the portal.
   */
  @property({ attribute: 'href-template' }) hrefTemplate = '';

  /** Consultations per page (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Level of each consultation's heading (2–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = DEFAULT_HEADING_LEVEL;

  /**
   * The consultations, when the page already has them: a page
   * `{items, nextCursor}` as the portal answers, or a plain list. No request
   * is made to show them; "Show more" asks the portal for the page after `nextCursor`.
   */
  @property({ attribute: false }) data?: ConsultationPage | ConsultationSummary[];

  /** Pages loaded with "Show more", for the first page they follow. */
  private readonly paging = new PagingController<ConsultationSummary>(this, {
    first: () => this.base,
    fetch: (cursor) => this.client.listConsultations({ status: this.status || undefined, agency: this.agency || undefined, cursor, limit: pageLimit(this.pageSize) }),
    onError: (error) => this.reportError(error),
    itemPart: 'item',
    root: () => this.renderRoot,
  });

  private readonly clock = new ClockController(this);

  private readonly loader = new Task(this, {
    args: () => [this.data !== undefined, this.api, this.status, this.agency, pageLimit(this.pageSize)] as const,
    task: async ([given, , status, agency, limit]) => {
      if (given) return undefined;
      return this.load(() => this.client.listConsultations({ status: status || undefined, agency: agency || undefined, limit }));
    },
  });

  /** The first page: the page's `data` or the portal's answer. */
  private get base(): ConsultationPage | ConsultationSummary[] | undefined {
    return this.data ?? this.loader.value;
  }

  /** The consultations shown, in the portal's order. */
  get consultations(): ConsultationSummary[] {
    return this.paging.items;
  }

  /** The cursor of the next page, or `null` on the last page. */
  get nextCursor(): string | null {
    return this.paging.nextCursor;
  }

  /** The link for one consultation: from `href-template`, else its page on the portal. */
  private hrefFor(c: ConsultationSummary): string | undefined {
    const href = this.hrefTemplate ? this.hrefTemplate.replaceAll('{id}', encodeURIComponent(c.id)) : c.portalUrl;
    return safeHref(href);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new filter starts again from the first page.
    if (changed.has('status') || changed.has('agency') || changed.has('pageSize') || changed.has('data')) {
      this.paging.clearError();
    }
  }

  // ---------------------------------------------------------------- rendering

  override render() {
    const busy = (this.data === undefined && this.loader.status === TaskStatus.PENDING) || this.paging.loading;
    return html`<div class="consultations" aria-busy=${busy ? 'true' : 'false'}>${this.renderBody()}</div>`;
  }

  private renderBody() {
    if (this.data === undefined && this.loader.status === TaskStatus.PENDING) return this.renderLoading();
    if (this.base) return this.consultations.length ? this.renderList() : this.renderEmpty();
    if (this.loader.status === TaskStatus.ERROR) return this.renderLoadError(this.loader.error, () => this.loader.run());
    return this.renderLoading();
  }

  private renderLoading() {
    return html`<div part="loading" class="loading">
      <p role="status" class="visually-hidden">${msg('Loading the consultations…')}</p>
      <div class="skeleton" aria-hidden="true">
        <span class="title"></span><span class="short"></span><span></span>
        <span class="title"></span><span class="short"></span><span></span>
      </div>
    </div>`;
  }

  private renderEmpty() {
    const text = {
      open: () => msg('No open consultations at the moment.'),
      upcoming: () => msg('No upcoming consultations at the moment.'),
      closed: () => msg('No closed consultations.'),
      decided: () => msg('No consultations with a published decision yet.'),
      '': () => msg('No consultations at the moment.'),
    }[this.status] ?? (() => msg('No consultations at the moment.')); // an attribute can say anything
    return html`<p part="empty" class="empty">${text()}</p>`;
  }

  private renderList() {
    const more = this.nextCursor;
    return html`<ul part="list" class="list" aria-label=${msg('Consultations')}>
        ${repeat(this.consultations, (c) => c.id, (c) => html`<li>${this.renderItem(c)}</li>`)}
      </ul>
      ${this.paging.renderMore(Boolean(more), msg('Show more consultations'), msg('Loading more consultations…'))}`;
  }

  private renderItem(c: ConsultationSummary) {
    const locale = this.locale;
    const h = headingTag(this.headingLevel);
    const title = pick(c.title, locale);
    const agency = pick(c.agency.name, locale);
    const status = statusAt(c.status, c.opensAt, c.closesAt, this.clock.now);
    if (status === 'upcoming') this.clock.wakeAt(c.opensAt);
    if (status === 'open') this.clock.wakeAt(c.closesAt);
    const href = this.hrefFor(c);
    const titleId = `title-${c.id}`;
    return html`<article part="item" class="item ${status}" aria-labelledby=${titleId} tabindex="-1">
      ${staticHtml`<${h} part="title" class="title" id=${titleId} lang=${title.lang}>
        ${href ? html`<a part="link" href=${href}>${title.text}</a>` : title.text}
      </${h}>`}
      <p part="meta" class="meta">
        <span part="agency" lang=${agency.lang}>${agency.text}</span>
        <span part="kind" class="kind">${kindLabel(c.kind)}</span>
      </p>
      <p class="status-line">
        <span part="status" class="status ${status}">${statusLabel(status)}</span>
        <span part="when" class="when">${timeline(locale, status, c.opensAt, c.closesAt, this.clock.now)}</span>
      </p>
      <p part="dates" class="dates">${msg(html`Open from ${this.date(c.opensAt)} to ${this.date(c.closesAt)}`)}</p>
      ${status === 'upcoming'
        ? nothing
        : html`<p part="participation" class="participation">
            ${participation(locale, c.participation)}
          </p>`}
    </article>`;
  }

}

/** Only web links (absolute or relative): never `javascript:` or another scheme from a template or data. */
function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? href : undefined;
  } catch {
    return undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sharek-consultations': SharekConsultations;
  }
}
