/**
 * The report dialog of `<sharek-comments>`: a native modal `<dialog>` in the
 * list's shadow root (so its parts are the list's), the usage policy's
 * reasons as a radio group, an optional note, and the send. The list opens it
 * from a comment's "Report" button and hears back once the portal has the
 * report; focus returns to that button when the dialog closes.
 */
import { html, nothing } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { ApiError } from '../api/errors.js';
import type { Comment, Report, ReportReason, UsagePolicy } from '../api/schemas.js';
import type { SharekElement } from '../shared/base.js';
import { SharekCommentReportedEvent } from '../shared/events.js';
import { formatWait, pick } from '../shared/format.js';
import { msg, str } from '../shared/localize.js';
import { errorMessage } from '../shared/messages.js';
import { rememberReported } from './reported.js';
import { noteLimit } from './texts.js';
import { styles } from './report-dialog.styles.js';

/** The longest note a report may carry (the contract's limit). */
const NOTE_MAX = 1000;

export interface ReportDialogOptions {
  /** The usage policy the page gave, if any: its reasons are offered without a request. */
  policy: () => UsagePolicy | undefined;
  /** The list's `load()`: a failure is reported and kept as the Task's error. */
  load: <T>(request: () => Promise<T>) => Promise<T>;
  /** The list's `renderLoadError()`, for the reasons that could not be loaded. */
  renderLoadError: (error: unknown, retry: () => unknown) => unknown;
  /** Reports a failed send to the console; the dialog itself shows it. */
  reportError: (error: unknown) => void;
  /** The portal has the report (or already had it); the dialog has closed. */
  reported: (comment: Comment) => void;
}

export class ReportDialog {
  /** For the list's `static styles`. */
  static readonly styles = styles;

  /** The comment being reported, while the dialog is open. */
  private comment?: Comment;
  private reason?: ReportReason;
  private note = '';
  private reasonMissing = false;
  private sending = false;
  private sendError: unknown;
  /** The button that opened the dialog, to take focus back. */
  private opener?: HTMLElement;

  /** The usage policy, for its reasons, when the page did not give it: asked for when a report starts. */
  private readonly policyTask: Task<[], UsagePolicy>;

  constructor(private readonly host: SharekElement, private readonly options: ReportDialogOptions) {
    this.policyTask = new Task(host, { task: () => options.load(() => host.client.getPolicy()), autoRun: false });
  }

  private get policy(): UsagePolicy | undefined {
    return this.options.policy() ?? this.policyTask.value;
  }

  private get dialog(): HTMLDialogElement {
    return this.host.renderRoot.querySelector('dialog')!;
  }

  /** Opens the dialog for `comment`, from the button `opener`. */
  async open(comment: Comment, opener: HTMLElement): Promise<void> {
    this.opener = opener;
    this.comment = comment;
    this.reason = undefined;
    this.note = '';
    this.reasonMissing = false;
    this.sendError = undefined;
    this.sending = false;
    this.host.requestUpdate();
    if (!this.policy && this.policyTask.status !== TaskStatus.PENDING) void this.loadPolicy();
    await this.host.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.focusInDialog();
  }

  private async loadPolicy() {
    await this.policyTask.run().catch(() => undefined);
    if (!this.policy) return;
    await this.host.updateComplete;
    // Move into the reasons unless the person has already moved elsewhere in the dialog.
    if (this.dialog.open && this.host.shadowRoot?.activeElement === this.dialog) this.focusInDialog();
  }

  /** Focus the chosen reason, else the first; the dialog itself while the reasons load. */
  private focusInDialog() {
    const radios = [...this.dialog.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    (radios.find((r) => r.checked) ?? radios[0] ?? this.dialog).focus();
  }

  private onClose = () => {
    this.comment = undefined;
    this.sendError = undefined;
    this.reasonMissing = false;
    this.host.requestUpdate();
    const opener = this.opener;
    this.opener = undefined;
    opener?.focus();
  };

  private cancel = () => this.dialog.close();

  private send = async (e: Event) => {
    e.preventDefault();
    const comment = this.comment;
    if (!comment || this.sending || !this.policy) return;
    if (!this.reason) {
      this.reasonMissing = true;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.dialog.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
      return;
    }
    const note = this.note.trim().slice(0, NOTE_MAX);
    const report: Report = { reason: this.reason, ...(note ? { note } : {}) };
    this.sending = true;
    this.sendError = undefined;
    this.host.requestUpdate();
    try {
      await this.host.client.reportComment(comment.id, report, { idempotencyKey: idempotencyKey(comment.id, report), headers: this.host.identity });
    } catch (error) {
      // 409: this participant has already reported it; the portal has the report.
      if (!(error instanceof ApiError && error.status === 409)) {
        this.options.reportError(error);
        this.sending = false;
        this.sendError = error;
        this.host.requestUpdate();
        return;
      }
    }
    this.sending = false;
    rememberReported(comment.id);
    this.host.dispatchEvent(new SharekCommentReportedEvent(comment.id, report.reason));
    if (this.dialog.open) this.dialog.close();
    this.options.reported(comment);
  };

  render() {
    const c = this.comment;
    const policy = this.policy;
    const gone = this.sendError instanceof ApiError && this.sendError.status === 404;
    return html`<dialog part="dialog" aria-labelledby="report-title" aria-describedby="report-intro" tabindex="-1" @close=${this.onClose}>
      ${c
        ? html`<form novalidate @submit=${this.send}>
            <h2 id="report-title">${msg('Report this comment')}</h2>
            <p id="report-intro">${msg('Tell the moderators why this comment breaks the usage policy. Your report is not published.')}</p>
            <blockquote class="excerpt" dir="auto">${excerpt(c.body)}</blockquote>
            ${policy ? this.renderReasons(policy) : this.renderPolicyState()}
            <label class="field-label" for="note">${msg('Note for the moderators (optional)')}</label>
            <textarea
              id="note"
              rows="3"
              maxlength=${NOTE_MAX}
              aria-describedby="note-hint"
              .value=${this.note}
              @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}
            ></textarea>
            <p id="note-hint" class="hint">${noteLimit(this.host.locale, NOTE_MAX)}</p>
            <div class="send-error" role="alert">
              ${this.sendError ? html`<div part="error" class="error"><p>${this.sendErrorMessage(this.sendError)}</p></div>` : nothing}
            </div>
            <div class="dialog-actions">
              ${gone
                ? nothing
                : html`<button part="send" type="submit" ?hidden=${!policy}>${this.sending ? msg('Sending…') : msg('Send report')}</button>`}
              <button part="cancel" type="button" class="secondary" @click=${this.cancel}>${gone ? msg('Close') : msg('Cancel')}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  private renderPolicyState() {
    if (this.policyTask.status === TaskStatus.ERROR) return this.options.renderLoadError(this.policyTask.error, () => this.loadPolicy());
    return html`<p role="status">${msg('Loading the reasons…')}</p>`;
  }

  private renderReasons(policy: UsagePolicy) {
    const locale = this.host.locale;
    const invalid = this.reasonMissing && !this.reason;
    return html`<fieldset
      role="radiogroup"
      aria-labelledby="reason-legend"
      aria-required="true"
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? 'reason-error' : nothing}
    >
      <legend id="reason-legend">${msg('Reason for the report')}</legend>
      ${invalid ? html`<p id="reason-error" class="field-error">${msg('Choose a reason for your report.')}</p>` : nothing}
      ${policy.reportReasons.map((r) => {
        const label = pick(r.label, locale);
        return html`<label class="reason">
          <input type="radio" name="reason" value=${r.code} .checked=${this.reason === r.code} @change=${() => this.choose(r.code)} /><span
            lang=${label.lang}
            >${label.text}</span
          >
        </label>`;
      })}
    </fieldset>`;
  }

  private choose(reason: ReportReason) {
    this.reason = reason;
    this.host.requestUpdate();
  }

  private sendErrorMessage(error: unknown): string {
    if (error instanceof ApiError) {
      if (error.kind === 'network' || error.kind === 'timeout') {
        return msg("We couldn't send your report. Check your connection and try again.");
      }
      if (error.status === 404) return msg('This comment is no longer published, so it cannot be reported.');
      if (error.status === 401) return msg('Please sign in on the participation portal to report comments.');
      if (error.status === 429) {
        return error.retryAfter
          ? msg(str`Too many reports in a short time. Please try again ${formatWait(this.host.locale, error.retryAfter)}.`)
          : msg('Too many reports in a short time. Please wait a moment and try again.');
      }
    }
    return errorMessage(error);
  }
}

/** The start of a comment, to remind the reporter which one it is. */
function excerpt(text: string, max = 280): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}

/** One key per comment and report: a retried send is the same report, a changed one is a new request. */
const keys = new Map<string, string>();
function idempotencyKey(commentId: string, report: Report): string {
  const what = `${commentId}\n${report.reason}\n${report.note ?? ''}`;
  let key = keys.get(what);
  if (!key) keys.set(what, (key = crypto.randomUUID()));
  return key;
}
