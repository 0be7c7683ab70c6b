/**
 * Reads an error code and message out of a Huawei Cloud error body, the way the official
 * SDKs do: `error_code`/`error_msg`, then `errorCode`/`errorMsg`, then `code`/`message`,
 * at the top level or one level down (`{"error": {...}}`).
 */

export interface HuaweiErrorFields {
  code?: string;
  message?: string;
}

const FIELD_PAIRS = [
  ['error_code', 'error_msg'],
  ['errorCode', 'errorMsg'],
  ['code', 'message'],
] as const;

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readFlat(body: Record<string, unknown>): HuaweiErrorFields | undefined {
  for (const [codeKey, messageKey] of FIELD_PAIRS) {
    const code = asText(body[codeKey]);
    const message = asText(body[messageKey]);
    if (code !== undefined || message !== undefined) {
      return { ...(code !== undefined && { code }), ...(message !== undefined && { message }) };
    }
  }
  return undefined;
}

export function parseHuaweiErrorBody(body: unknown): HuaweiErrorFields {
  if (!isRecord(body)) return {};
  const flat = readFlat(body);
  if (flat) return flat;
  for (const nested of Object.values(body)) {
    if (isRecord(nested)) {
      const found = readFlat(nested);
      if (found) return found;
    }
  }
  return {};
}
