import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { Consultation, Decision } from '../api/schemas.js';
import { phaseAt } from '../api/status.js';
import type { ElementName } from '../registry.js';
import { SharekElement } from '../shared/base.js';
import { ClockController } from '../shared/clock.js';
import { cssProps } from '../shared/css-props.js';
import { formatNumber, formatPercent, pick } from '../shared/format.js';
import { msg, str } from '../shared/localize.js';
import { sanitizedHtml } from '../shared/sanitize.js';
import { DEFAULT_HEADING_LEVEL, headingLevel, headingTag } from '../shared/heading.js';
import { httpUrl } from '../shared/url.js';
import { barStyles, hostStyles, skeletonStyles } from '../shared/styles.js';
import { participation, STAKEHOLDER_TYPES, stakeholderLabel } from '../shared/texts.js';
import { styles } from './decision.styles.js';

interface Loaded {
  decision: Decision | null;
  consultation?: Consultation;
}

/**
 * The decision reached after a consultation: the outcome, when it was
 * published, the agency's summary, what changed article by article (each
 * linking to the article in the consultation card), what was heard, the
 * agency's answers by theme ("you said — we did") and the final document.
 * Before a decision is published it says when the consultation closed (or
 * closes) and that the decision will be published in its place.
 *
 * A region (unless `landmark` is false) whose heading level the host page sets with `heading-level`.
 *
 * @summary The decision notice.
 * @tag sharek-decision
 *
 * @event {SharekErrorEvent} sharek-error - The decision could not be loaded; `error` says why.
 *
 * @csspart decision - The region around everything (also `pending` before a decision exists).
 * @csspart heading - The region's heading: the outcome as a headline.
 * @csspart subheading - The headings of the blocks below it (what changed, what we heard, the responses).
 * @csspart outcome - The outcome's words inside the heading.
 * @csspart published - The date the decision was published.
 * @csspart summary - The agency's summary (portal HTML, sanitised).
 * @csspart changes - The list of what changed.
 * @csspart change - One change.
 * @csspart article-link - The link from a change to its article in the consultation card.
 * @csspart feedback - Comment and participant counts.
 * @csspart chart - Comments by type of participant (a list, with bars hidden from screen readers).
 * @csspart bar - One bar of the chart.
 * @csspart responses - The agency's responses by theme.
 * @csspart document - The link to the final document.
 * @csspart pending - The sentence shown before a decision is published.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 *
 * @cssproperty --sharek-decision-min-height - Room held from the start, so the page does not jump. Default `8rem`.
 */
export class SharekDecision extends SharekElement {
  static override styles = [hostStyles, skeletonStyles, barStyles, styles];
  protected static override readonly messages: ElementName = 'decision';

  /** The consultation's id on the portal (defaults to the id of `consultationData`). */
  @property() consultation = '';

  /**
   * The decision, when the page already has it: shown as given, and no request
   * is made (the moderation console's preview shows a decision not yet
   * published this way). `null` says there is none yet (give `closesAt` or
   * `consultationData` for the date).
   */
  @property({ attribute: false }) data?: Decision | null;

  /** The level of the region's heading, 2 to 6 (the sub-headings are one below). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = DEFAULT_HEADING_LEVEL;

  /**
   * Whether the element is a region of the page of its own (a landmark named
   * by its heading). The card sets it to false for the elements inside it:
   * the card is the one region, its parts are headed blocks within it.
   */
  @property({ attribute: false }) landmark = true;

  /** When the consultation closes or closed, for the sentence shown before a decision exists. */
  @property({ attribute: 'closes-at' }) closesAt?: string;

  /**
   * The consultation, when the page or the card has it: gives the closing
   * date and the articles' numbers and titles without another request.
   */
  @property({ attribute: false }) consultationData?: Consultation;

  private readonly clock = new ClockController(this);

  private readonly loader = new Task(this, {
    args: () => [this.data !== undefined ? '' : this.consultationId, this.api, !!this.consultationData] as const,
    task: async ([id, , hasConsultation]): Promise<Loaded | undefined> => {
      if (!id) return undefined;
      return this.load(async () => {
        const client = this.client;
        // The consultation gives the articles' numbers and, before a decision, the closing date.
        // The client shares requests, so beside the card this costs nothing.
        const about = hasConsultation
          ? undefined
          : client.getConsultation(id).then(
              (consultation) => ({ consultation }),
              (error: Error) => ({ error }),
            );
        const decision = await client.getDecision(id);
        const got = await about;
        if (got && 'error' in got) {
          // Without a decision the sentence needs the closing date: then the consultation is required.
          if (!decision && !this.closesAt) throw got.error;
          this.reportError(got.error, { quiet: true });
        }
        return { decision, consultation: got && 'consultation' in got ? got.consultation : undefined };
      });
    },
  });

  /** The consultation's id: the attribute, else the id of `consultationData`. */
  private get consultationId(): string {
    return this.consultation || this.consultationData?.id || '';
  }

  /** The decision being shown: `null` while none is published, `undefined` while unknown. */
  private get value(): Decision | null | undefined {
    return this.data !== undefined ? this.data : this.loader.value?.decision;
  }

  private get about(): Consultation | undefined {
    return this.consultationData ?? this.loader.value?.consultation;
  }

  override render() {
    const d = this.value;
    if (d) return this.renderDecision(d);
    if (d === null) return this.renderPending();
    if (this.loader.status === TaskStatus.ERROR) return this.inDecision(this.renderLoadError(this.loader.error, () => this.loader.run()));
    if (!this.consultationId) return this.inDecision(this.renderNothingChosen(msg('No consultation was chosen for this place on the page.')));
    return this.renderLoading();
  }

  private renderLoading() {
    return html`<div part="decision loading" class="decision" aria-busy="true">
      <p role="status" class="visually-hidden">${msg('Loading the decision…')}</p>
      <div class="skeleton" aria-hidden="true">
        <span class="title"></span><span class="short"></span><span></span>
      </div>
    </div>`;
  }

  private inDecision(state: unknown) {
    return html`<div part="decision" class="decision">${state}</div>`;
  }

  private renderPending() {
    const closesAt = this.closesAt || this.about?.closesAt;
    // The shared status rule; without the consultation, only the closing date is known, and only it matters here.
    const closed = closesAt !== undefined && phaseAt(this.about?.opensAt ?? closesAt, closesAt, this.clock.now) === 'closed';
    if (closesAt && !closed) this.clock.wakeAt(closesAt);
    let sentence: unknown;
    if (!closesAt) sentence = msg('The decision will be published here.');
    else if (closed) sentence = msg(html`This consultation closed on ${this.date(closesAt)}. The decision will be published here.`);
    else sentence = msg(html`This consultation closes on ${this.date(closesAt)}. The decision will be published here once it is made.`);
    const h = headingTag(this.headingLevel);
    return html`<section part="decision pending" class="decision pending" aria-labelledby=${this.landmark ? 'decision-heading' : nothing}>
      ${staticHtml`<${h} id="decision-heading" part="heading" class="heading">${msg('Decision')}</${h}>`}
      <p part="pending">${sentence}</p>
    </section>`;
  }

  private renderDecision(d: Decision) {
    const locale = this.locale;
    const summary = pick(d.summary, locale);
    const h = headingTag(this.headingLevel);
    return html`<section part="decision" class="decision ${d.outcome}" aria-labelledby=${this.landmark ? 'decision-heading' : nothing}>
      ${staticHtml`<${h} id="decision-heading" part="heading" class="heading"><span part="outcome" class="outcome">${outcomeHeadline(d.outcome)}</span></${h}>`}
      <p part="published" class="published">${msg(html`Published on ${this.date(d.publishedAt)}`)}</p>
      <div part="summary" class="summary rich" lang=${summary.lang}>${sanitizedHtml(summary.text, headingLevel(this.headingLevel, 1))}</div>
      ${d.changes.length ? this.renderChanges(d) : nothing}
      ${this.renderFeedback(d)}
      ${d.responses.length ? this.renderResponses(d) : nothing}
      ${httpUrl(d.documentUrl) !== nothing
        ? html`<p class="document"><a part="document" href=${httpUrl(d.documentUrl)}>${msg('Read the final document')}</a></p>`
        : nothing}
    </section>`;
  }

  private renderChanges(d: Decision) {
    const locale = this.locale;
    const sub = headingTag(this.headingLevel, 1);
    const sections = this.about?.id === d.consultationId ? this.about.sections : [];
    return html`<div class="block">
      ${staticHtml`<${sub} id="changes-heading" part="subheading" class="subheading">${msg('What changed')}</${sub}>`}
      <ol part="changes" class="changes" aria-labelledby="changes-heading">
        ${d.changes.map((c, i) => {
          const description = pick(c.description, locale);
          const section = c.sectionId ? sections.find((s) => s.id === c.sectionId) : undefined;
          const title = section ? pick(section.title, locale) : undefined;
          const href = c.sectionId ? `#sharek-${d.consultationId}-${c.sectionId}` : '';
          return html`<li part="change" class="change">
            ${!c.sectionId
              ? html`<span class="where">${msg('The draft as a whole')}</span>`
              : section
                ? html`<a part="article-link" class="where" href=${href}
                    >${msg(str`Article ${section.number}`)}${title?.text ? html`: <span lang=${title.lang}>${title.text}</span>` : nothing}</a
                  >`
                : html`<a part="article-link" class="where" href=${href} aria-describedby=${`change-${i}`}>${msg('See the article in the draft')}</a>`}
            <span id=${`change-${i}`} class="description" lang=${description.lang}>${description.text}</span>
          </li>`;
        })}
      </ol>
    </div>`;
  }

  private renderFeedback(d: Decision) {
    const locale = this.locale;
    const sub = headingTag(this.headingLevel, 1);
    const f = d.feedback;
    const rows = STAKEHOLDER_TYPES.filter((t) => f.byStakeholderType[t] !== undefined).map((t) => [t, f.byStakeholderType[t]!] as const);
    const sum = rows.reduce((a, [, n]) => a + n, 0);
    return html`<div class="block">
      ${staticHtml`<${sub} id="feedback-heading" part="subheading" class="subheading">${msg('What we heard')}</${sub}>`}
      <p part="feedback" class="feedback">${participation(locale, f)}</p>
      ${rows.length
        ? html`<p id="chart-label" class="chart-label">${msg('Comments by type of participant')}</p>
            <ul part="chart" class="chart" aria-labelledby="chart-label">
              ${rows.map(([type, n]) => {
                const share = sum ? n / sum : 0;
                return html`<li class="row">
                  <span class="label">${stakeholderLabel(type)}</span>
                  <span class="numbers">${formatNumber(locale, n)} (${formatPercent(locale, share)})</span>
                  <span part="bar" class="bar" aria-hidden="true"><span class="fill" ${cssProps({ '--share': `${(share * 100).toFixed(2)}%` })}></span></span>
                </li>`;
              })}
            </ul>`
        : nothing}
    </div>`;
  }

  private renderResponses(d: Decision) {
    const locale = this.locale;
    const sub = headingTag(this.headingLevel, 1);
    return html`<div class="block">
      ${staticHtml`<${sub} id="responses-heading" part="subheading" class="subheading">${msg('You said — we did')}</${sub}>`}
      <dl part="responses" class="responses">
        ${d.responses.map((r) => {
          const theme = pick(r.theme, locale);
          const response = pick(r.response, locale);
          return html`<dt lang=${theme.lang}>${theme.text}</dt>
            <dd lang=${response.lang}>${response.text}</dd>`;
        })}
      </dl>
    </div>`;
  }
}

function outcomeHeadline(outcome: Decision['outcome']): string {
  return {
    adopted: () => msg('Decision: adopted as proposed'),
    amended: () => msg('Decision: adopted with amendments'),
    withdrawn: () => msg('Decision: withdrawn'),
    postponed: () => msg('Decision: postponed'),
  }[outcome]();
}

declare global {
  interface HTMLElementTagNameMap {
    'sharek-decision': SharekDecision;
  }
}
