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
  /** The record set's own status beside its error (the batch-create task's items: `ERROR`); absent when not sent. */
  readonly status?: string;
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
 * Which task of a zone is watched: `import`, the `.xlsx` import (`GET
 * /v2/zones/{zone_id}/import/recordsets`), or `batch-create`, the v2.1 batch-create task the SDKs
 * make (`GET /v2.1/zones/{zone_id}/recordsets/batch-create-task`).
 */
export type ImportTaskKind = 'import' | 'batch-create';

/** What a fetcher is asked for, besides the zone. */
export interface ImportTaskFetchInit {
  signal: AbortSignal;
  /** Which task (absent: `import`), so that one fetcher serves both kinds. */
  taskKind?: ImportTaskKind;
  /**
   * `batch-create` only: the failed records to skip (`error_item_offset`), when the rest of a
   * paged list is fetched. A fetcher that ignores it sends the first page again, which is read
   * safely (every distinct record once, the missing ones said).
   */
  errorItemOffset?: number;
  /** For the built-in fetcher (it names the body shown): a fetcher that wraps it passes `init` on whole. */
  knownTag?: string;
}

/**
 * The transport. Resolves with the response body (the `{code, data}` envelope or a bare
 * task); rejects to signal a failure. A rejection carrying a numeric `status` is handled as
 * that HTTP status, and a numeric `retryAfter` (seconds) is honoured.
 */
export type ImportTaskFetcher = (zoneId: string, init: ImportTaskFetchInit) => Promise<unknown>;
