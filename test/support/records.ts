import type { ImportErrorItem } from '../../src/api/types.js';

/** A normalized failed record with plausible defaults, so each test states only what it is about. */
export function failedRecord(overrides: Partial<ImportErrorItem> = {}): ImportErrorItem {
  return {
    name: 'www.example.com.',
    type: 'A',
    line: 'default_view',
    ttl: 300,
    value: ['192.0.2.1'],
    error_code: 'DNS.0016',
    error_message: 'The record set already exists.',
    ...overrides,
  };
}
