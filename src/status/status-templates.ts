/**
 * The templates of `<dns-import-status>`: the notice for each state and the summary of a task
 * (headline, progress bar, rate or duration, facts). Pure functions of what to show; the
 * element decides what that is.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ImportTask, ImportTaskKind } from '../api/types.js';
import { cssProperty } from '../common/css-property.js';
import { clipText, formatTime, parseApiTime, progressPercent } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { outcomeText, type Messages } from '../i18n/messages.js';
import type { ChannelSnapshot } from '../polling/channel-types.js';

/** The element's phase, reflected as the `state` attribute for host styling and scripts. */
export type DnsImportStatusState = 'idle' | 'loading' | 'pending' | 'done' | 'empty' | 'error';

/** The notice for a state (`state` decides; nothing here re-derives it). */
export function renderNotice(
  messages: Messages,
  state: DnsImportStatusState,
  snapshot: ChannelSnapshot | undefined,
  onRetry: () => void,
): TemplateResult | typeof nothing {
  switch (state) {
    case 'idle':
      return html`<p part="message">${messages.configHint}</p>`;
    case 'loading':
      return html`<p part="message" aria-busy="true">${messages.loading}</p>`;
    case 'error': {
      const { error, willRetry, retryAt, gaveUp, task } = snapshot!;
      const retryIn = retryAt === undefined ? undefined : Math.max(1, Math.round((retryAt - Date.now()) / 1000));
      return html`<div part="message" class="error">
        <span>${clipText(messages.errorNotice(error!, willRetry, retryIn, gaveUp))}${task ? ` ${messages.staleData}` : ''}</span>
        <button type="button" @click=${onRetry}>${messages.retry}</button>
        <span class="details">${clipText(messages.errorDetails(error!))}</span>
      </div>`;
    }
    case 'empty':
      return html`<slot name="empty"
        ><p part="message">
          ${snapshot!.noNewTask ? messages.noNewTask : messages.empty} <span class="details">${messages.emptyHint}</span>
        </p></slot
      >`;
    default:
      return snapshot!.noNewTask ? html`<p part="message">${messages.noNewTask}</p>` : nothing;
  }
}

export interface SummaryInput {
  messages: Messages;
  locale: Locale;
  task: ImportTask;
  taskKind: ImportTaskKind;
  /** The stalled notice, while the import is stalled. */
  stalledNotice: string | undefined;
  /** Rate and time left, or how long the import took; empty when there is nothing to say. */
  timing: string | undefined;
}

/** The summary of a task: the stall notice, headline, progress bar, timing and facts. */
export function renderSummary({ messages, locale, task, taskKind, stalledNotice, timing }: SummaryInput): TemplateResult {
  const done = task.status === 'DONE';
  // Failed records the answer did not hold (a page that failed, repeated, or has yet to come): never a silent gap.
  const notListed = task.error_count - task.error_items.length;
  const processed = task.success_count + task.error_count;
  const percent = progressPercent(processed, task.total_count, done);
  const outcomeClass = !done ? 'pending' : task.error_count === 0 ? 'success' : task.success_count === 0 ? 'failed' : 'partial';
  return html`
    ${stalledNotice ? html`<p part="message" class="stalled">${stalledNotice}</p>` : nothing}
    <section part="summary" aria-label=${messages.progressLabel}>
      <p class="headline">
        <span>${clipText(messages.statusWord(task.status))}</span>
        <span class="outcome ${outcomeClass}">${outcomeText(messages, task)}</span>
      </p>
      <div
        part="progress"
        role="progressbar"
        aria-label=${messages.progressLabel}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent}
        aria-valuetext=${messages.progressValue(percent, processed, task.total_count)}
      >
        <div class="bar" ${cssProperty('--_fraction', String(percent / 100))}></div>
      </div>
      ${timing ? html`<p part="estimate">${timing}</p>` : nothing}
      <dl>
        ${fact(messages.taskKind, messages.taskKinds[taskKind])}
        ${fact(messages.total, messages.count(task.total_count))} ${fact(messages.imported, messages.count(task.success_count))}
        ${fact(messages.failed, messages.count(task.error_count) + (notListed > 0 ? messages.notListed(notListed) : ''))}
        ${fact(messages.taskId, task.task_id, 'code')}
        ${timeFact(messages.created, task.created_at, locale)} ${timeFact(messages.updated, task.updated_at, locale)}
        ${fact(messages.templateLanguage, task.language)} ${fact(messages.zoneType, task.zone_type)}
      </dl>
    </section>
  `;
}

function fact(label: string, value: string | undefined, className = ''): TemplateResult | typeof nothing {
  return value === undefined ? nothing : html`<div><dt>${label}</dt><dd class=${className}>${clipText(value)}</dd></div>`;
}

function timeFact(label: string, text: string | undefined, locale: Locale): TemplateResult | typeof nothing {
  const date = parseApiTime(text);
  if (!date) return fact(label, text);
  return html`<div><dt>${label}</dt><dd><time datetime=${date.toISOString()}>${formatTime(date, locale)}</time></dd></div>`;
}
