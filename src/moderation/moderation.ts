import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../api/errors.js';
import type { Consultation, ConsultationSummary, Decision, ReportReason, UsagePolicy } from '../api/schemas.js';
import { ensureDefined, splitTag } from '../registry.js';
import type { ElementName } from '../registry.js';
import { SharekElement } from '../shared/base.js';
import { formatDate, formatNumber, formatRelative, pick } from '../shared/format.js';
import { DEFAULT_HEADING_LEVEL, headingTag } from '../shared/heading.js';
import { directionOf, languageOf, msg, str } from '../shared/localize.js';
import { errorMessage } from '../shared/messages.js';
import { hostStyles } from '../shared/styles.js';
import { STAKEHOLDER_TYPES, stakeholderLabel, statusLabel } from '../shared/texts.js';
import { AdminClient, QUEUES, signedOut, type AdminComment, type FeedbackReport, type Filters, type QueueName, type Queues } from './api.js';
import { emptyDraft, OUTCOMES, toDecisionDraft, type DraftFields } from './decision-form.js';
import { decisionTag } from './preview-tag.js';
import { renderReport } from './report-view.js';
import { styles } from './moderation.styles.js';
import { doneCount, hours, outcomeLabel, queueLabel, refusal, reporters, selectedCount, type Done } from './texts.js';

const HOUR = 3_600_000;

const PAGE = 20;

type View = 'queues' | 'decision' | 'report';

/**
 * The agency's moderation console: sign in with a moderator's credential,
 * work the queues (awaiting moderation, reported, published, rejected) one
 * comment or several at a time, reply as the agency, publish a consultation's
 * decision with a preview as citizens will see it, and read, print or
 * download its feedback report. For agency staff only: it talks to the
 * portal's admin API, which answers only its own origin, so the page that
 * shows it must be on the portal's origin (the reference portal serves one at
 * `/admin/`).
 *
 * The credential is kept in this element only, for as long as the tab shows
 * it: never in storage, a cookie or the address. "Sign out" forgets it; a 401
 * or 403 from the portal signs out with a message.
 *
 * @summary The moderation console.
 * @tag sharek-moderation
 *
 * @event {SharekErrorEvent} sharek-error - Something could not be loaded; `error` says why.
 *
 * @csspart console - The region around everything.
 * @csspart heading - The console's heading.
 * @csspart sign-in - The sign-in form.
 * @csspart session - Who is signed in, and "Sign out".
 * @csspart status - The polite live region that says what an action did.
 * @csspart filters - The consultation, article and participant type filters.
 * @csspart views - The buttons between the queues, the decision form and the feedback report.
 * @csspart queues - The queue tabs.
 * @csspart queue-summary - How many wait in each queue, and for how long.
 * @csspart overdue - The words that say an item or a queue is past the response time.
 * @csspart toolbar - Select all, and the actions on the selected comments.
 * @csspart table - The table of comments.
 * @csspart comment - One comment's row.
 * @csspart actions - A comment's actions.
 * @csspart more - "Load more".
 * @csspart decision-form - The decision form.
 * @csspart preview - The decision's preview (a `sharek-decision`).
 * @csspart report - The printable feedback report.
 * @csspart error - An error message.
 */
export class SharekModeration extends SharekElement {
  static override styles = [hostStyles, styles];
  /** Its Arabic messages are a chunk of their own, so citizens' pages never load them. */
  protected static override readonly messages: ElementName = 'moderation';

  /** The level of the console's heading, 2 to 6 (the sub-headings are one below). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = DEFAULT_HEADING_LEVEL;

  /** The admin API with the credential, once signed in; the credential lives only inside it. */
  #admin?: AdminClient;

  @state() private moderator?: string;
  @state() private responseTimeHours = 72;
  @state() private signingIn = false;
  @state() private signInMessage = '';

  @state() private view: View = 'queues';
  @state() private queue: QueueName = 'pending';
  @state() private filters: Filters = {};
  @state() private items: AdminComment[] = [];
  @state() private nextCursor: string | null = null;
  @state() private listState: 'loading' | 'ready' | 'error' = 'loading';
  @state() private listError?: unknown;
  @state() private queueCounts?: Queues;
  @state() private consultations: ConsultationSummary[] = [];
  @state() private chosen?: Consultation;
  @state() private policy?: UsagePolicy;
  @state() private selected = new Set<string>();
  @state() private open?: { id: string; kind: 'reject' | 'reply' };
  @state() private rowErrors = new Map<string, string>();
  @state() private announcement = '';
  @state() private alert = '';
  @state() private bulkReason = '';

  @state() private draft: DraftFields = emptyDraft();
  @state() private preview?: Decision;
  @state() private decisionMessage = '';
  @state() private decisionError = '';
  @state() private fieldErrors: { field: string; code: string }[] = [];
  @state() private report?: FeedbackReport;
  @state() private reportLoadError?: unknown;

  /** Where focus goes after the next render: a row's index once an item left the queue, or an element's id. */
  private focusAfter?: { row: number } | { id: string };
  /** Generation of the list's requests, so an answer for old filters is dropped. */
  private listRequest = 0;

  /** Signs out: forgets the credential and everything it showed. */
  signOut(message = ''): void {
    this.#admin = undefined;
    this.moderator = undefined;
    this.items = [];
    this.queueCounts = undefined;
    this.selected = new Set();
    this.open = undefined;
    this.report = undefined;
    this.preview = undefined;
    this.signInMessage = message;
    this.focusAfter = { id: 'credential' };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.focusAfter;
    if (!target) return;
    this.focusAfter = undefined;
    const root = this.renderRoot as ShadowRoot;
    if ('id' in target) {
      root.getElementById(target.id)?.focus();
      return;
    }
    const boxes = [...root.querySelectorAll<HTMLInputElement>('tbody input[type=checkbox]')];
    (boxes[Math.min(target.row, boxes.length - 1)] ?? root.getElementById('queue-empty'))?.focus();
  }

  // ---- sign-in -------------------------------------------------------------

  private async signIn(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('credential') as HTMLInputElement;
    const credential = input.value.trim();
    if (!credential) {
      this.signInMessage = this.inLocale(() => msg('Enter your moderator credential.', { id: 'moderation.enter-your-moderator-credential' }));
      this.focusAfter = { id: 'credential' };
      return;
    }
    this.signingIn = true;
    this.signInMessage = '';
    const admin = new AdminClient(this.client.base, credential);
    try {
      const me = await admin.me();
      // The field is emptied: the credential stays only inside the client.
      input.value = '';
      this.#admin = admin;
      this.moderator = me.moderator;
      this.responseTimeHours = me.responseTimeHours;
      this.view = 'queues';
      this.focusAfter = { id: 'console-heading' };
      void this.loadReferenceData();
      void this.reload();
    } catch (e) {
      this.signInMessage = this.inLocale(() =>
        signedOut(e) ? msg('This credential was not accepted. Check it and try again.', { id: 'moderation.this-credential-was-not-accepted-check' }) : errorMessage(e),
      );
      this.focusAfter = { id: 'credential' };
      if (!signedOut(e)) this.reportError(e, { quiet: true });
    } finally {
      this.signingIn = false;
    }
  }

  /** A 401/403 after sign-in: the credential was revoked or the session is no longer valid. */
  private lostSession(e: unknown): boolean {
    if (!signedOut(e)) return false;
    this.signOut(this.inLocale(() => msg('The portal no longer accepts your credential. Sign in again.', { id: 'moderation.the-portal-no-longer-accepts-your' })));
    return true;
  }

  /** The consultations (for the filter) and the usage policy (for the reasons): public reads. */
  private async loadReferenceData() {
    try {
      const [page, policy] = await Promise.all([this.client.listConsultations({ limit: 100 }), this.client.getPolicy()]);
      this.consultations = page.items;
      this.policy = policy;
    } catch (e) {
      this.reportError(e);
    }
  }

  // ---- the queues ----------------------------------------------------------

  /** Loads the chosen queue's first page and the counts again. */
  private async reload() {
    const admin = this.#admin;
    if (!admin) return;
    const request = ++this.listRequest;
    this.listState = 'loading';
    this.items = [];
    this.selected = new Set();
    this.open = undefined;
    this.rowErrors = new Map();
    void this.refreshCounts();
    try {
      const page = await admin.comments(this.queue, this.filters, undefined, PAGE);
      if (request !== this.listRequest) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor ?? null;
      this.listState = 'ready';
    } catch (e) {
      if (request !== this.listRequest || this.lostSession(e)) return;
      this.listError = e;
      this.listState = 'error';
      this.reportError(e);
    }
  }

  private async loadMore() {
    const admin = this.#admin;
    if (!admin || !this.nextCursor) return;
    const request = this.listRequest;
    const first = this.items.length;
    try {
      const page = await admin.comments(this.queue, this.filters, this.nextCursor, PAGE);
      if (request !== this.listRequest) return;
      const known = new Set(this.items.map((c) => c.id));
      this.items = [...this.items, ...page.items.filter((c) => !known.has(c.id))];
      this.nextCursor = page.nextCursor ?? null;
      // The first new comment, so a keyboard user carries on where the page grew.
      this.focusAfter = { row: first };
    } catch (e) {
      if (!this.lostSession(e)) this.alert = this.inLocale(() => errorMessage(e));
    }
  }

  private async refreshCounts() {
    try {
      this.queueCounts = await this.#admin?.queues(this.filters.consultation);
      if (this.queueCounts) this.responseTimeHours = this.queueCounts.responseTimeHours;
    } catch (e) {
      // An older portal without /queues: the tabs go without counts.
      if (!this.lostSession(e)) this.queueCounts = undefined;
    }
  }

  private chooseQueue(queue: QueueName, focus = false) {
    if (queue === this.queue) return;
    this.queue = queue;
    if (focus) this.focusAfter = { id: `tab-${queue}` };
    void this.reload();
  }

  private onTabKey(event: KeyboardEvent) {
    const i = QUEUES.indexOf(this.queue);
    const rtl = directionOf(this.locale) === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number | undefined;
    if (event.key === forward) next = (i + 1) % QUEUES.length;
    else if (event.key === back) next = (i + QUEUES.length - 1) % QUEUES.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = QUEUES.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    this.chooseQueue(QUEUES[next]!, true);
  }

  private async chooseConsultation(id: string) {
    this.filters = { ...(id ? { consultation: id } : {}), ...(this.filters.stakeholder ? { stakeholder: this.filters.stakeholder } : {}) };
    this.chosen = undefined;
    this.report = undefined;
    this.reportLoadError = undefined;
    this.preview = undefined;
    this.draft = emptyDraft();
    this.decisionMessage = '';
    this.decisionError = '';
    this.view = 'queues';
    void this.reload();
    if (!id) return;
    try {
      const c = await this.client.getConsultation(id);
      if (this.filters.consultation === id) this.chosen = c;
    } catch (e) {
      this.reportError(e);
    }
  }

  private setFilter(name: 'section' | 'stakeholder', value: string) {
    const next = { ...this.filters };
    if (value) next[name] = value;
    else delete next[name];
    this.filters = next;
    void this.reload();
  }

  // ---- actions -------------------------------------------------------------

  private reasonLabel(code: string): string {
    const label = this.policy?.reportReasons.find((r) => r.code === code)?.label;
    return label ? pick(label, this.locale).text : code;
  }

  /**
   * Takes comments out of the queue at once and asks the portal; those it
   * refuses come back where they were, each with why. Announces what was done.
   */
  private async leaveQueue(ids: string[], done: Done, act: (admin: AdminClient, id: string) => Promise<AdminComment>) {
    const admin = this.#admin;
    if (!admin || !ids.length) return;
    const before = this.items;
    const firstIndex = Math.min(...ids.map((id) => before.findIndex((c) => c.id === id)).filter((i) => i >= 0));
    const leaving = new Set(ids);
    this.items = before.filter((c) => !leaving.has(c.id));
    this.selected = new Set([...this.selected].filter((id) => !leaving.has(id)));
    this.open = undefined;
    this.alert = '';
    this.announcement = '';
    this.focusAfter = { row: Number.isFinite(firstIndex) ? firstIndex : 0 };
    const results = await Promise.allSettled(ids.map((id) => act(admin, id)));
    const refused = ids.filter((_, i) => results[i]!.status === 'rejected');
    const lost = results.find((r) => r.status === 'rejected' && signedOut(r.reason));
    if (lost) {
      this.lostSession((lost as PromiseRejectedResult).reason);
      return;
    }
    if (refused.length) {
      // Back in their places, in the queue's order.
      const back = new Set(refused);
      const present = new Set(this.items.map((c) => c.id));
      this.items = before.filter((c) => present.has(c.id) || back.has(c.id));
      const errors = new Map(this.rowErrors);
      refused.forEach((id) => errors.set(id, this.inLocale(() => refusal((results[ids.indexOf(id)] as PromiseRejectedResult).reason as Error))));
      this.rowErrors = errors;
      this.alert = this.inLocale(() =>
        msg(str`The portal refused ${formatNumber(this.locale, refused.length)} of ${formatNumber(this.locale, ids.length)}: they are back in the queue.`, { id: 'moderation.the-portal-refused-n-of-n' }),
      );
      this.focusAfter = { row: before.findIndex((c) => c.id === refused[0]) };
    }
    const succeeded = ids.length - refused.length;
    if (succeeded) this.announcement = this.inLocale(() => doneCount(this.locale, done, succeeded));
    void this.refreshCounts();
  }

  private approve(ids: string[]) {
    return this.leaveQueue(ids, 'approved', (admin, id) => admin.approve(id));
  }

  private reject(ids: string[], reason: ReportReason, note?: string) {
    const removing = this.items.some((c) => ids.includes(c.id) && c.status === 'published');
    return this.leaveQueue(ids, removing ? 'removed' : 'rejected', (admin, id) => admin.reject(id, reason, note));
  }

  private dismiss(id: string) {
    return this.leaveQueue([id], 'dismissed', (admin, i) => admin.dismissReports(i));
  }

  private async reply(comment: AdminComment, body: string) {
    const admin = this.#admin;
    if (!admin) return;
    const previous = comment.reply;
    // Shown at once; taken back if the portal refuses.
    this.replace({ ...comment, reply: { body, createdAt: new Date().toISOString(), by: this.moderator } });
    this.open = undefined;
    this.focusAfter = { id: `row-${comment.id}` };
    try {
      this.replace(await admin.reply(comment.id, body));
      this.announcement = this.inLocale(() => msg('Reply published.', { id: 'moderation.reply-published' }));
    } catch (e) {
      if (this.lostSession(e)) return;
      this.replace({ ...comment, reply: previous });
      this.rowErrors = new Map(this.rowErrors).set(comment.id, this.inLocale(() => refusal(e as Error)));
      this.open = { id: comment.id, kind: 'reply' };
    }
  }

  private replace(comment: AdminComment) {
    this.items = this.items.map((c) => (c.id === comment.id ? comment : c));
  }

  private toggle(id: string, on: boolean) {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private toggleAll(on: boolean) {
    this.selected = on ? new Set(this.items.map((c) => c.id)) : new Set();
  }

  // ---- decision and report -------------------------------------------------

  private async showView(view: View) {
    this.view = view;
    if (view === 'report' && this.filters.consultation && !this.report) await this.loadReport();
  }

  private async loadReport() {
    const admin = this.#admin;
    const id = this.filters.consultation;
    if (!admin || !id) return;
    this.reportLoadError = undefined;
    try {
      this.report = await admin.report(id);
    } catch (e) {
      if (!this.lostSession(e)) this.reportLoadError = e;
    }
  }

  private async download(format: 'csv' | 'json') {
    const admin = this.#admin;
    const id = this.filters.consultation;
    if (!admin || !id) return;
    try {
      const blob = await admin.reportFile(id, format, languageOf(this.locale));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${id}-feedback-report.${format}`;
      a.hidden = true;
      this.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.announcement = this.inLocale(() => msg('The report was downloaded.', { id: 'moderation.the-report-was-downloaded' }));
    } catch (e) {
      if (!this.lostSession(e)) this.alert = this.inLocale(() => errorMessage(e));
    }
  }

  private async sendDecision(publish: boolean) {
    const admin = this.#admin;
    const id = this.filters.consultation;
    if (!admin || !id) return;
    this.decisionError = '';
    this.decisionMessage = '';
    this.fieldErrors = [];
    const body = toDecisionDraft(this.draft);
    try {
      const decision = publish ? await admin.publishDecision(id, body) : await admin.previewDecision(id, body);
      this.preview = decision;
      if (publish) {
        this.decisionMessage = this.inLocale(() => msg('The decision is published. Citizens see it now.', { id: 'moderation.the-decision-is-published-citizens-see' }));
        this.announcement = this.decisionMessage;
        this.chosen = await this.client.getConsultation(id).catch(() => this.chosen);
      }
      await ensureDefined(`${this.tagPrefix}-decision`);
      this.focusAfter = { id: publish ? 'decision-message' : 'preview-heading' };
      this.requestUpdate();
    } catch (e) {
      if (this.lostSession(e)) return;
      const status = e instanceof ApiError ? e.status : undefined;
      this.decisionError = this.inLocale(() =>
        status === 409
          ? msg('The portal refused: a decision can be published only once the consultation has closed, and only once.', { id: 'moderation.the-portal-refused-a-decision-can' })
          : status === 400
            ? msg('The portal refused the decision: check the fields listed below.', { id: 'moderation.the-portal-refused-the-decision-check' })
            : errorMessage(e),
      );
      this.fieldErrors = (e instanceof ApiError && e.problem?.errors) || [];
      this.focusAfter = { id: 'decision-error' };
    }
  }

  /** This element's tag prefix (`sharek` for `sharek-moderation`), for the decision preview's tag. */
  private get tagPrefix(): string {
    return splitTag(this.localName)?.[0] ?? 'sharek';
  }

  // ---- rendering -----------------------------------------------------------

  override render() {
    const h = headingTag(this.headingLevel);
    return html`<section part="console" class="console" aria-labelledby="console-heading">
      ${staticHtml`<${h} id="console-heading" part="heading" class="heading" tabindex="-1">${msg('Moderation', { id: 'moderation.moderation' })}</${h}>`}
      <div part="status" class="status" role="status">${this.announcement}</div>
      ${this.moderator ? this.renderSignedIn() : this.renderSignIn()}
    </section>`;
  }

  private renderSignIn() {
    return html`<form part="sign-in" class="sign-in" @submit=${this.signIn} novalidate>
      <p>${msg('Sign in with your own moderator credential. It is kept only in this tab, and forgotten when you sign out or close it.', { id: 'moderation.sign-in-with-your-own-moderator' })}</p>
      <label for="credential">${msg('Moderator credential', { id: 'moderation.moderator-credential' })}</label>
      <input
        id="credential"
        name="credential"
        type="password"
        autocomplete="off"
        spellcheck="false"
        required
        aria-describedby=${this.signInMessage ? 'sign-in-message' : nothing}
        aria-invalid=${this.signInMessage ? 'true' : nothing}
      />
      ${this.signInMessage ? html`<p id="sign-in-message" part="error" class="error" role="alert">${this.signInMessage}</p>` : nothing}
      <button type="submit" ?disabled=${this.signingIn}>${this.signingIn ? msg('Checking…', { id: 'moderation.checking' }) : msg('Sign in', { id: 'moderation.sign-in' })}</button>
    </form>`;
  }

  private renderSignedIn() {
    return html`<p part="session" class="session">
        <span>${msg(str`Signed in as ${this.moderator}`, { id: 'moderation.signed-in-as-n' })}</span>
        <button type="button" class="secondary" @click=${() => this.signOut()}>${msg('Sign out', { id: 'moderation.sign-out' })}</button>
      </p>
      ${this.alert ? html`<div part="error" class="error" role="alert"><p>${this.alert}</p></div>` : nothing} ${this.renderFilters()}
      ${this.renderViews()}
      ${this.view === 'decision' ? this.renderDecision() : this.view === 'report' ? this.renderFeedbackReport() : this.renderQueues()}`;
  }

  private renderFilters() {
    const locale = this.locale;
    const sections = this.chosen?.sections ?? [];
    return html`<div part="filters" class="filters" role="group" aria-label=${msg('Filters', { id: 'moderation.filters' })}>
      <label
        >${msg('Consultation', { id: 'moderation.consultation' })}
        <select id="filter-consultation" @change=${(e: Event) => void this.chooseConsultation((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.filters.consultation}>${msg('All consultations', { id: 'moderation.all-consultations' })}</option>
          ${this.consultations.map((c) => {
            const t = pick(c.title, locale);
            return html`<option value=${c.id} ?selected=${this.filters.consultation === c.id} lang=${t.lang}>${t.text} (${statusLabel(c.status)})</option>`;
          })}
        </select></label
      >
      <label
        >${msg('Article', { id: 'moderation.article' })}
        <select id="filter-section" ?disabled=${!sections.length} @change=${(e: Event) => this.setFilter('section', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.filters.section}>${msg('All articles', { id: 'moderation.all-articles' })}</option>
          ${sections.map(
            (s) => html`<option value=${s.id} ?selected=${this.filters.section === s.id}>${msg(str`Article ${s.number}`, { id: 'moderation.article-n' })}: ${pick(s.title, locale).text}</option>`,
          )}
        </select></label
      >
      <label
        >${msg('Type of participant', { id: 'moderation.type-of-participant' })}
        <select id="filter-stakeholder" @change=${(e: Event) => this.setFilter('stakeholder', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.filters.stakeholder}>${msg('All types', { id: 'moderation.all-types' })}</option>
          ${STAKEHOLDER_TYPES.map((t) => html`<option value=${t} ?selected=${this.filters.stakeholder === t}>${stakeholderLabel(t)}</option>`)}
        </select></label
      >
    </div>`;
  }

  private renderViews() {
    if (!this.chosen) return nothing;
    const button = (view: View, label: string) =>
      html`<button type="button" class=${this.view === view ? '' : 'secondary'} aria-pressed=${this.view === view ? 'true' : 'false'} @click=${() => void this.showView(view)}>
        ${label}
      </button>`;
    return html`<div part="views" class="views" role="group" aria-label=${msg('What to work on', { id: 'moderation.what-to-work-on' })}>
      ${button('queues', msg('Comments', { id: 'moderation.comments' }))} ${button('decision', msg('Decision', { id: 'moderation.decision' }))} ${button('report', msg('Feedback report', { id: 'moderation.feedback-report' }))}
    </div>`;
  }

  private renderQueues() {
    const counts = this.queueCounts?.queues;
    return html`${this.renderSummary()}
      <div part="queues" class="tabs" role="tablist" aria-label=${msg('Queues', { id: 'moderation.queues' })} @keydown=${this.onTabKey}>
        ${QUEUES.map(
          (q) => html`<button
            type="button"
            role="tab"
            id=${`tab-${q}`}
            aria-selected=${q === this.queue ? 'true' : 'false'}
            aria-controls="queue-panel"
            tabindex=${q === this.queue ? '0' : '-1'}
            @click=${() => this.chooseQueue(q)}
          >
            ${queueLabel(q)}${counts ? html` <span class="count">(${formatNumber(this.locale, counts[q].count)})</span>` : nothing}
          </button>`,
        )}
      </div>
      <div id="queue-panel" role="tabpanel" aria-labelledby=${`tab-${this.queue}`} class="panel">${this.renderQueue()}</div>`;
  }

  /** How many wait and the oldest of them, against the agency's response time; overdue said in words. */
  private renderSummary() {
    const counts = this.queueCounts?.queues;
    const target = hours(this.locale, this.responseTimeHours);
    return html`<div part="queue-summary" class="summary">
      <p>${msg(str`Response time: ${target}.`, { id: 'moderation.response-time-n' })}</p>
      ${counts
        ? html`<ul>
            ${(['pending', 'reported'] as const).map((q) => {
              const oldest = counts[q].oldestAt;
              return html`<li>
                ${queueLabel(q)}: ${formatNumber(this.locale, counts[q].count)}${oldest
                  ? html` · ${msg(str`the oldest arrived ${formatRelative(this.locale, oldest)}`, { id: 'moderation.the-oldest-arrived-n' })}${this.overdue(oldest) ? html` · ${this.renderOverdue()}` : nothing}`
                  : nothing}
              </li>`;
            })}
          </ul>`
        : nothing}
    </div>`;
  }

  private overdue(since: string | undefined): boolean {
    return !!since && Date.now() - new Date(since).getTime() > this.responseTimeHours * HOUR;
  }

  private renderOverdue() {
    return html`<strong part="overdue" class="overdue">${msg('Overdue', { id: 'moderation.overdue' })}</strong>`;
  }

  private renderQueue() {
    if (this.listState === 'loading') return html`<p class="loading" aria-busy="true">${msg('Loading the comments…', { id: 'moderation.loading-the-comments' })}</p>`;
    if (this.listState === 'error') {
      return html`<div part="error" class="error" role="alert">
        <p>${errorMessage(this.listError)}</p>
        <button type="button" @click=${() => void this.reload()}>${msg('Try again', { id: 'moderation.try-again' })}</button>
      </div>`;
    }
    if (!this.items.length) return html`<p id="queue-empty" class="empty" tabindex="-1">${msg('No comments in this queue.', { id: 'moderation.no-comments-in-this-queue' })}</p>`;
    const all = this.items.length > 0 && this.items.every((c) => this.selected.has(c.id));
    const some = this.selected.size;
    const reasons = this.policy?.reportReasons ?? [];
    return html`<div part="toolbar" class="toolbar" role="group" aria-label=${msg('Selected comments', { id: 'moderation.selected-comments' })}>
        <label class="check"
          ><input type="checkbox" .checked=${all} .indeterminate=${some > 0 && !all} @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)} />
          ${msg('Select all on this page', { id: 'moderation.select-all-on-this-page' })}</label
        >
        <span class="selected">${selectedCount(this.locale, some)}</span>
        ${this.queue === 'pending'
          ? html`<button type="button" ?disabled=${!some} @click=${() => void this.approve([...this.selected])}>${msg('Approve selected', { id: 'moderation.approve-selected' })}</button>`
          : nothing}
        ${this.queue !== 'rejected'
          ? html`<label
                >${msg('Reason', { id: 'moderation.reason' })}
                <select @change=${(e: Event) => (this.bulkReason = (e.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${!this.bulkReason}>${msg('Choose a reason', { id: 'moderation.choose-a-reason' })}</option>
                  ${reasons.map((r) => html`<option value=${r.code} ?selected=${this.bulkReason === r.code}>${this.reasonLabel(r.code)}</option>`)}
                </select></label
              >
              <button
                type="button"
                class="secondary"
                ?disabled=${!some || !this.bulkReason}
                @click=${() => void this.reject([...this.selected], this.bulkReason as ReportReason)}
              >
                ${this.queue === 'pending' ? msg('Reject selected', { id: 'moderation.reject-selected' }) : msg('Remove selected', { id: 'moderation.remove-selected' })}
              </button>`
          : nothing}
      </div>
      <table part="table" class="comments">
        <caption class="visually-hidden">
          ${queueLabel(this.queue)}
        </caption>
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">${msg('Selected', { id: 'moderation.selected' })}</span></th>
            <th scope="col">${msg('Comment', { id: 'moderation.comment' })}</th>
            <th scope="col">${msg('Waiting', { id: 'moderation.waiting' })}</th>
            <th scope="col">${msg('Actions', { id: 'moderation.actions' })}</th>
          </tr>
        </thead>
        <tbody>
          ${this.items.map((c) => this.renderRow(c))}
        </tbody>
      </table>
      ${this.nextCursor
        ? html`<p part="more" class="more"><button type="button" class="secondary" @click=${() => void this.loadMore()}>${msg('Load more', { id: 'moderation.load-more' })}</button></p>`
        : nothing}`;
  }

  private renderRow(c: AdminComment) {
    const locale = this.locale;
    const waitingSince = this.queue === 'reported' ? c.firstReportedAt ?? c.createdAt : this.queue === 'pending' ? c.createdAt : undefined;
    const error = this.rowErrors.get(c.id);
    const title = c.consultationTitle ? pick(c.consultationTitle, locale) : undefined;
    const section = c.sectionTitle ? pick(c.sectionTitle, locale) : undefined;
    return html`<tr part="comment" id=${`row-${c.id}`} tabindex="-1">
      <td>
        <input
          type="checkbox"
          aria-label=${msg('Select', { id: 'moderation.select' })}
          aria-describedby=${`body-${c.id}`}
          .checked=${this.selected.has(c.id)}
          @change=${(e: Event) => this.toggle(c.id, (e.target as HTMLInputElement).checked)}
        />
      </td>
      <td class="what">
        <p class="who">
          <strong>${c.displayName || msg('No name given', { id: 'moderation.no-name-given' })}</strong> · ${stakeholderLabel(c.stakeholderType)}
          ${title ? html` · <span lang=${title.lang}>${title.text}</span>` : nothing}
          ${section ? html` · <span lang=${section.lang}>${section.text}</span>` : c.sectionId ? nothing : html` · ${msg('The draft as a whole', { id: 'moderation.the-draft-as-a-whole' })}`}
        </p>
        <p id=${`body-${c.id}`} class="body">${c.body}</p>
        ${this.renderFlags(c)}
        ${c.reply ? html`<p class="reply"><strong>${msg('Agency reply:', { id: 'moderation.agency-reply' })}</strong> ${c.reply.body}</p>` : nothing}
        ${error ? html`<p part="error" class="error" role="alert">${error}</p>` : nothing}
      </td>
      <td class="age">
        ${waitingSince
          ? html`<time datetime=${waitingSince}>${formatRelative(locale, waitingSince)}</time>${this.overdue(waitingSince) ? html`<br />${this.renderOverdue()}` : nothing}`
          : c.moderatedAt
            ? html`${msg('Moderated', { id: 'moderation.moderated' })} <time datetime=${c.moderatedAt}>${formatRelative(locale, c.moderatedAt)}</time>${c.moderatedBy ? html`<br />${c.moderatedBy}` : nothing}`
            : html`<time datetime=${c.createdAt}>${formatRelative(locale, c.createdAt)}</time>`}
      </td>
      <td part="actions" class="actions">${this.renderActions(c)}</td>
    </tr>`;
  }

  private renderFlags(c: AdminComment) {
    const locale = this.locale;
    const flags = [];
    if (c.heldFor?.length || c.heldFound?.length) {
      flags.push(html`<p class="flag">
        <strong>${msg('May contain personal data.', { id: 'moderation.may-contain-personal-data' })}</strong>
        ${c.heldFound?.length ? html`${msg('Found:', { id: 'moderation.found' })} <bdi>${c.heldFound.join('، ')}</bdi>` : nothing}
      </p>`);
    }
    const reasons = Object.entries(c.reportReasons ?? {}) as [string, number][];
    if ((c.reporters ?? c.reports ?? 0) > 0 && (this.queue === 'reported' || reasons.length)) {
      flags.push(html`<div class="flag">
        <p><strong class="reporters">${reporters(locale, c.reporters ?? c.reports ?? 0)}</strong>${c.firstReportedAt && c.lastReportedAt
            ? html` · ${msg(str`first ${formatDate(locale, c.firstReportedAt)}, latest ${formatDate(locale, c.lastReportedAt)}`, { id: 'moderation.first-n-latest-n' })}`
            : nothing}</p>
        ${reasons.length
          ? html`<ul class="reasons">
              ${reasons.map(([code, n]) => html`<li>${this.reasonLabel(code)} (${formatNumber(locale, n)})</li>`)}
            </ul>`
          : nothing}
      </div>`);
    }
    if (c.status === 'rejected' && c.rejectionReason) {
      flags.push(html`<p class="flag">${msg('Reason:', { id: 'moderation.reason-2' })} ${this.reasonLabel(c.rejectionReason)}${c.rejectionNote ? html` — ${c.rejectionNote}` : nothing}</p>`);
    }
    return flags;
  }

  private renderActions(c: AdminComment) {
    const open = this.open?.id === c.id ? this.open.kind : undefined;
    if (open === 'reject') return this.renderRejectForm(c);
    if (open === 'reply') return this.renderReplyForm(c);
    const reported = (c.reporters ?? c.reports ?? 0) > 0;
    return html`${c.status === 'pending' ? html`<button type="button" @click=${() => void this.approve([c.id])}>${msg('Approve', { id: 'moderation.approve' })}</button>` : nothing}
    ${c.status !== 'rejected'
      ? html`<button type="button" class="secondary" @click=${() => this.openForm(c.id, 'reject')}>${c.status === 'published' ? msg('Remove', { id: 'moderation.remove' }) : msg('Reject', { id: 'moderation.reject' })}</button>`
      : nothing}
    ${c.status === 'published'
      ? html`<button type="button" class="secondary" @click=${() => this.openForm(c.id, 'reply')}>${c.reply ? msg('Change the reply', { id: 'moderation.change-the-reply' }) : msg('Reply', { id: 'moderation.reply' })}</button>`
      : nothing}
    ${reported && this.queue === 'reported'
      ? html`<button type="button" class="secondary" @click=${() => void this.dismiss(c.id)}>${msg('Dismiss the reports', { id: 'moderation.dismiss-the-reports' })}</button>`
      : nothing}`;
  }

  private openForm(id: string, kind: 'reject' | 'reply') {
    this.open = { id, kind };
    this.focusAfter = { id: `${kind}-${id}` };
  }

  private closeForm(id: string) {
    this.open = undefined;
    this.focusAfter = { id: `row-${id}` };
  }

  private renderRejectForm(c: AdminComment) {
    const submit = (e: SubmitEvent) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const reason = (form.elements.namedItem('reason') as HTMLSelectElement).value as ReportReason;
      const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value.trim();
      if (!reason) return void (form.elements.namedItem('reason') as HTMLSelectElement).focus();
      void this.reject([c.id], reason, note || undefined);
    };
    return html`<form class="inline" @submit=${submit} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeForm(c.id)}>
      <label
        >${msg('Reason', { id: 'moderation.reason' })}
        <select id=${`reject-${c.id}`} name="reason" required>
          <option value="">${msg('Choose a reason', { id: 'moderation.choose-a-reason' })}</option>
          ${(this.policy?.reportReasons ?? []).map((r) => html`<option value=${r.code}>${this.reasonLabel(r.code)}</option>`)}
        </select></label
      >
      <label>${msg('Note (optional)', { id: 'moderation.note-optional' })} <textarea name="note" maxlength="500" rows="2"></textarea></label>
      <span class="buttons">
        <button type="submit">${c.status === 'published' ? msg('Remove the comment', { id: 'moderation.remove-the-comment' }) : msg('Reject the comment', { id: 'moderation.reject-the-comment' })}</button>
        <button type="button" class="secondary" @click=${() => this.closeForm(c.id)}>${msg('Cancel', { id: 'moderation.cancel' })}</button>
      </span>
    </form>`;
  }

  private renderReplyForm(c: AdminComment) {
    const submit = (e: SubmitEvent) => {
      e.preventDefault();
      const body = ((e.target as HTMLFormElement).elements.namedItem('reply') as HTMLTextAreaElement).value.trim();
      if (body) void this.reply(c, body);
    };
    return html`<form class="inline" @submit=${submit} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeForm(c.id)}>
      <label>${msg('The agency’s reply', { id: 'moderation.the-agency-s-reply' })} <textarea id=${`reply-${c.id}`} name="reply" rows="4" maxlength="5000" required .value=${c.reply?.body ?? ''}></textarea></label>
      <span class="buttons">
        <button type="submit">${msg('Publish the reply', { id: 'moderation.publish-the-reply' })}</button>
        <button type="button" class="secondary" @click=${() => this.closeForm(c.id)}>${msg('Cancel', { id: 'moderation.cancel' })}</button>
      </span>
    </form>`;
  }

  private renderDecision() {
    const c = this.chosen!;
    const sub = headingTag(this.headingLevel, 1);
    const heading = staticHtml`<${sub} id="decision-heading" class="subheading">${msg('Publish the decision', { id: 'moderation.publish-the-decision' })}</${sub}>`;
    const closed = c.status === 'closed';
    const intro =
      c.status === 'decided'
        ? msg('The decision for this consultation is published. A decision is published once and not replaced.', { id: 'moderation.the-decision-for-this-consultation-is' })
        : closed
          ? msg('The consultation has closed: write the decision, preview it as citizens will see it, then publish it. The figures of what was heard are counted by the portal.', { id: 'moderation.the-consultation-has-closed-write-the' })
          : msg('A decision can be published only once the consultation has closed: until then the portal refuses it.', { id: 'moderation.a-decision-can-be-published-only' });
    return html`<section part="decision-form" class="decision" aria-labelledby="decision-heading">
      ${heading}
      <p>${intro}</p>
      ${this.decisionMessage ? html`<p id="decision-message" class="done" tabindex="-1">${this.decisionMessage}</p>` : nothing}
      ${c.status !== 'decided' ? this.renderDecisionForm(c) : nothing}
      ${this.preview ? this.renderPreview(c) : nothing}
    </section>`;
  }

  private renderDecisionForm(c: Consultation) {
    const d = this.draft;
    const set = (patch: Partial<DraftFields>) => (this.draft = { ...this.draft, ...patch });
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    const locale = this.locale;
    return html`<form class="decision-form" @submit=${(e: Event) => e.preventDefault()} novalidate>
      ${this.decisionError
        ? html`<div id="decision-error" part="error" class="error" role="alert" tabindex="-1">
            <p>${this.decisionError}</p>
            ${this.fieldErrors.length ? html`<ul>${this.fieldErrors.map((f) => html`<li><bdi>${f.field}</bdi>: ${f.code}</li>`)}</ul>` : nothing}
          </div>`
        : nothing}
      <fieldset>
        <legend>${msg('Outcome', { id: 'moderation.outcome' })}</legend>
        ${OUTCOMES.map(
          (o) => html`<label class="check"><input type="radio" name="outcome" value=${o} .checked=${d.outcome === o} @change=${() => set({ outcome: o })} /> ${outcomeLabel(o)}</label>`,
        )}
      </fieldset>
      <p class="hint" id="html-hint">${msg('The summary may use simple HTML: paragraphs, lists, bold and links. Anything else is removed.', { id: 'moderation.the-summary-may-use-simple-html' })}</p>
      <label>${msg('Summary in Arabic', { id: 'moderation.summary-in-arabic' })} <textarea lang="ar" dir="rtl" rows="5" aria-describedby="html-hint" .value=${d.summaryAr} @input=${(e: Event) => set({ summaryAr: value(e) })}></textarea></label>
      <label>${msg('Summary in English', { id: 'moderation.summary-in-english' })} <textarea lang="en" dir="ltr" rows="5" aria-describedby="html-hint" .value=${d.summaryEn} @input=${(e: Event) => set({ summaryEn: value(e) })}></textarea></label>

      <fieldset>
        <legend>${msg('What changed', { id: 'moderation.what-changed' })}</legend>
        ${d.changes.map((row, i) => {
          const update = (patch: Partial<typeof row>) => set({ changes: d.changes.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
          const n = formatNumber(locale, i + 1);
          return html`<div class="row" role="group" aria-label=${msg(str`Change ${n}`, { id: 'moderation.change-n' })}>
            <label
              >${msg('Article', { id: 'moderation.article' })}
              <select id=${`change-${i}`} @change=${(e: Event) => update({ sectionId: value(e) })}>
                <option value="" ?selected=${!row.sectionId}>${msg('The draft as a whole', { id: 'moderation.the-draft-as-a-whole' })}</option>
                ${c.sections.map((s) => html`<option value=${s.id} ?selected=${row.sectionId === s.id}>${msg(str`Article ${s.number}`, { id: 'moderation.article-n' })}: ${pick(s.title, locale).text}</option>`)}
              </select></label
            >
            <label>${msg('What changed, in Arabic', { id: 'moderation.what-changed-in-arabic' })} <textarea lang="ar" dir="rtl" rows="2" .value=${row.ar} @input=${(e: Event) => update({ ar: value(e) })}></textarea></label>
            <label>${msg('What changed, in English', { id: 'moderation.what-changed-in-english' })} <textarea lang="en" dir="ltr" rows="2" .value=${row.en} @input=${(e: Event) => update({ en: value(e) })}></textarea></label>
            <button type="button" class="secondary" @click=${() => this.removeRow('changes', i)}>${msg(str`Remove change ${n}`, { id: 'moderation.remove-change-n' })}</button>
          </div>`;
        })}
        <button type="button" class="secondary" id="add-change" @click=${() => this.addRow('changes')}>${msg('Add a change', { id: 'moderation.add-a-change' })}</button>
      </fieldset>

      <fieldset>
        <legend>${msg('You said — we did', { id: 'moderation.you-said-we-did' })}</legend>
        ${d.responses.map((row, i) => {
          const update = (patch: Partial<typeof row>) => set({ responses: d.responses.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
          const n = formatNumber(locale, i + 1);
          return html`<div class="row" role="group" aria-label=${msg(str`Theme ${n}`, { id: 'moderation.theme-n' })}>
            <label>${msg('Theme in Arabic', { id: 'moderation.theme-in-arabic' })} <input id=${`theme-${i}`} lang="ar" dir="rtl" .value=${row.themeAr} @input=${(e: Event) => update({ themeAr: value(e) })} /></label>
            <label>${msg('Theme in English', { id: 'moderation.theme-in-english' })} <input lang="en" dir="ltr" .value=${row.themeEn} @input=${(e: Event) => update({ themeEn: value(e) })} /></label>
            <label>${msg('What we did, in Arabic', { id: 'moderation.what-we-did-in-arabic' })} <textarea lang="ar" dir="rtl" rows="2" .value=${row.ar} @input=${(e: Event) => update({ ar: value(e) })}></textarea></label>
            <label>${msg('What we did, in English', { id: 'moderation.what-we-did-in-english' })} <textarea lang="en" dir="ltr" rows="2" .value=${row.en} @input=${(e: Event) => update({ en: value(e) })}></textarea></label>
            <button type="button" class="secondary" @click=${() => this.removeRow('responses', i)}>${msg(str`Remove theme ${n}`, { id: 'moderation.remove-theme-n' })}</button>
          </div>`;
        })}
        <button type="button" class="secondary" id="add-theme" @click=${() => this.addRow('responses')}>${msg('Add a theme', { id: 'moderation.add-a-theme' })}</button>
      </fieldset>

      <label>${msg('Address of the final document', { id: 'moderation.address-of-the-final-document' })} <input type="url" dir="ltr" .value=${d.documentUrl} @input=${(e: Event) => set({ documentUrl: value(e) })} /></label>
      <p class="buttons">
        <button type="button" class="secondary" @click=${() => void this.sendDecision(false)}>${msg('Preview', { id: 'moderation.preview' })}</button>
        <button type="button" @click=${() => void this.sendDecision(true)}>${msg('Publish the decision', { id: 'moderation.publish-the-decision' })}</button>
      </p>
    </form>`;
  }

  private addRow(kind: 'changes' | 'responses') {
    const d = this.draft;
    if (kind === 'changes') {
      this.draft = { ...d, changes: [...d.changes, { sectionId: '', ar: '', en: '' }] };
      this.focusAfter = { id: `change-${d.changes.length}` };
    } else {
      this.draft = { ...d, responses: [...d.responses, { themeAr: '', themeEn: '', ar: '', en: '' }] };
      this.focusAfter = { id: `theme-${d.responses.length}` };
    }
  }

  private removeRow(kind: 'changes' | 'responses', i: number) {
    const d = this.draft;
    if (kind === 'changes') this.draft = { ...d, changes: d.changes.filter((_, j) => j !== i) };
    else this.draft = { ...d, responses: d.responses.filter((_, j) => j !== i) };
    this.focusAfter = { id: kind === 'changes' ? 'add-change' : 'add-theme' };
  }

  private renderPreview(c: Consultation) {
    const sub = headingTag(this.headingLevel, 1);
    const tag = decisionTag(this.tagPrefix);
    return html`<div part="preview" class="preview" role="group" aria-labelledby="preview-heading">
      ${staticHtml`<${sub} id="preview-heading" class="subheading" tabindex="-1">${msg('As citizens will see it', { id: 'moderation.as-citizens-will-see-it' })}</${sub}>`}
      ${staticHtml`<${tag} lang=${this.locale} heading-level=${Math.min(6, this.headingLevel + 2)} .data=${this.preview} .consultationData=${c}></${tag}>`}
    </div>`;
  }

  private renderFeedbackReport() {
    const c = this.chosen!;
    const sub = headingTag(this.headingLevel, 1);
    const heading = staticHtml`<${sub} id="report-heading" class="subheading">${msg('Feedback report', { id: 'moderation.feedback-report' })}</${sub}>`;
    if (c.status === 'upcoming' || c.status === 'open') {
      return html`<section part="report" class="report" aria-labelledby="report-heading">
        ${heading}
        <p>${msg('The feedback report is available once the consultation has closed.', { id: 'moderation.the-feedback-report-is-available-once' })}</p>
      </section>`;
    }
    if (this.reportLoadError) {
      return html`<section part="report" class="report" aria-labelledby="report-heading">
        ${heading}
        <div part="error" class="error" role="alert">
          <p>${errorMessage(this.reportLoadError)}</p>
          <button type="button" @click=${() => void this.loadReport()}>${msg('Try again', { id: 'moderation.try-again' })}</button>
        </div>
      </section>`;
    }
    const r = this.report;
    if (!r) return html`<p class="loading" aria-busy="true">${msg('Loading the report…', { id: 'moderation.loading-the-report' })}</p>`;
    return html`<section part="report" class="report" aria-labelledby="report-heading">
      ${heading}
      <p class="no-print buttons">
        <button type="button" class="secondary" @click=${() => void this.download('csv')}>${msg('Download CSV', { id: 'moderation.download-csv' })}</button>
        <button type="button" class="secondary" @click=${() => void this.download('json')}>${msg('Download JSON', { id: 'moderation.download-json' })}</button>
        <button type="button" class="secondary" @click=${() => window.print()}>${msg('Print', { id: 'moderation.print' })}</button>
      </p>
      ${renderReport(r, { locale: this.locale, headingLevel: this.headingLevel, reasonLabel: (code) => this.reasonLabel(code) })}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sharek-moderation': SharekModeration;
  }
}
