/**
 * The shapes the element works with. Field names stay the API's own snake_case,
 * because the people reading them also read Huawei's documentation.
 */

/** One record that failed to import, normalized. */
export interface ImportErrorItem {
  name: string;
  type: string;
  line: string;
  /** Seconds; a number when numeric, else the API's text verbatim; undefined when absent. */
  ttl?: number | string;
  /** Present only where the zone supports weighted records. */
  weight?: number | string;
  /** Always an array: the API sends a string or an array (`value` or `records`). */
  value: string[];
  error_code: string;
  error_message: string;
}

/** Documented statuses; anything else the API sends is kept verbatim. */
export type ImportTaskStatus = 'PENDING' | 'DONE' | (string & {});

/** The latest batch-import task of a zone, normalized. */
export interface ImportTask {
  task_id: string;
  status: ImportTaskStatus;
  /** As sent (no zone designator in the API: it means UTC). */
  created_at?: string;
  updated_at?: string;
  zone_id?: string;
  zone_type?: string;
  /** The language of the uploaded template (`zh-cn`, `en-us`), not the UI's. */
  language?: string;
  total_count: number;
  success_count: number;
  error_count: number;
  error_items: ImportErrorItem[];
}

/**
 * The transport. Resolves with the response body (the `{code, data}` envelope or a bare
 * task); rejects to signal a failure. A rejection carrying a numeric `status` is handled as
 * that HTTP status, and a numeric `retryAfter` (seconds) is honoured.
 */
export type ImportTaskFetcher = (zoneId: string, init: { signal: AbortSignal }) => Promise<unknown>;
