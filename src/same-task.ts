/**
 * Whether two normalized tasks say the same thing, so that an identical poll causes no
 * re-render and no `import-progress`. Cheap fields first; the record list only when they match.
 */
import type { ImportErrorItem, ImportTask } from './types.js';

const SCALAR_KEYS = [
  'task_id', 'status', 'total_count', 'success_count', 'error_count',
  'created_at', 'updated_at', 'zone_id', 'zone_type', 'language',
] as const;

function sameItem(a: ImportErrorItem, b: ImportErrorItem): boolean {
  return (
    a.name === b.name &&
    a.type === b.type &&
    a.line === b.line &&
    a.ttl === b.ttl &&
    a.weight === b.weight &&
    a.error_code === b.error_code &&
    a.error_message === b.error_message &&
    a.value.length === b.value.length &&
    a.value.every((value, index) => value === b.value[index])
  );
}

export function sameTask(a: ImportTask | null | undefined, b: ImportTask | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (SCALAR_KEYS.some((key) => a[key] !== b[key])) return false;
  const itemsA = a.error_items;
  const itemsB = b.error_items;
  if (itemsA.length !== itemsB.length) return false;
  for (let i = 0; i < itemsA.length; i++) if (!sameItem(itemsA[i]!, itemsB[i]!)) return false;
  return true;
}
