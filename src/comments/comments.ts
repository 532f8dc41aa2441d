import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';
import { Task, TaskStatus } from '@lit/task';
import type { Comment, CommentPage, Section, UsagePolicy } from '../api/schemas.js';
import type { ElementName } from '../registry.js';
import { SharekElement } from '../shared/base.js';
import { formatDateTime, formatRelative, pick } from '../shared/format.js';
import { languageOf, msg, str } from '../shared/localize.js';
import { DEFAULT_HEADING_LEVEL, headingTag } from '../shared/heading.js';
import { pageLimit, PagingController } from '../shared/paging.js';
import { hostStyles, moreStyles, skeletonStyles } from '../shared/styles.js';
import { stakeholderLabel } from '../shared/texts.js';
import { styles } from './comments.styles.js';
import { ReportDialog } from './report-dialog.js';
import { reportedIds } from './reported.js';
import { textLanguage } from './language.js';
import { commentContext, commentPlace, publishedCommentCount, replyContext, reportName } from './texts.js';

/**
 * The published comments on a consultation, newest first, with the agency's
 * replies, paged with the portal's cursor and filtered by article. Each
 * comment can be reported to the moderators with one of the usage policy's
 * reasons, in an accessible modal dialog.
 *
 * Comment text is the public's: it is always rendered as text, never as HTML,
 * and carries its own language and direction, from its script (an Arabic
 * comment on an English page is `lang="ar" dir="rtl"`; `dir="auto"` when no
 * script dominates). Each comment's heading and report button are named with
 * who wrote it, when and on which article, so that comments by the same kind
 * of author can be told apart.
 *
 * @summary The published comments, with reporting.
 * @tag sharek-comments
 *
 * @event {SharekErrorEvent} sharek-error - The comments could not be loaded; `error` says why.
 * @event {SharekCommentReportedEvent} sharek-comment-reported - The portal accepted a report; `commentId` and `reason` say which and why.
 *
 * @csspart comments - The section around everything.
 * @csspart heading - The list's heading.
 * @csspart count - How many comments are published, when known.
 * @csspart filter - The article filter (a `<select>`).
 * @csspart list - The list of comments (an `<ol>`).
 * @csspart comment - One comment (an `<article>`).
 * @csspart author - The comment's heading: display name and stakeholder type.
 * @csspart stakeholder - The stakeholder type badge.
 * @csspart meta - The article the comment is about, and its date.
 * @csspart body - The comment's text.
 * @csspart reply - The agency's reply under a comment.
 * @csspart report - The button that reports a comment.
 * @csspart more - The "Show more comments" button.
 * @csspart empty - The sentence shown when no comment is published.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - An error message.
 * @csspart retry - The retry button.
 * @csspart dialog - The report dialog (a native `<dialog>`).
 * @csspart send - The dialog's send button.
 * @csspart cancel - The dialog's cancel button.
 *
 * @cssproperty --sharek-comments-min-height - Room held from the start, so the page does not jump. Default `15rem`.
 */
export class SharekComments extends SharekElement {
  static override styles = [hostStyles, skeletonStyles, moreStyles, styles, ReportDialog.styles];
  protected static override readonly messages: ElementName = 'comments';

  /** The consultation's id on the portal. */
  @property() consultation = '';

  /** Show the comments on this article first (the reader can change it with the filter). */
  @property() section?: string;

  /** Comments per page (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Level of the list's heading (2–6); each comment's heading is one below, its reply's two. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = DEFAULT_HEADING_LEVEL;

  /**
   * Whether the element is a region of the page of its own (a landmark named
   * by its heading). The card sets it to false for the elements inside it:
   * the card is the one region, its parts are headed blocks within it.
   */
  @property({ attribute: false }) landmark = true;

  /**
   * The comments, when the page already has them: a page `{items, nextCursor}`
   * as the portal answers, or a plain list. No request is made to show them;
   * "Show more" and the filter ask the portal (when `consultation` is set).
   */
  @property({ attribute: false }) data?: CommentPage | Comment[];

  /** The draft's articles, for the filter and the article links. Without it they come from the consultation. */
  @property({ attribute: false }) sections?: Section[];

  /** The usage policy (for the report reasons). Without it, it is fetched when a report is started. */
  @property({ attribute: false }) policy?: UsagePolicy;

  /** The article the list is filtered by (`''`: all). */
  @state() private filter = '';
  /** Pages loaded with "Show more", for the base page they follow. */
  private readonly paging = new PagingController<Comment>(this, {
    first: () => this.base,
    canFetch: () => !!this.consultation,
    fetch: (cursor) => this.client.listComments(this.consultation, { section: this.filter || undefined, cursor, limit: pageLimit(this.pageSize) }),
    onError: (error) => this.reportError(error),
    itemPart: 'comment',
    root: () => this.renderRoot,
  });
  /** Ids reported from this browser (refreshed from storage when connected). */
  @state() private reported = new Set<string>();
  /** Reported while this element was on the page: shows the thank-you. */
  @state() private justReported = new Set<string>();
  @state() private announcement: '' | 'reported' = '';

  private readonly reportDialog = new ReportDialog(this, {
    policy: () => this.policy,
    load: (request) => this.load(request),
    renderLoadError: (error, retry) => this.renderLoadError(error, retry),
    reportError: (error) => this.reportError(error, { quiet: true }),
    reported: (comment) => void this.showReported(comment),
  });

  private readonly loader = new Task(this, {
    args: () => [this.usingData ? '' : this.consultation, this.api, this.filter, pageLimit(this.pageSize)] as const,
    task: async ([id, , section, limit]) => {
      if (!id) return undefined;
      return this.load(() => this.client.listComments(id, { section: section || undefined, limit }));
    },
  });

  /** The consultation, only for its articles (and its comment count) when `sections` is not given. */
  private readonly consultationLoader = new Task(this, {
    args: () => [this.sections || this.data ? '' : this.consultation, this.api] as const,
    task: async ([id]) => {
      if (!id) return undefined;
      try {
        return await this.client.getConsultation(id);
      } catch (error) {
        // The list still works without the filter; the list's own load reports failures.
        console.warn(`[sharek] ${(error as Error).message}`);
        return undefined;
      }
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.reported = new Set(reportedIds());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('section')) this.filter = this.section ?? '';
  }

  /** True while the comments shown are the page's `data`. */
  private get usingData(): boolean {
    return this.data !== undefined && this.filter === (this.section ?? '');
  }

  /** The first page: the page's `data` or the portal's answer. */
  private get base(): CommentPage | Comment[] | undefined {
    return this.usingData ? this.data : this.loader.value;
  }

  /** The comments shown, newest first. */
  get comments(): Comment[] {
    return this.paging.items;
  }

  /** The cursor of the next page, or `null` on the last page. */
  get nextCursor(): string | null {
    return this.paging.nextCursor;
  }

  /** The draft's articles, from `sections` or the consultation. */
  private get articles(): Section[] {
    return this.sections ?? this.consultationLoader.value?.sections ?? [];
  }

  /** The hash that links to one article on the card: `#sharek-<consultation>-<article>`. */
  private articleHash(sectionId: string): string {
    return `#sharek-${this.consultation}-${sectionId}`;
  }

  // ---------------------------------------------------------------- rendering

  override render() {
    const h = headingTag(this.headingLevel);
    return html`<section part="comments" class="comments" aria-labelledby=${this.landmark ? 'heading' : nothing} aria-busy=${this.busy ? 'true' : 'false'}>
      <div class="list-header">
        ${staticHtml`<${h} part="heading" id="heading" class="heading">${msg('Published comments')}</${h}>`}
        ${this.renderCount()}
      </div>
      ${this.renderFilter()} ${this.renderBody()}
      <p part="announcement" role="status" class="visually-hidden">
        ${this.announcement === 'reported' ? msg('Thank you. The moderators will review this comment.') : nothing}
      </p>
    </section>
    ${this.reportDialog.render()}`;
  }

  private get busy(): boolean {
    return (!this.usingData && this.loader.status === TaskStatus.PENDING) || this.paging.loading;
  }

  private renderCount() {
    if (this.busy && !this.paging.loading) return nothing;
    const base = this.base;
    if (!base) return nothing;
    let n: number | undefined;
    if (this.nextCursor === null) n = this.comments.length;
    else if (!this.filter) n = this.consultationLoader.value?.participation.comments;
    return n === undefined ? nothing : html`<p part="count" class="count">${publishedCommentCount(this.locale, n)}</p>`;
  }

  private renderFilter() {
    const articles = this.articles;
    // Without the consultation's id the portal cannot be asked for another article.
    if (!articles.length || !this.consultation) return nothing;
    const locale = this.locale;
    return html`<p class="filter">
      <label for="filter">${msg('Show comments on')}</label>
      <select part="filter" id="filter" .value=${this.filter} @change=${this.onFilter}>
        <option value="" ?selected=${this.filter === ''}>${msg('All comments')}</option>
        ${articles.map((s) => {
          const title = pick(s.title, locale);
          return html`<option value=${s.id} ?selected=${this.filter === s.id}>${msg(str`Article ${s.number}`)} – ${title.text}</option>`;
        })}
      </select>
    </p>`;
  }

  private onFilter(e: Event) {
    this.filter = (e.target as HTMLSelectElement).value;
    this.paging.clearError();
  }

  private renderBody() {
    if (!this.usingData && this.loader.status === TaskStatus.PENDING) return this.renderLoading();
    const base = this.base;
    if (base) return this.comments.length ? this.renderList() : this.renderEmpty();
    if (this.loader.status === TaskStatus.ERROR) return this.renderLoadError(this.loader.error, () => this.loader.run());
    if (!this.consultation) return this.renderNothingChosen(msg('No consultation was chosen for this place on the page.'));
    return this.renderLoading();
  }

  private renderLoading() {
    return html`<div part="loading" class="loading">
      <p role="status" class="visually-hidden">${msg('Loading the comments…')}</p>
      <div class="skeleton" aria-hidden="true">
        <span class="short"></span><span class="block"></span><span class="short"></span><span class="block"></span>
      </div>
    </div>`;
  }

  private renderEmpty() {
    return html`<p part="empty" class="empty">
      ${this.filter
        ? msg('No published comments on this article yet.')
        : msg('No published comments yet. Comments appear here once the moderators have reviewed them.')}
    </p>`;
  }

  private renderList() {
    const more = this.nextCursor && this.consultation;
    const labels = this.labels(this.comments);
    return html`<ol part="list">
        ${repeat(this.comments, (c) => c.id, (c) => html`<li>${this.renderComment(c, labels.get(c.id)!)}</li>`)}
      </ol>
      ${this.paging.renderMore(Boolean(more), msg('Show more comments'), msg('Loading more comments…'))}`;
  }

  /**
   * Who wrote each comment, when and where, for names that tell the comments
   * apart (three anonymous "Individual" comments would otherwise read alike):
   * "3 hours ago", or the date and time where two of the same author and
   * article share it.
   */
  private labels(comments: Comment[]): Map<string, { who: string; when: string; place: string }> {
    const locale = this.locale;
    const labels = new Map<string, { who: string; when: string; place: string }>();
    const seen = new Map<string, number>();
    for (const c of comments) {
      const type = stakeholderLabel(c.author.stakeholderType);
      const who = c.author.displayName ? `${c.author.displayName} (${type})` : type;
      const number = c.sectionId ? this.articles.find((s) => s.id === c.sectionId)?.number : undefined;
      const label = { who, when: formatRelative(locale, c.createdAt), place: commentPlace(c.sectionId, number) };
      labels.set(c.id, label);
      const key = JSON.stringify(label);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    for (const c of comments) {
      const label = labels.get(c.id)!;
      if (seen.get(JSON.stringify(label))! > 1) label.when = formatDateTime(locale, c.createdAt, this.calendarInUse);
    }
    return labels;
  }

  private renderComment(c: Comment, label: { who: string; when: string; place: string }) {
    const h = headingTag(this.headingLevel, 1);
    const hr = headingTag(this.headingLevel, 2);
    const headingId = `comment-${c.id}-author`;
    const reported = this.reported.has(c.id);
    const language = languageOf(this.locale);
    // Each text in its own language, from its script (the portal does not say): read with the right voice.
    const body = textLanguage(c.body, language);
    const name = c.author.displayName ? textLanguage(c.author.displayName, language) : undefined;
    const reply = c.reply ? textLanguage(c.reply.body, language) : undefined;
    return html`<article part="comment" id=${`comment-${c.id}`} tabindex="-1" aria-labelledby=${headingId}>
      ${staticHtml`<${h} part="author" class="author" id=${headingId}>
        ${name ? html`<span class="name" lang=${name.lang ?? nothing} dir=${name.dir}>${c.author.displayName}</span>` : nothing}
        <span part="stakeholder" class="stakeholder">${stakeholderLabel(c.author.stakeholderType)}</span>
        <span class="visually-hidden">${commentContext(label.when, label.place)}</span>
      </${h}>`}
      <p part="meta" class="meta">
        <span class="about">${this.about(c)}</span>
        <span>${this.date(c.createdAt)}</span>
      </p>
      <p part="body" class="body" lang=${body.lang ?? nothing} dir=${body.dir}>${c.body}</p>
      ${c.reply
        ? html`<div part="reply" class="reply">
            ${staticHtml`<${hr} class="reply-heading" id=${`comment-${c.id}-reply`}>${msg('Reply from the agency')}
              <span class="visually-hidden">${replyContext(label.who, label.when)}</span></${hr}>`}
            ${this.date(c.reply.createdAt)}
            <p class="reply-body" lang=${reply!.lang ?? nothing} dir=${reply!.dir}>${c.reply.body}</p>
          </div>`
        : nothing}
      <div class="actions">
        <button
          part="report"
          class="link"
          aria-label=${reportName(reported, label.who, label.when, label.place)}
          aria-disabled=${reported ? 'true' : nothing}
          @click=${(e: Event) => this.report(c, e)}
        >
          ${reported ? msg('Reported') : msg('Report')}
        </button>
        ${reported
          ? html`<p class="reported-note">
              ${this.justReported.has(c.id)
                ? msg('Thank you. The moderators will review this comment.')
                : msg('You reported this comment. The moderators will review it.')}
            </p>`
          : nothing}
      </div>
    </article>`;
  }

  private report(comment: Comment, e: Event) {
    if (!this.reported.has(comment.id)) void this.reportDialog.open(comment, e.currentTarget as HTMLElement);
  }

  /** The portal has the report: the comment says so, and the thanks are announced once focus is back. */
  private async showReported(comment: Comment) {
    this.reported = new Set(reportedIds());
    this.justReported = new Set([...this.justReported, comment.id]);
    // A fresh announcement after the focus has returned, so it is read and not cut short.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = 'reported';
  }

  /** What the comment is about: the whole draft, or an article (linked to it on the card). */
  private about(c: Comment) {
    if (!c.sectionId) return msg('About the whole draft');
    const section = this.articles.find((s) => s.id === c.sectionId);
    const label = section ? msg(str`About article ${section.number}`) : msg('About one of the articles');
    return this.consultation ? html`<a href=${this.articleHash(c.sectionId)}>${label}</a>` : label;
  }


}


declare global {
  interface HTMLElementTagNameMap {
    'sharek-comments': SharekComments;
  }
}
