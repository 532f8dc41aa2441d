import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { ApiError } from '../api/errors.js';
import type { Poll } from '../api/schemas.js';
import type { ElementName } from '../registry.js';
import { SharekElement } from '../shared/base.js';
import { statusAt } from '../api/status.js';
import { ClockController } from '../shared/clock.js';
import { Sending } from '../shared/sending.js';
import { SharekVoteEvent } from '../shared/events.js';
import { formatWait, pick } from '../shared/format.js';
import { DEFAULT_HEADING_LEVEL, headingTag } from '../shared/heading.js';
import { msg, str, type Locale } from '../shared/localize.js';
import { errorMessage } from '../shared/messages.js';
import { barStyles, hostStyles, skeletonStyles, statusStyles } from '../shared/styles.js';
import { styles } from './poll.styles.js';
import { renderResults } from './results.js';
import { choiceLimit, pollStatusLabel } from './texts.js';

type PollStatus = Poll['status'];

/**
 * A poll: one question, a single choice (radio buttons) or several up to
 * `maxChoices` (checkboxes), one vote per participant, and the results as
 * the poll's `resultsVisibility` allows (always, after voting, after closing).
 *
 * The vote is sent with an `Idempotency-Key` made once per attempt and kept
 * across the automatic retries (network failure, timeout, 5xx), so a
 * vote whose answer was lost is not counted twice. A 429 (too many votes from
 * this participant or address) is shown with how long to wait. A participant is known by
 * the host page's `token` when there is one, otherwise by the random
 * participant id Sharek keeps in this browser.
 *
 * @summary A single- or multiple-choice poll and its results.
 * @tag sharek-poll
 *
 * @event {SharekVoteEvent} sharek-vote - The portal counted a vote; `pollId` and `optionIds` say which.
 * @event {SharekErrorEvent} sharek-error - The poll could not be loaded; `error` says why.
 * @event {SharekSignInRequiredEvent} sharek-sign-in-required - The portal wants a signed-in person to vote (`pollId` says which poll). Call `event.provideToken(tokenOrPromise)` to answer, or set `tokenProvider`; the vote is sent again with the token.
 *
 * @csspart poll - The box around everything.
 * @csspart status - The status badge (upcoming, open, voted, closed).
 * @csspart dates - When voting opens, closes or closed.
 * @csspart question - The question: the poll's heading (inside the form's legend while voting is open).
 * @csspart form - The voting form.
 * @csspart hint - How many options may be chosen (multiple choice).
 * @csspart options - The options: inputs while open, a list before opening.
 * @csspart option - One option's label and input.
 * @csspart submit - The vote button.
 * @csspart message - Polite announcements: the choice limit, thanks, "already voted".
 * @csspart my-vote - The person's own choices, when the results are not shown.
 * @csspart results - The results list and its notes.
 * @csspart result - One option's result; also `chosen` when it was the person's choice.
 * @csspart mine - The "your choice" mark in a chosen result.
 * @csspart bar - The bar drawn for a result (hidden from screen readers, which read the text).
 * @csspart note - When the results will be shown, or how to read them.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message (loading or voting).
 * @csspart retry - The retry button after a loading error.
 *
 * @cssproperty --sharek-poll-min-height - Room held from the start, so the page does not jump. Default `15rem`.
 */
export class SharekPoll extends SharekElement {
  static override styles = [hostStyles, skeletonStyles, barStyles, statusStyles, styles];
  protected static override readonly messages: ElementName = 'poll';

  /** The poll's id on the portal. */
  @property() poll = '';

  /** Level of the poll's heading, its question (2–6): heading navigation finds the poll by it. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = DEFAULT_HEADING_LEVEL;

  /** The poll itself, when the page already has it: no request is made to show it. */
  @property({ attribute: false }) data?: Poll;

  /**
   * Milliseconds to wait before each automatic retry of a vote that failed on
   * the way (network, timeout, 5xx); `Retry-After` wins when the portal
   * sends it. As many retries as entries. A 429 is not retried: it says how long to wait.
   */
  @property({ attribute: false }) retryDelays: number[] = [1000, 3000, 8000];

  /** A newer copy than `data` or the loaded one: the answer to a vote, or a reload. */
  @state() private fresh?: Poll;
  @state() private chosen: string[] = [];
  /** What the polite live region says; a function so it is worded in the element's locale at render. */
  @state() private notice?: () => string;
  @state() private voteError?: unknown;
  @state() private noChoice = false;
  /** The portal said 409: this participant has voted, whatever the copy says. */
  @state() private alreadyVoted = false;

  /** The vote being sent: its key stays the same until it is answered or the choices change. */
  private attempt?: { pollId: string; optionIds: string[]; key: string };
  private refreshedFor = '';

  private readonly clock = new ClockController(this);

  /**
   * A vote is not kept anywhere and the poll shows no countdown: a 429 says how
   * long to wait (voteErrorMessage), and a longer wait than a minute fails; the
   * person votes again when they like.
   */
  private readonly sending = new Sending(this, { retryDelays: () => this.retryDelays, longestWait: 60_000, waitOutRateLimits: false });

  private readonly loader = new Task(this, {
    args: () => [this.data ? '' : this.poll, this.api, this.token] as const,
    task: async ([id]) => (id ? this.load(() => this.client.getPoll(id, this.identity)) : undefined),
  });

  /** The poll being shown: after a vote, the portal's answer; otherwise `data` or the loaded poll. */
  private get value(): Poll | undefined {
    return this.fresh ?? this.data ?? this.loader.value;
  }

  /** The status the dates give now (a poll the portal closed stays closed): the shared rule. */
  private statusOf(p: Poll): PollStatus {
    return statusAt(p.status, p.opensAt, p.closesAt, this.clock.now);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('poll') || changed.has('data') || changed.has('token')) {
      this.fresh = undefined;
      this.chosen = [];
      this.notice = undefined;
      this.voteError = undefined;
      this.noChoice = false;
      this.alreadyVoted = false;
      this.attempt = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The poll opened or closed while on the page: ask the portal for what is visible now.
    const p = this.value;
    if (!p || this.data || !this.poll) return;
    const status = this.statusOf(p);
    const key = `${p.id}:${status}`;
    if (status !== p.status && this.refreshedFor !== key) {
      this.refreshedFor = key;
      void this.reload();
    }
  }

  override render() {
    const p = this.value;
    if (p) return this.renderPoll(p);
    if (this.loader.status === TaskStatus.ERROR) return this.inPoll(this.renderLoadError(this.loader.error, () => this.loader.run()));
    if (!this.poll && !this.data) return this.inPoll(this.renderNothingChosen(msg('No poll was chosen for this place on the page.')));
    return this.renderLoading();
  }

  private renderLoading() {
    return html`<div part="poll loading" class="poll" aria-busy="true">
      <p role="status" class="visually-hidden">${msg('Loading the poll…')}</p>
      <div class="skeleton" aria-hidden="true">
        <span class="title"></span><span></span><span></span>
        <span></span><span class="short"></span>
      </div>
    </div>`;
  }

  private inPoll(state: unknown) {
    return html`<div part="poll" class="poll">${state}</div>`;
  }

  private renderPoll(p: Poll) {
    const locale = this.locale;
    const status = this.statusOf(p);
    const voted = !!p.myVote?.length || this.alreadyVoted;
    const voting = status === 'open' && !voted;
    const question = pick(p.question, locale);
    const badge = status === 'open' && voted ? 'voted' : status;
    return html`<div part="poll" class="poll ${badge}">
      <p class="status-line">
        <span part="status" class="status ${badge}">${pollStatusLabel(badge)}</span>
        <span part="dates" class="when">${this.timeline(status, p)}</span>
      </p>
      ${voting ? this.renderForm(p, question) : this.renderQuestion(question, 'question')}
      ${status === 'upcoming' ? this.renderOptionList(p) : nothing}
      <!-- Named by its own text, so the status a vote focuses is said by what it says. -->
      <p part="message" class="message" role="status" tabindex="-1" id="message" aria-labelledby="message">${this.notice?.() ?? ''}</p>
      ${status === 'upcoming' ? nothing : renderResults(p, status, voted, this.locale, (iso) => this.date(iso))}
    </div>`;
  }

  /** The question as the poll's heading; the form is named by it. */
  private renderQuestion(question: { text: string; lang: string }, part: string) {
    const h = headingTag(this.headingLevel);
    return staticHtml`<${h} part=${part} id="question" class="question" lang=${question.lang}>${question.text}</${h}>`;
  }

  private timeline(status: PollStatus, p: Poll) {
    if (status === 'upcoming') return msg(html`Voting opens on ${this.date(p.opensAt)}`);
    if (status === 'open') return msg(html`Voting closes on ${this.date(p.closesAt)}`);
    return msg(html`Voting closed on ${this.date(p.closesAt)}`);
  }

  /** Before opening: the options, so people know what they will be asked. */
  private renderOptionList(p: Poll) {
    const locale = this.locale;
    return html`<ul part="options" class="options-list" aria-label=${msg('Options')}>
      ${p.options.map((o) => {
        const label = pick(o.label, locale);
        return html`<li lang=${label.lang}>${label.text}</li>`;
      })}
    </ul>`;
  }

  private renderForm(p: Poll, question: { text: string; lang: string }) {
    const locale = this.locale;
    const multiple = p.maxChoices > 1;
    const described = [multiple ? 'hint' : '', this.noChoice ? 'no-choice' : ''].filter(Boolean).join(' ');
    return html`<form part="form" novalidate @submit=${this.submit} aria-labelledby="question">
      <fieldset aria-describedby=${described || nothing}>
        <legend>${this.renderQuestion(question, 'question')}</legend>
        ${multiple ? html`<p part="hint" id="hint" class="hint">${choiceLimit(locale, p.maxChoices)}</p>` : nothing}
        <div part="options" class="options">
          ${p.options.map((o) => {
            const label = pick(o.label, locale);
            // A name per poll: checkers (IBM Equal Access) group same-named inputs across polls, shadow roots or not.
            return html`<label part="option" class="option">
              <input
                type=${multiple ? 'checkbox' : 'radio'}
                name=${`choice-${p.id}`}
                value=${o.id}
                .checked=${this.chosen.includes(o.id)}
                @click=${multiple ? this.refuseOverLimit : nothing}
                @change=${this.choose}
              />
              <span lang=${label.lang}>${label.text}</span>
            </label>`;
          })}
        </div>
        ${this.noChoice
          ? html`<p id="no-choice" class="field-error">${multiple ? msg('Choose at least one option.') : msg('Choose an option.')}</p>`
          : nothing}
      </fieldset>
      <p class="actions">
        <button part="submit" type="submit" aria-disabled=${this.sending.busy ? 'true' : 'false'}>
          ${this.sending.busy ? msg('Sending your vote…') : msg('Vote')}
        </button>
      </p>
      ${this.voteError ? html`<div part="error" class="error" role="alert"><p>${voteErrorMessage(this.voteError, this.locale)}</p></div>` : nothing}
    </form>`;
  }

  private choose = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.type === 'radio') this.chosen = [input.value];
    else {
      const others = this.chosen.filter((id) => id !== input.value);
      this.chosen = input.checked ? [...others, input.value] : others;
    }
    this.noChoice = false;
  };

  /** A click that would tick one box too many is undone, and the limit is said politely. */
  private refuseOverLimit = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const max = this.value?.maxChoices ?? 1;
    if (input.checked && !this.chosen.includes(input.value) && this.chosen.length >= max) {
      e.preventDefault();
      void this.announce(() => `${choiceLimit(this.locale, max)} ${msg('Clear one of your choices to choose another.')}`);
    }
  };

  /** Says `text` in the polite live region, again even when it is the same sentence. */
  private async announce(text: () => string, focus = false) {
    this.notice = undefined;
    await this.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    this.notice = text;
    await this.updateComplete;
    if (focus) this.renderRoot.querySelector<HTMLElement>('[part~=message]')?.focus();
  }

  private async submit(e: Event) {
    e.preventDefault();
    const p = this.value;
    if (!p || this.sending.busy) return;
    const optionIds = p.options.map((o) => o.id).filter((id) => this.chosen.includes(id));
    if (!optionIds.length) {
      this.noChoice = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[part~=options] input')?.focus();
      return;
    }
    const same = this.attempt && this.attempt.pollId === p.id && this.attempt.optionIds.join() === optionIds.join();
    if (!same) this.attempt = { pollId: p.id, optionIds, key: crypto.randomUUID() };
    const key = this.attempt!.key;
    this.voteError = undefined;
    this.notice = undefined;
    try {
      // Signed in by the host page (event or tokenProvider): the same vote again, with the same key.
      const answer = await this.sending.send(
        () => this.client.vote(p.id, { optionIds }, { idempotencyKey: key, headers: this.identity }),
        () => this.askForSignIn('', p.id),
      );
      this.attempt = undefined;
      this.fresh = answer.myVote?.length ? answer : { ...answer, myVote: optionIds };
      this.dispatchEvent(new SharekVoteEvent(p.id, optionIds));
      await this.announce(() => msg('Thank you. Your vote has been counted.'), true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        this.attempt = undefined;
        this.alreadyVoted = true;
        await this.reload();
        await this.announce(() => msg('You have already voted in this poll.'), true);
      } else if (error instanceof ApiError && error.status === 403) {
        // Not open (any more): show the poll as it is now; the form, if still there, says why.
        this.attempt = undefined;
        await this.reload();
        const now = this.value;
        if (now && this.statusOf(now) === 'open') this.voteError = error;
        else await this.announce(() => msg('This poll is not open for voting.'), true);
      } else {
        this.reportError(error, { quiet: true });
        this.voteError = error;
      }
    }
  }

  /** Asks the portal for the poll as this participant sees it now. */
  private async reload() {
    const p = this.value;
    if (!p) return;
    try {
      this.fresh = await this.client.getPoll(p.id, this.identity);
    } catch (error) {
      this.reportError(error, { quiet: true });
    }
  }
}

function voteErrorMessage(error: unknown, locale: Locale): string {
  if (error instanceof ApiError && error.kind === 'problem') {
    if (error.status === 401) return msg('Sign in on the participation portal to vote in this poll.');
    if (error.status === 429) {
      return error.retryAfter
        ? msg(str`Too many votes from here in a short time. Please try again ${formatWait(locale, error.retryAfter)}.`)
        : msg('Too many votes from here in a short time. Please wait a moment and try again.');
    }
    if (error.status === 403) return msg('This poll is not open for voting.');
    if (error.status === 400) return msg('The portal did not accept these choices. Check them and vote again.');
  }
  return `${msg('Your vote was not sent.')} ${errorMessage(error)}`;
}




declare global {
  interface HTMLElementTagNameMap {
    'sharek-poll': SharekPoll;
  }
}
