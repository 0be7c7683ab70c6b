// Counts the requests made over one simulated minute (sinon's fake clock drives every timer,
// so a minute takes milliseconds) by our element and by a naive setInterval poller, against
// an in-page server whose answers each scenario scripts.
import sinon from 'sinon';
import '../../src/index.js';
import type { DnsImportStatus } from '../../src/status/dns-import-status.js';
import type { ImportTaskFetcher } from '../../src/api/types.js';

type Answer = 'pending' | 'done' | '503';
interface Scenario {
  name: string;
  elements: number;
  answer: Answer;
  hidden?: boolean;
}

const INTERVAL = 2000;
const MINUTE = 60_000;

function task(status: 'PENDING' | 'DONE') {
  return { code: 200, data: { task_id: 't1', status, total_count: 100, success_count: 40, error_count: 0, error_items: [] } };
}

function countingServer(answer: () => Answer) {
  const counter = { requests: 0 };
  const fetcher: ImportTaskFetcher = async () => {
    counter.requests++;
    await Promise.resolve();
    const now = answer();
    if (now === '503') throw Object.assign(new Error('Service unavailable'), { status: 503 });
    return task(now === 'done' ? 'DONE' : 'PENDING');
  };
  return { counter, fetcher };
}

let hidden = false;
Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
const setHidden = (value: boolean) => {
  hidden = value;
  document.dispatchEvent(new Event('visibilitychange'));
};

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

async function ours(scenario: Scenario): Promise<number> {
  const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const stage = document.getElementById('stage')!;
  // The first load always succeeds with a PENDING task (or DONE for the after-DONE case);
  // the scenario's answer applies for the measured minute that follows.
  let measuring = false;
  const { counter, fetcher } = countingServer(() => (measuring ? scenario.answer : scenario.answer === 'done' ? 'done' : 'pending'));
  const elements: DnsImportStatus[] = [];
  for (let i = 0; i < scenario.elements; i++) {
    const el = document.createElement('dns-import-status');
    el.fetcher = fetcher;
    el.zoneId = 'zone-bench';
    stage.append(el);
    elements.push(el);
  }
  await flush();
  await Promise.all(elements.map((el) => el.updateComplete));
  measuring = true;
  if (scenario.hidden) setHidden(true);
  const before = counter.requests;
  await clock.tickAsync(MINUTE);
  const made = counter.requests - before;
  if (scenario.hidden) setHidden(false);
  stage.replaceChildren();
  await flush();
  clock.restore();
  return made;
}

async function naive(scenario: Scenario): Promise<number> {
  const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const { counter, fetcher } = countingServer(() => scenario.answer);
  const timers: ReturnType<typeof setInterval>[] = [];
  for (let i = 0; i < scenario.elements; i++) {
    // What a hand-written poller usually does: fetch every interval, ignore the answer's status.
    timers.push(setInterval(() => void fetcher('zone-bench', { signal: new AbortController().signal }).catch(() => {}), INTERVAL));
  }
  if (scenario.hidden) setHidden(true);
  await clock.tickAsync(MINUTE);
  if (scenario.hidden) setHidden(false);
  timers.forEach(clearInterval);
  clock.restore();
  return counter.requests;
}

const scenarios: Scenario[] = [
  { name: '50 elements on one zone, PENDING', elements: 50, answer: 'pending' },
  { name: '503 storm (1 element)', elements: 1, answer: '503' },
  { name: '503 storm (50 elements)', elements: 50, answer: '503' },
  { name: 'hidden page, PENDING (1 element)', elements: 1, answer: 'pending', hidden: true },
  { name: 'after DONE (1 element)', elements: 1, answer: 'done' },
];

export interface PollingRow {
  scenario: string;
  ours: number;
  naive: number;
}

declare global {
  interface Window {
    runPollingBench: () => Promise<PollingRow[]>;
  }
}
window.runPollingBench = async () => {
  const rows: PollingRow[] = [];
  for (const scenario of scenarios) {
    rows.push({ scenario: scenario.name, ours: await ours(scenario), naive: await naive(scenario) });
  }
  return rows;
};
