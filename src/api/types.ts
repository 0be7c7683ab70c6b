/**
 * The shapes the element works with. Field names stay the API's own snake_case,
 * because the people reading them also read Huawei's documentation.
 */

/** One record that failed to import, normalized. */
export interface ImportErrorItem {
  readonly name: string;
  readonly type: string;
  readonly line: string;
  /** Seconds; a number when numeric, else the API's text verbatim; undefined when absent. */
  readonly ttl?: number | string;
  /** Present only where the zone supports weighted records. */
  readonly weight?: number | string;
  /** Always an array: the API sends a string or an array (`value` or `records`). */
  readonly value: readonly string[];
  readonly error_code: string;
  readonly error_message: string;
}

/** Documented statuses; anything else the API sends is kept verbatim. */
export type ImportTaskStatus = 'PENDING' | 'DONE' | (string & {});

/** The latest batch-import task of a zone, normalized and deeply frozen (every element on a zone shares it). */
export interface ImportTask {
  readonly task_id: string;
  readonly status: ImportTaskStatus;
  /** As sent (no zone designator in the API: it means UTC). */
  readonly created_at?: string;
  readonly updated_at?: string;
  readonly zone_id?: string;
  readonly zone_type?: string;
  /** The language of the uploaded template (`zh-cn`, `en-us`), not the UI's. */
  readonly language?: string;
  readonly total_count: number;
  readonly success_count: number;
  readonly error_count: number;
  readonly error_items: readonly ImportErrorItem[];
}

/**
 * The transport. Resolves with the response body (the `{code, data}` envelope or a bare
 * task); rejects to signal a failure. A rejection carrying a numeric `status` is handled as
 * that HTTP status, and a numeric `retryAfter` (seconds) is honoured. `init.knownTag` is for the
 * built-in fetcher (it names the body shown): a fetcher that wraps it passes `init` on whole.
 */
export type ImportTaskFetcher = (zoneId: string, init: { signal: AbortSignal; knownTag?: string }) => Promise<unknown>;
