/**
 * Huawei's documented response, the one fixture every test starts from: the example response of
 * `GET /v2/zones/{zone_id}/import/recordsets` in Huawei Cloud DNS's API reference, verbatim. It
 * carries the document's own quirks, which the normalizer must read: `code` is the number 200,
 * `ttl` is the text "300", `value` is a list although the field table says string, and the
 * message's grammar is Huawei's ("is not be supported").
 *
 * Each call returns a fresh copy, so a test may change what it gets.
 */
import type { ImportTask } from '../../src/api/types.js';

export const DOCUMENTED_TASK_ID = '4011afa265b412380165b415b1400001';
export const DOCUMENTED_ZONE_ID = '4011afa165b1f0e00165b1f8d2a80380';

/** The documented response body: the `{code, data}` envelope around the task. */
export function documentedResponse(): { code: number; data: Record<string, unknown> } {
  return {
    code: 200,
    data: {
      task_id: DOCUMENTED_TASK_ID,
      status: 'DONE',
      created_at: '2018-09-07T12:50:45.181',
      updated_at: '2018-09-07T12:50:46.344',
      zone_id: DOCUMENTED_ZONE_ID,
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
    },
  };
}

/** What the normalizer makes of the documented response: `ttl` a number, nothing else changed. */
export function documentedTask(): ImportTask {
  const { data } = documentedResponse();
  const [item] = data['error_items'] as Record<string, unknown>[];
  return { ...(data as unknown as ImportTask), error_items: [{ ...(item as unknown as ImportTask['error_items'][number]), ttl: 300 }] };
}

/** The documented task as the API sends it (not normalized), with some fields replaced. */
export function rawTask(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...documentedResponse().data, ...overrides };
}

/** The documented envelope around any task. */
export const envelope = (task: Record<string, unknown>) => ({ code: 200, data: task });
