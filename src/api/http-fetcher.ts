/**
 * The built-in transport: GET `${endpoint}/v2/zones/{zone_id}/import/recordsets` (or, for a
 * `batch-create` task, `/v2.1/zones/{zone_id}/recordsets/batch-create-task`) with `fetch`. Exported as a factory so that a console adds its token header or its own
 * `fetch` without writing HTTP handling again. Header values are never copied into
 * errors, URLs or logs: they usually carry an IAM token.
 */
import { setTag, UNCHANGED_BODY } from './body-tag.js';
import { parseHuaweiErrorBody } from './huawei-error-body.js';
import { ImportStatusError } from './import-status-error.js';
import type { ImportTaskFetcher, ImportTaskKind } from './types.js';
import { afterNextPaint } from '../common/work-in-slices.js';

type HeaderMap = Record<string, string>;

export interface HttpFetcherOptions {
  /** Base URL, e.g. `/api/dns` for a same-origin proxy or `https://dns.myhuaweicloud.com`. Default: same origin. */
  endpoint?: string;
  /** Extra headers, or a function returning them for each request (so a token is always fresh). */
  headers?: HeaderMap | (() => HeaderMap | Promise<HeaderMap>);
  /** The `fetch` to use: a console's authenticated client, for example. Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Default `same-origin`; `include` for a cross-origin API that authenticates with cookies. */
  credentials?: RequestCredentials;
}

/** The request path of a zone's task of this kind (the import unless `batch-create`); the zone id can never leave its own path segment. */
export function importTaskPath(zoneId: string, kind?: ImportTaskKind): string {
  try {
    // `.` and `..` (even percent-encoded) are dot segments that URL parsing would resolve away.
    if (zoneId !== '' && !/^(\.|%2e){1,2}$/i.test(zoneId)) {
      const zone = encodeURIComponent(zoneId);
      return kind === 'batch-create' ? `/v2.1/zones/${zone}/recordsets/batch-create-task` : `/v2/zones/${zone}/import/recordsets`;
    }
  } catch {
    // An unpaired surrogate (text cut inside an emoji) cannot be encoded.
  }
  throw new ImportStatusError(`"${zoneId}" is not a valid zone id.`, { kind: 'config' });
}

/**
 * An HTTP date as epoch ms, in the form servers send: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37
 * GMT`, RFC 9110), which is exactly what toUTCString() writes, so a text is one when it reads back
 * the same (Date.parse alone takes junk for dates too). The two obsolete forms a recipient is still
 * asked to accept, RFC 850 and asctime, are not read: a `Retry-After` in one of them falls back to
 * the element's own backoff, as an unreadable one does.
 */
export function parseHttpDate(text: string): number | undefined {
  const ms = Date.parse(text);
  return !Number.isNaN(ms) && new Date(ms).toUTCString() === text ? ms : undefined;
}

/** `Retry-After` in seconds: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const date = parseHttpDate(text);
  return date === undefined ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Marks a tag made here from the bytes, which the server knows nothing of (never sent as If-None-Match). */
const DIGEST = 'sha256:';

/**
 * Of the bytes, off the main thread. `crypto.subtle` exists only in secure contexts (https,
 * localhost); elsewhere, without an ETag, every answer is parsed and compared as an object.
 */
async function digestOf(bytes: ArrayBuffer): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return DIGEST + btoa(String.fromCharCode(...hash));
}

function buildHeaders(extra: HeaderMap | undefined): Headers {
  try {
    const headers = new Headers(extra);
    // Set, not merged: whatever case the caller spelled it in, we need JSON back.
    headers.set('Accept', 'application/json');
    return headers;
  } catch {
    // The browser's message quotes the refused value, which is usually a token: say which rule broke, not what.
    throw new ImportStatusError('createHttpFetcher got an invalid header name or value (a line break or a non-Latin-1 character?).', { kind: 'config' });
  }
}

/** One built-in fetcher per endpoint, so elements on the same zone and endpoint share their requests. */
const sharedFetchers = new Map<string, ImportTaskFetcher>();

/** The fetcher an element uses when given none: plain `fetch` on `endpoint`, shared per endpoint. */
export function sharedHttpFetcher(endpoint: string): ImportTaskFetcher {
  let fetcher = sharedFetchers.get(endpoint);
  if (!fetcher) sharedFetchers.set(endpoint, (fetcher = createHttpFetcher({ endpoint })));
  return fetcher;
}

export function createHttpFetcher(options: HttpFetcherOptions = {}): ImportTaskFetcher {
  const endpoint = (options.endpoint ?? '').replace(/\/+$/, '');
  const credentials = options.credentials ?? 'same-origin';

  return async (zoneId, { signal, knownTag, taskKind, errorItemOffset }) => {
    // The rest of a batch-create task's paged failures: the server's page size, from this offset.
    const query = errorItemOffset ? `?error_item_offset=${errorItemOffset}` : '';
    const url = endpoint + importTaskPath(zoneId, taskKind) + query;
    const headers = buildHeaders(typeof options.headers === 'function' ? await options.headers() : options.headers);
    // The server's own tag for the body shown: it may answer 304 instead of sending it again.
    if (knownTag && !knownTag.startsWith(DIGEST)) headers.set('If-None-Match', knownTag);
    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'GET',
        headers,
        credentials,
        // Polling must see the server's state now, never a cached copy.
        cache: 'no-store',
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ImportStatusError('Could not reach the server.', { kind: 'network', cause: error });
    }
    const { ok, status, statusText, headers: responseHeaders } = response;
    if (status === 304 && knownTag) return UNCHANGED_BODY;
    const bytes = await response.arrayBuffer();
    const tag = ok ? (responseHeaders.get('ETag') ?? (await digestOf(bytes))) : undefined;
    if (tag !== undefined && tag === knownTag) return UNCHANGED_BODY;
    const text = new TextDecoder().decode(bytes);
    // Decoding and parsing 20 MB each take a long task: a frame is painted between the two.
    if (bytes.byteLength > 1e6) await afterNextPaint();
    /** What every error about this response carries. */
    const fromResponse = { status, requestId: responseHeaders.get('X-Request-Id') ?? undefined };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // An error status needs no body (it is reported below); a 2xx answer must be JSON.
      if (ok) {
        const type = (responseHeaders.get('Content-Type') ?? 'unknown type').split(';')[0];
        throw new ImportStatusError(`The server's answer is not JSON (${type}): often a proxy or sign-in page.`, {
          kind: 'invalid-body',
          ...fromResponse,
        });
      }
    }
    if (ok) {
      setTag(body, tag);
      return body;
    }
    const { code, message } = parseHuaweiErrorBody(body);
    throw new ImportStatusError(message ?? `HTTP ${status}${statusText ? ` ${statusText}` : ''}`, {
      kind: 'http',
      ...fromResponse,
      code,
      retryAfter: parseRetryAfter(responseHeaders.get('Retry-After')),
    });
  };
}
