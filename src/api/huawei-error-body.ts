/**
 * Reads an error code and message out of a Huawei Cloud error body, the way the official
 * SDKs do: `error_code`/`error_msg`, then `errorCode`/`errorMsg`, then `code`/`message`,
 * at the top level or one level down (`{"error": {...}}`). A more specific name wins over a
 * less specific one wherever it stands, so `{"code":400,"error":{"error_code":"DNS.0301"}}`
 * reports DNS.0301; code and message are looked up independently.
 */
import { isRecord } from './json.js';

export interface HuaweiErrorFields {
  code?: string;
  message?: string;
}

const CODE_KEYS = ['error_code', 'errorCode', 'code'] as const;
const MESSAGE_KEYS = ['error_msg', 'errorMsg', 'message'] as const;

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : undefined;

function firstText(places: Record<string, unknown>[], keys: readonly string[], accept = (_text: string) => true): string | undefined {
  for (const key of keys) {
    for (const place of places) {
      const text = asText(place[key]);
      if (text !== undefined && accept(text)) return text;
    }
  }
  return undefined;
}

export function parseHuaweiErrorBody(body: unknown): HuaweiErrorFields {
  if (!isRecord(body)) return {};
  const places = [body, ...Object.values(body).filter(isRecord)];
  // A Huawei code (`APIGW.0301`) beats a bare number: some gateways put the HTTP status in
  // `error_code` beside `{"error": {"code": "APIGW.0301"}}`.
  const code = firstText(places, CODE_KEYS, (text) => !/^\d+$/.test(text)) ?? firstText(places, CODE_KEYS);
  const message = firstText(places, MESSAGE_KEYS);
  return { ...(code !== undefined && { code }), ...(message !== undefined && { message }) };
}
