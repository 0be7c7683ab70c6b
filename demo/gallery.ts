// One element in one state, chosen by the URL: /demo/gallery.html?state=pending&lang=zh-CN.
// `&width=360` sets the element's own width in pixels (the layout follows it, not the window).
// Used by `npm run screenshots`; handy for eyeballing a state too. No server involved: a
// fetcher defined here answers.
import '../src/index.js';
import type { ImportTaskFetcher } from '../src/api/types.js';

const records = Array.from({ length: 240 }, (_, i) => {
  const kinds = [
    ['DNS.0806', 'This line is not be supported in this DNS version.', 'Abroad'],
    ['DNS.0016', 'The record set already exists.', 'default_view'],
    ['DNS.0303', 'Invalid TTL.', 'default_view'],
    ['DNS.0308', 'Invalid record value.', 'default_view'],
  ] as const;
  const [code, message, line] = kinds[i % 7 === 0 ? 3 : i % 5 === 0 ? 2 : i % 3 === 0 ? 1 : 0]!;
  return {
    name: i % 9 === 0 ? `测试${i}.example.com.` : i % 4 === 0 ? `web-frontend-cluster-node-${i}.example.com.` : `host${i}.example.com.`,
    type: i % 4 === 0 ? 'AAAA' : 'A',
    line,
    ttl: '300',
    value: i % 4 === 0 ? [`2001:db8:85a3::8a2e:370:${i}`, `2001:db8:85a3::8a2e:371:${i}`] : ['192.0.2.1', `192.0.2.${(i % 250) + 2}`],
    error_code: code,
    error_message: message,
  };
});

const task = (overrides: Record<string, unknown>) => ({
  code: 200,
  data: {
    task_id: 'ff8080826bd6b3a4016be3a1d4f1000c', status: 'DONE',
    created_at: '2026-11-27T08:00:00.000', updated_at: '2026-11-27T08:02:41.512',
    zone_id: 'ff8080826bd6b3a4016be3a1d4f10001', zone_type: 'public', language: 'en-us',
    total_count: 500, success_count: 260, error_count: 240, error_items: records, ...overrides,
  },
});

const never = () => new Promise<never>(() => {});
const pendingAt = (processed: number) =>
  task({ status: 'PENDING', success_count: processed - 32, error_count: 32, error_items: records.slice(0, 32) });
const started = Date.now();
/** Polled every 500 ms (below): 12 records a second, whatever the timers' jitter. */
const climbing: ImportTaskFetcher = async () => pendingAt(212 + Math.floor((Date.now() - started) * 0.012));
/** Moves once, then stands still: an estimate, then the stall notice (in time-lapse, below). */
let stuckCalls = 0;
const stuck: ImportTaskFetcher = async () => pendingAt(++stuckCalls > 1 ? 240 : 212);
const fail = (reason: unknown) => async () => { throw reason; };

export const galleryStates: Record<string, ImportTaskFetcher | null> = {
  config: null,
  loading: never,
  pending: async () => pendingAt(212),
  estimate: climbing,
  stalled: stuck,
  done: async () => task({ total_count: 1200, success_count: 1200, error_count: 0, error_items: [] }),
  failures: async () => task({}),
  'nothing-imported': async () => task({ success_count: 0, error_count: 240 }),
  empty: fail({ status: 404, message: 'No import task.' }),
  error: fail({ status: 401, code: 'APIGW.0301', message: 'Incorrect IAM authentication information: token expired.', requestId: '6f1c0ad3b2a94a0c' }),
  retrying: fail({ status: 503, code: 'DNS.0021', message: 'Service unavailable.', retryAfter: 8 }),
};

const params = new URLSearchParams(location.search);
const state = params.get('state') ?? 'failures';
const el = document.createElement('dns-import-status');
el.lang = params.get('lang') ?? 'en';
const width = Number(params.get('width'));
if (width > 0) el.style.width = `${width}px`;
const fetcher = galleryStates[state];
if (state === 'estimate') el.interval = 500; // two polls without a long wait
if (state === 'stalled') {
  // Time-lapse: the page's clock and timers run 240 times as fast, so the default 2 min
  // stall-after passes in half a second and the notice reads as it would in real use.
  const speed = 240;
  const realNow = Date.now.bind(Date);
  const realSetTimeout = window.setTimeout.bind(window);
  const origin = realNow();
  Date.now = () => origin + (realNow() - origin) * speed;
  window.setTimeout = ((handler: TimerHandler, ms = 0, ...rest: unknown[]) => realSetTimeout(handler, ms / speed, ...rest)) as typeof setTimeout;
}
if (fetcher) {
  el.fetcher = fetcher;
  el.zoneId = 'ff8080826bd6b3a4016be3a1d4f10001';
}
document.getElementById('stage')!.append(el);
