// The demo page: task kind and scenario pickers, restart, language switch and a live log of the element's events.
import { watchImport, type DnsImportStatus, type ImportTaskKind, type ImportWatcher } from '../src/index.js';

type Scenarios = ReadonlyArray<readonly [zoneId: string, label: string]>;

/** The `.xlsx` import's scenarios (simulator/simulated-zones.js). */
const IMPORT_SCENARIOS: Scenarios = [
  ['zone-progress', 'Import in progress → done with failures'],
  ['zone-clean', 'Done, no failures'],
  ['zone-flaky', 'Flaky server (503, 429, flow control)'],
  ['zone-empty', 'No import task (404)'],
  ['zone-empty-data', 'Empty task data (200, {})'],
  ['zone-huge', '2,500 failed records'],
  ['zone-many-20000', '20,000 failed records'],
  ['zone-total-failure', 'Nothing imported'],
  ['zone-stuck', 'Stuck in progress (stalls)'],
  ['zone-pending', 'Pending, frozen at 40 %'],
  ['zone-slow', 'Slow server (3 s per answer)'],
  ['zone-unauthorized', 'Sign-in expired (401)'],
  ['zone-forbidden', 'No permission (403)'],
  ['zone-api-error', 'API error in a 200 body'],
  ['zone-html', 'Proxy error page (HTML)'],
];

/** The v2.1 batch-create task's scenarios (simulator/simulated-batch-create.js). */
const BATCH_CREATE_SCENARIOS: Scenarios = [
  ['zone-progress', 'Batch create in progress → done with failures'],
  ['zone-paged', '1,200 failures, sent 500 at a time'],
  ['zone-full', '2,000 record sets, all failed'],
  ['zone-clean', 'Done, no failures'],
  ['zone-wrapped', 'Wrapped body, value and text TTLs'],
  ['zone-repeating', 'Server ignores the offset (repeated page)'],
  ['zone-page-fails', 'A later page fails'],
  ['zone-empty', 'No batch-create task (404)'],
];
const SCENARIOS: Readonly<Record<ImportTaskKind, Scenarios>> = { import: IMPORT_SCENARIOS, 'batch-create': BATCH_CREATE_SCENARIOS };
const MAX_LOG_ENTRIES = 200;

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`demo: #${id} is missing`);
  return found as T;
}

const el = byId<DnsImportStatus>('status');
const stage = byId('stage');
const zones = byId('zones');
const log = byId<HTMLOListElement>('log');
const currentZone = byId('current-zone');
const kinds = byId('kinds');

// A task centre beside the element: a watcher without an element, sharing the element's requests.
const taskCentre = byId('task-centre');
let watcher: ImportWatcher | undefined;
function watchInTaskCentre(zoneId: string): void {
  watcher?.close();
  watcher = watchImport({ zoneId, taskKind: el.taskKind, endpoint: '/api/dns', shareKey: 'demo-project' });
  const say = (text: string) => (taskCentre.textContent = `Task centre (watchImport): ${text}`);
  say('watching');
  watcher.addEventListener('import-progress', ({ detail: { task } }) => say(`${task.status}, ${task.success_count + task.error_count} of ${task.total_count}`));
  watcher.addEventListener('import-done', ({ detail: { task } }) => say(`finished: ${task.success_count} imported, ${task.error_count} failed`));
  watcher.addEventListener('import-error', ({ detail: { error } }) => say(error.code ?? error.kind));
}

// Permission for notifications is the page's to ask, on a click; the element never asks.
const allowNotifications = byId<HTMLButtonElement>('allow-notifications');
allowNotifications.hidden = typeof Notification !== 'function';
allowNotifications.addEventListener('click', () => void Notification.requestPermission());

function selectZone(zoneId: string): void {
  el.zoneId = zoneId;
  watchInTaskCentre(zoneId);
  currentZone.textContent = zoneId;
  for (const button of zones.querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(button.dataset['zone'] === zoneId));
  }
  const url = new URL(location.href);
  url.searchParams.set('zone', zoneId);
  url.searchParams.set('kind', el.taskKind);
  history.replaceState(null, '', url);
}

/** Shows the scenarios of a task kind, and one of them: `zoneId` where the kind has it, else its first. */
function selectKind(kind: ImportTaskKind, zoneId: string): void {
  el.taskKind = kind;
  for (const button of kinds.querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset['kind'] === kind));
  const scenarios = SCENARIOS[kind];
  zones.replaceChildren(
    ...scenarios.map(([id, label]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset['zone'] = id;
      button.textContent = label;
      button.title = id;
      button.addEventListener('click', () => selectZone(id));
      return button;
    }),
  );
  selectZone(scenarios.some(([id]) => id === zoneId) ? zoneId : scenarios[0]![0]);
}

for (const button of kinds.querySelectorAll<HTMLButtonElement>('button')) {
  button.addEventListener('click', () => selectKind(button.dataset['kind'] as ImportTaskKind, el.zoneId));
}
const params = new URL(location.href).searchParams;
selectKind(params.get('kind') === 'batch-create' ? 'batch-create' : 'import', params.get('zone') ?? el.zoneId);

// Shown by the dev server only when it signs requests for your own account (HUAWEICLOUD_SDK_AK/SK).
const ownZone = byId<HTMLFormElement>('own-zone');
ownZone.addEventListener('submit', (event) => {
  event.preventDefault();
  const zoneId = new FormData(ownZone).get('zone');
  if (typeof zoneId === 'string' && zoneId !== '') selectZone(zoneId);
});

byId('restart').addEventListener('click', async () => {
  await fetch(`/__sim/zones/${encodeURIComponent(el.zoneId)}/restart`, { method: 'POST' });
  await el.refresh();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-lang]')) {
  button.addEventListener('click', () => {
    stage.lang = button.dataset['lang'] ?? 'en';
    for (const other of document.querySelectorAll('button[data-lang]')) {
      other.setAttribute('aria-pressed', String(other === button));
    }
  });
}

function cell(className: string, text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}

/** Adds a log line; textContent only, the details come from the server. */
function record(name: string, summary: string): void {
  const item = document.createElement('li');
  item.className = name;
  const time = new Date().toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hour12: false,
  });
  item.append(cell('time', time), cell('name', name), cell('summary', summary));
  log.prepend(item);
  while (log.children.length > MAX_LOG_ENTRIES) log.lastElementChild?.remove();
}

interface TaskCounts {
  status: string;
  total_count: number;
  success_count: number;
  error_count: number;
}
const counts = (task: TaskCounts): string =>
  `${task.status} · ${task.success_count} imported, ${task.error_count} failed of ${task.total_count}`;

el.addEventListener('import-progress', (event) => record(event.type, counts(event.detail.task)));
el.addEventListener('import-done', (event) => record(event.type, counts(event.detail.task)));
el.addEventListener('import-stalled', (event) =>
  record(event.type, `${counts(event.detail.task)} · no change since ${new Date(event.detail.since).toLocaleTimeString()}`),
);
el.addEventListener('import-error', (event) => {
  const { error, willRetry } = event.detail;
  const code = [error.status, error.code].filter((part) => part !== undefined).join(' ');
  record(event.type, `${code ? `[${code}] ` : ''}${error.message} · ${willRetry ? 'will retry' : 'no retry'}`);
});
byId('clear-log').addEventListener('click', () => log.replaceChildren());
