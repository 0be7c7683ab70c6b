/**
 * A fetcher whose every call waits until the test answers it, so each state of the element
 * can be asserted exactly (the pattern of lit's own task tests).
 */
import type { ImportTask, ImportTaskFetcher } from '../../src/api/types.js';

export interface PendingCall {
  zoneId: string;
  signal: AbortSignal;
  resolve(body: unknown): void;
  reject(reason: unknown): void;
}

export class ScriptedFetcher {
  readonly calls: PendingCall[] = [];
  readonly fetcher: ImportTaskFetcher = (zoneId, { signal }) =>
    new Promise((resolve, reject) => {
      // Like fetch: an abort rejects the pending call with the signal's reason.
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      this.calls.push({ zoneId, signal, resolve, reject });
    });

  get last(): PendingCall {
    const call = this.calls.at(-1);
    if (!call) throw new Error('The fetcher has not been called.');
    return call;
  }

  get inFlight(): number {
    return this.pending.length;
  }

  /** Calls neither answered nor aborted. */
  private get pending(): PendingCall[] {
    return this.calls.filter((call) => !call.signal.aborted && !(call as { settled?: boolean }).settled);
  }

  /** Answers the latest call. */
  answer(body: unknown): void {
    const call = this.last;
    (call as { settled?: boolean }).settled = true;
    call.resolve(body);
  }

  fail(reason: unknown): void {
    const call = this.last;
    (call as { settled?: boolean }).settled = true;
    call.reject(reason);
  }
}

export function rawTask(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    task_id: '4011afa265b412380165b415b1400001',
    status: 'DONE',
    created_at: '2018-09-07T12:50:45.181',
    updated_at: '2018-09-07T12:50:46.344',
    zone_id: '4011afa165b1f0e00165b1f8d2a80380',
    zone_type: 'public',
    language: 'zh-cn',
    total_count: 1,
    success_count: 0,
    error_count: 1,
    error_items: [
      {
        name: 'test.import.',
        type: 'A',
        line: 'default_view',
        ttl: '300',
        value: ['192.168.1.1', '192.168.222.111'],
        error_code: 'DNS.0806',
        error_message: 'This line is not be supported in this DNS version.',
      },
    ],
    ...overrides,
  };
}

export const envelope = (task: Record<string, unknown>) => ({ code: 200, data: task });

export type { ImportTask };
