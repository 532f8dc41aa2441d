import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { ApiError } from '../api/errors.js';
import type { CommentAccepted, Consultation, UsagePolicy } from '../api/schemas.js';
import type { ElementName } from '../registry.js';
import { SharekElement } from '../shared/base.js';
import { statusAt } from '../api/status.js';
import { ClockController } from '../shared/clock.js';
import { Sending } from '../shared/sending.js';
import { SharekCommentSubmittedEvent } from '../shared/events.js';
import { pick } from '../shared/format.js';
import { msg, str } from '../shared/localize.js';
import { DEFAULT_HEADING_LEVEL, headingTag } from '../shared/heading.js';
import { hostStyles } from '../shared/styles.js';
import { STAKEHOLDER_TYPES, stakeholderLabel } from '../shared/texts.js';
import { styles } from './comment-form.styles.js';
import { DraftStore, emptyDraft, newComment, type Draft } from './draft.js';
import { findPersonalData, type PersonalDataFinding } from './personal-data.js';
import { renderClosed, renderSent } from './notices.js';
import { renderPolicy } from './policy.js';
import { checkComment, hasProblems, portalProblems, renderFieldProblem, renderProblemSummary, type Problems } from './problems.js';
import { renderProgress } from './progress.js';
import { charactersLeft, nearLimit } from './texts.js';
import { renderWarning } from './warning.js';
/** Where the form is; while a send is under way, `sending` says more (sending, or waiting to try again). */
type Phase = 'editing' | 'warning' | 'failed' | 'sent';

/**
 * The comment form: the comment, which part of the draft it is about, who is
 * commenting, and the usage policy to accept. It warns about personal data,
 * keeps the draft in the browser until the portal has it, and sends exactly
 * once however often the network fails.
 *
 * @summary Comment on a consultation, under its usage policy.
 * @tag sharek-comment-form
 *
 * @event {SharekCommentSubmittedEvent} sharek-comment-submitted - The portal has the comment: `commentId` and `status` (`pending` or `published`).
 * @event {SharekSignInRequiredEvent} sharek-sign-in-required - The portal wants a signed-in person. Call `event.provideToken(tokenOrPromise)` to answer, or set `tokenProvider`.
 * @event {SharekErrorEvent} sharek-error - The consultation or the policy could not be loaded, or a send failed for good.
 *
 * @csspart form - The form.
 * @csspart heading - The form's heading.
 * @csspart error-summary - The list of problems shown after a failed check.
 * @csspart policy - The usage policy block with its checkbox.
 * @csspart warning - The personal-data warning.
 * @csspart submit - The send button.
 * @csspart progress - What is happening with a send (sending, waiting, failed).
 * @csspart confirmation - The message after sending.
 * @csspart closed - The sentence shown instead of the form when comments are not open.
 * @csspart error - The error message when the form cannot be shown.
 *
 * @cssproperty --sharek-form-min-height - Room held from the start, so the page does not jump. Default `10rem`.
 * @cssproperty --sharek-warning - The personal-data warning's accent. Default `#8a5a00`.
 */
export class SharekCommentForm extends SharekElement {
  static override styles = [hostStyles, styles];
  protected static override readonly messages: ElementName = 'comment-form';

  /** The consultation's id on the portal. */
  @property() consultation = '';

  /** The article the comment is about, preselected; empty for the whole draft. */
  @property() section = '';

  /** The consultation, when the page (or the card) already has it: no request is made for it. */
  @property({ attribute: false }) data?: Consultation;

  /** Level of the form's heading (2–6); the policy's, the problems' and the warning's are one below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = DEFAULT_HEADING_LEVEL;

  /**
   * Milliseconds to wait before each automatic retry of a send that failed on
   * the way (network, timeout, 429, 5xx), counted down on screen; `Retry-After`
   * wins when the portal sends it. As many retries as entries; then the form
   * says the comment is kept and the person can send it again.
   */
  @property({ attribute: false }) retryDelays: number[] = [1000, 2000, 4000, 8000, 16000];

  /**
   * @deprecated Use `retryDelays`. Milliseconds before the first of five
   * automatic retries, each next one waiting twice as long.
   */
  set retryDelay(ms: number) {
    this.retryDelays = [1, 2, 4, 8, 16].map((n) => ms * n);
  }
  get retryDelay(): number {
    return this.retryDelays[0] ?? 0;
  }

  @state() private draft: Draft = emptyDraft();
  @state() private accepted = false;
  @state() private errors: Problems = {};
  @state() private phase: Phase = 'editing';
  /** Why the last send failed for good (the form says so until the next send). */
  @state() private failure?: ApiError;
  @state() private findings: PersonalDataFinding[] = [];
  @state() private sent?: CommentAccepted;
  @state() private announcedCount = '';
  /** A newer policy than the consultation's, after the portal said it changed (409). */
  @state() private newerPolicy?: UsagePolicy;

  private store?: DraftStore;
  /** Text already warned about; the person chose to send it anyway. */
  private warnedFor?: string;

  private readonly clock = new ClockController(this);

  private readonly sending = new Sending(this, { retryDelays: () => this.retryDelays });

  private readonly consultationTask = new Task(this, {
    args: () => [this.data ? '' : this.consultation, this.api] as const,
    task: async ([id]) => (id ? this.load(() => this.client.getConsultation(id)) : undefined),
  });

  private readonly policyTask = new Task(this, {
    args: () => [this.value?.commenting.policyVersion, this.api] as const,
    task: async ([version]) => (version ? this.load(() => this.client.getPolicy(version)) : undefined),
  });

  /** Takes focus to the comment's field (the card does, for "Comment on this article"); to the element itself while there is none. */
  override focus(options?: FocusOptions): void {
    const field = this.renderRoot.querySelector<HTMLElement>('#body');
    if (field) field.focus(options);
    else super.focus(options);
  }

  private get value(): Consultation | undefined {
    return this.data ?? this.consultationTask.value;
  }

  private get policy(): UsagePolicy | undefined {
    return this.newerPolicy ?? this.policyTask.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('consultation') || changed.has('section') || changed.has('api')) this.restoreDraft();
  }

  /** Brings back the draft written here before (a reload, a crash, a failed send). */
  private restoreDraft() {
    if (!this.consultation) return;
    let api = '';
    try {
      api = this.client.base;
    } catch {
      /* no portal: the error shows when loading */
    }
    this.store = new DraftStore(api, this.consultation, this.section);
    this.draft = this.store.load() ?? emptyDraft(this.section);
    if (this.phase === 'sent') this.phase = 'editing';
  }

  private update_(patch: Partial<Draft>) {
    this.draft = { ...this.draft, ...patch };
    this.store?.save(this.draft);
  }

  override render() {
    const c = this.value;
    if (!c) {
      if (this.consultationTask.status === TaskStatus.ERROR) return this.renderTaskError(this.consultationTask.error);
      return html`<p class="loading" role="status">${msg('Loading the comment form…')}</p>`;
    }
    if (this.phase === 'sent' && this.sent) return renderSent(c, this.sent, this.locale, this.headingLevel, this.writeAnother);
    const status = statusAt(c.status, c.opensAt, c.closesAt, this.clock.now);
    if (status === 'upcoming') this.clock.wakeAt(c.opensAt);
    if (status === 'open') this.clock.wakeAt(c.closesAt);
    const date = (iso: string) => this.date(iso);
    if (status === 'upcoming') return renderClosed('upcoming', c, false, date);
    if (status !== 'open') return renderClosed('closed', c, !!this.draft.body, date);
    if (!c.commenting.enabled) return renderClosed('disabled', c, false, date);
    if (this.policyTask.status === TaskStatus.ERROR && !this.policy) return this.renderTaskError(this.policyTask.error);
    return this.renderForm(c);
  }

  private renderTaskError(error: unknown) {
    return this.renderLoadError(error, () => (this.consultationTask.status === TaskStatus.ERROR ? this.consultationTask.run() : this.policyTask.run()));
  }

  private renderForm(c: Consultation) {
    const locale = this.locale;
    const d = this.draft;
    const busy = this.sending.busy;
    const section = c.sections.find((s) => s.id === d.sectionId);
    const h = headingTag(this.headingLevel);
    return html`<form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="form-heading">
      ${staticHtml`<${h} part="heading" class="heading" id="form-heading">
        ${section ? msg(str`Comment on article ${section.number}`) : msg('Comment on the draft')}
      </${h}>`}
      ${renderProblemSummary(this.errors, this.headingLevel, this.renderRoot)}

      <div class="field ${this.errors.body ? 'invalid' : ''}">
        <label for="body">${msg('Your comment')}</label>
        <p class="hint" id="body-hint">${msg('Be clear and brief, and stay on the subject of the draft.')}</p>
        ${renderFieldProblem(this.errors, 'body')}
        <textarea
          id="body"
          name="body"
          rows="8"
          dir="auto"
          .value=${d.body}
          ?readonly=${busy}
          required
          aria-describedby="body-hint body-count ${this.errors.body ? 'body-error' : ''}"
          aria-invalid=${this.errors.body ? 'true' : 'false'}
          @input=${this.onBodyInput}
        ></textarea>
        <p id="body-count" class="count ${d.body.length > c.commenting.maxLength ? 'over' : ''}">
          ${charactersLeft(locale, d.body.length, c.commenting.maxLength)}
        </p>
        <p class="visually-hidden" aria-live="polite" id="body-count-spoken">${this.announcedCount}</p>
      </div>

      <div class="field">
        <label for="section">${msg('Which part of the draft is it about?')}</label>
        <select id="section" name="sectionId" ?disabled=${busy} @change=${(e: Event) => this.update_({ sectionId: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!d.sectionId}>${msg('The whole draft')}</option>
          ${c.sections.map(
            (s) =>
              html`<option value=${s.id} ?selected=${d.sectionId === s.id}>
                ${msg(str`Article ${s.number}`)}: ${pick(s.title, locale).text}
              </option>`,
          )}
        </select>
      </div>

      <!-- Required on the group: radios marked required each read as invalid before anyone has chosen. -->
      <fieldset
        class="field ${this.errors.stakeholderType ? 'invalid' : ''}"
        id="stakeholderType"
        role="radiogroup"
        aria-required="true"
        aria-invalid=${this.errors.stakeholderType ? 'true' : 'false'}
        aria-describedby=${this.errors.stakeholderType ? 'stakeholderType-error' : nothing}
      >
        <legend>${msg('You are commenting as')}</legend>
        ${renderFieldProblem(this.errors, 'stakeholderType')}
        ${STAKEHOLDER_TYPES.map(
          (t) => html`<div class="choice">
            <input
              type="radio"
              name="stakeholderType"
              id=${`as-${t}`}
              value=${t}
              .checked=${d.stakeholderType === t}
              ?disabled=${busy}
              @change=${() => this.update_({ stakeholderType: t })}
            />
            <label for=${`as-${t}`}>${stakeholderLabel(t)}</label>
          </div>`,
        )}
      </fieldset>

      ${c.commenting.displayNameAllowed
        ? html`<div class="field ${this.errors.displayName ? 'invalid' : ''}">
            <label for="displayName">${msg('Name to show with your comment (optional)')}</label>
            <p class="hint" id="displayName-hint">
              ${msg('Leave it empty to comment without a name. An organisation may give its name.')}
            </p>
            ${renderFieldProblem(this.errors, 'displayName')}
            <input
              id="displayName"
              name="displayName"
              autocomplete="off"
              dir="auto"
              maxlength="80"
              .value=${d.displayName}
              ?readonly=${busy}
              aria-describedby="displayName-hint ${this.errors.displayName ? 'displayName-error' : ''}"
              @input=${(e: Event) => this.update_({ displayName: (e.target as HTMLInputElement).value })}
            />
          </div>`
        : nothing}
      ${renderPolicy(this.policy, { locale, headingLevel: this.headingLevel, accepted: this.accepted, problems: this.errors, accept: this.accept })}
      ${this.phase === 'warning' ? renderWarning(this.findings, this.headingLevel, { edit: this.editAfterWarning, send: this.sendAnyway }) : nothing}
      ${renderProgress(this.sending, this.phase === 'failed' ? this.failure : undefined, c, locale, this.headingLevel)}

      <div class="actions">
        <!-- aria-disabled, not disabled: the button keeps focus while the send goes on (onSubmit ignores it meanwhile). -->
        <button part="submit" type="submit" aria-describedby="submit-hint" aria-disabled=${busy ? 'true' : 'false'}>${msg('Send comment')}</button>
        <p id="submit-hint" class="hint">
          ${this.accepted ? msg('Your comment is saved on this device until the portal has it.') : msg('Tick the box to accept the usage policy before sending.')}
        </p>
      </div>
    </form>`;
  }

  private accept = (accepted: boolean) => {
    this.accepted = accepted;
    if (accepted) this.errors = { ...this.errors, policy: undefined };
  };

  private onBodyInput = (e: Event) => {
    const before = this.draft.body.length;
    this.update_({ body: (e.target as HTMLTextAreaElement).value });
    if (this.errors.body) this.errors = { ...this.errors, body: undefined };
    // The count is spoken when the comment nears the limit or passes it, not while the person types well under it.
    const max = this.value?.commenting.maxLength;
    if (max === undefined) return;
    const near = nearLimit(this.draft.body.length, max);
    if (near === nearLimit(before, max)) return;
    this.announcedCount = near ? this.inLocale(() => charactersLeft(this.locale, this.draft.body.length, max)) : '';
  };

  private onSubmit = async (e: Event) => {
    e.preventDefault();
    const c = this.value;
    if (!c || this.sending.busy) return;
    if (!this.check(c)) return;
    const findings = findPersonalData(this.draft.body);
    if (findings.length && this.warnedFor !== this.draft.body) {
      this.findings = findings;
      this.phase = 'warning';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=warning]')?.focus();
      return;
    }
    await this.send(c);
  };

  private editAfterWarning = () => {
    this.phase = 'editing';
    this.findings = [];
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>('#body');
    textarea?.focus();
  };

  private sendAnyway = async () => {
    this.warnedFor = this.draft.body;
    const c = this.value;
    if (!c) return;
    void this.send(c);
    // The warning and its button go: focus goes to the send button, which says the send is under way.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=submit]')?.focus();
  };

  /** The checks the portal would make, done first so the person sees them at their fields. */
  private check(c: Consultation): boolean {
    this.errors = this.inLocale(() => checkComment(this.draft, this.accepted, c.commenting.maxLength, this.locale));
    if (!hasProblems(this.errors)) return true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=error-summary]')?.focus());
    return false;
  }

  /** Sends the draft (with the same key however often it goes); src/shared/sending.ts retries and asks for sign-in. */
  private async send(c: Consultation) {
    this.failure = undefined;
    this.phase = 'editing';
    const d = this.draft;
    const comment = newComment(d, this.policy?.version ?? c.commenting.policyVersion, c.commenting.displayNameAllowed);
    let sent: CommentAccepted;
    try {
      sent = await this.sending.send(
        () => this.client.postComment(c.id, comment, { idempotencyKey: d.idempotencyKey, headers: this.identity }),
        () => this.askForSignIn(c.id),
      );
    } catch (error) {
      // The form stays: focus moves only from the send button (or from nowhere), not from a field being edited.
      const focusHere = this.focusIs('send');
      this.failure = error as ApiError;
      await this.fail(this.failure, focusHere);
      return;
    }
    // The form goes: focus anywhere in it would be lost.
    const focusHere = this.focusIs('form');
    this.store?.clear();
    this.sent = sent;
    this.phase = 'sent';
    this.warnedFor = undefined;
    this.dispatchEvent(new SharekCommentSubmittedEvent(c.id, sent.id, sent.status));
    await this.updateComplete;
    if (focusHere) this.renderRoot.querySelector<HTMLElement>('#confirmation-title')?.focus();
  }

  /**
   * Focus is on the send button (`send`) or anywhere in this form (`form`),
   * or nowhere (on the page's body). A send can take half a minute of
   * retries; someone who went on reading elsewhere meanwhile keeps their place.
   */
  private focusIs(where: 'send' | 'form'): boolean {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body || active === this) return true;
    return where === 'form' ? this.renderRoot.contains(active) : active.matches('[part=submit]') && this.renderRoot.contains(active);
  }

  private async fail(e: ApiError, focusHere: boolean) {
    if (e.status === 409 && /policy/.test(e.problem?.type ?? '')) {
      // The policy changed since the page loaded: show the new one and ask again.
      this.newerPolicy = await this.client.getPolicy().catch(() => undefined);
      this.accepted = false;
      this.phase = 'editing';
      this.errors = { policy: this.inLocale(() => msg(str`The usage policy has changed (now version ${this.policy?.version ?? ''}). Please read it and accept it again.`)) };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=error-summary]')?.focus();
      return;
    }
    if (e.status === 400 && e.problem?.errors?.length) {
      this.errors = this.inLocale(() => portalProblems(e.problem!));
      this.phase = 'editing';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=error-summary]')?.focus();
      return;
    }
    if (e.status === 422) this.update_({ idempotencyKey: crypto.randomUUID() });
    this.phase = 'failed';
    this.reportError(e);
    await this.updateComplete;
    if (focusHere) this.renderRoot.querySelector<HTMLElement>('.failure')?.focus();
  }

  private writeAnother = async () => {
    this.sent = undefined;
    this.phase = 'editing';
    this.accepted = false;
    this.draft = emptyDraft(this.section);
    // The button goes with the thanks: focus goes to the new comment's field, not to the page's body.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#body')?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sharek-comment-form': SharekCommentForm;
  }
}
