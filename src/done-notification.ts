/**
 * One system notification when an import finishes while nobody is looking: one for the whole
 * browser, not one per tab or per watcher. Each candidate claims the task under a Web Lock and
 * a mark in localStorage (both shared by the origin's tabs); the first claim shows it, the rest
 * find the mark. Without permission nothing is shown: asking belongs to a user gesture in the
 * host's own interface, never to this component.
 */
import type { ImportTask } from './api/types.js';
import { intlLocale, type Locale } from './i18n/locale.js';
import { messagesFor } from './i18n/messages.js';

const MARK_PREFIX = 'dns-import-status:notified:';
/** Marks older than this are dropped when a new one is written. */
const MARK_LIFETIME_MS = 24 * 60 * 60_000;

/** Whether this task's notification is still to be shown; marks it shown. False when another tab did. */
function claim(mark: string): boolean {
  try {
    if (localStorage.getItem(mark) !== null) return false;
    localStorage.setItem(mark, String(Date.now()));
    forgetOldMarks();
  } catch {
    // Storage disabled: the notification's tag still folds duplicates into one on screen.
  }
  return true;
}

function forgetOldMarks(): void {
  for (let index = localStorage.length - 1; index >= 0; index--) {
    const key = localStorage.key(index);
    if (key?.startsWith(MARK_PREFIX) && Date.now() - Number(localStorage.getItem(key)) > MARK_LIFETIME_MS) localStorage.removeItem(key);
  }
}

function show(task: ImportTask, locale: Locale, tag: string): void {
  const messages = messagesFor(locale);
  const notification = new Notification(messages.doneNotificationTitle, {
    body: messages.doneNotificationBody(task.success_count, task.error_count),
    lang: intlLocale(locale),
    tag,
  });
  // Clicking brings back the tab that shows the import.
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
}

export function showDoneNotificationOnce(task: ImportTask, locale: Locale): void {
  if (typeof Notification !== 'function' || Notification.permission !== 'granted') return;
  const mark = `${MARK_PREFIX}${task.zone_id ?? ''}:${task.task_id}`;
  const run = () => {
    if (claim(mark)) show(task, locale, mark);
  };
  // The lock makes the check-and-mark one step across tabs; where Web Locks are missing, the mark alone.
  if (typeof navigator.locks?.request === 'function') navigator.locks.request(mark, run).catch(() => {});
  else run();
}
