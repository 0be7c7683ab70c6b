/**
 * One system notification when an import finishes while nobody is looking: one for the whole
 * browser, not one per tab or per watcher. Each candidate claims the import under a Web Lock,
 * in a short list in localStorage (both shared by the origin's tabs); the first claim shows it,
 * the rest find it listed. Without permission nothing is shown: asking belongs to a user gesture in the
 * host's own interface, never to this component.
 */
import type { ImportTask } from '../api/types.js';
import { intlLocale, type Locale } from '../i18n/locale.js';
import { messagesFor, outcomeText } from '../i18n/messages.js';

/** The imports already notified (newest first), in localStorage: shared by the origin's tabs. */
const NOTIFIED_KEY = 'dns-import-status:notified';
const NOTIFIED_KEPT = 50;

/** Whether this import's notification is still to be shown; marks it shown. False when another tab did. */
function claim(id: string): boolean {
  try {
    const notified: unknown = JSON.parse(localStorage.getItem(NOTIFIED_KEY) ?? '[]');
    const list = Array.isArray(notified) ? notified : [];
    if (list.includes(id)) return false;
    localStorage.setItem(NOTIFIED_KEY, JSON.stringify([id, ...list].slice(0, NOTIFIED_KEPT)));
  } catch {
    // Storage disabled: the notification's tag still folds duplicates into one on screen.
  }
  return true;
}

function show(task: ImportTask, locale: Locale, tag: string): void {
  const messages = messagesFor(locale);
  const notification = new Notification(messages.doneNotificationTitle, {
    body: outcomeText(messages, task),
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
  const id = `dns-import-status:${task.zone_id ?? ''}:${task.task_id}`;
  const run = () => {
    if (claim(id)) show(task, locale, id);
  };
  // The lock makes the check-and-mark one step across tabs; where Web Locks are missing, the mark alone.
  if (typeof navigator.locks?.request === 'function') navigator.locks.request(NOTIFIED_KEY, run).catch(() => {});
  else run();
}
