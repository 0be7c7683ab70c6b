/**
 * Recording the import events an element or a watcher fires, for a test to assert on later:
 *
 *   const events = recordEvents(el);            // every event from now on: { type, detail }
 *   const errors = recordDetails(el, 'import-error'); // the details of one type from now on
 *
 * Both lists are live: they grow as events come. An element mounted with `mount()` or
 * `mountAnswered()` (./mount.ts) has been recorded since it was connected: `eventsOf(el)` and
 * `detailsOf(el, type)` give what it fired since then, its first answer's events included.
 */
import { IMPORT_EVENT_TYPES, type ImportEventDetails, type ImportEventType } from '../../src/watcher/events.js';

export interface RecordedEvent {
  type: ImportEventType;
  detail: ImportEventDetails[ImportEventType];
}

/** Every import event of `types` (default all four) that `target` fires from now on, in order. */
export function recordEvents(target: EventTarget, types: readonly ImportEventType[] = IMPORT_EVENT_TYPES): RecordedEvent[] {
  const seen: RecordedEvent[] = [];
  for (const type of types) target.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  return seen;
}

/** The detail of every `type` event that `target` fires from now on, in order. */
export function recordDetails<K extends ImportEventType>(target: EventTarget, type: K): ImportEventDetails[K][] {
  const seen: ImportEventDetails[K][] = [];
  target.addEventListener(type, (event) => seen.push((event as CustomEvent<ImportEventDetails[K]>).detail));
  return seen;
}

interface History {
  events: RecordedEvent[];
  details: Map<ImportEventType, unknown[]>;
}

const histories = new WeakMap<EventTarget, History>();

/** Starts recording `target` for eventsOf() and detailsOf() (mount() does, before it connects the element). */
export function recordHistory(target: EventTarget): void {
  histories.set(target, {
    events: recordEvents(target),
    details: new Map(IMPORT_EVENT_TYPES.map((type) => [type, recordDetails(target, type)])),
  });
}

function historyOf(target: EventTarget): History {
  const history = histories.get(target);
  if (!history) throw new Error('eventsOf()/detailsOf(): the element was not mounted with mount() or mountAnswered().');
  return history;
}

/** Every import event a mounted element fired since it was connected, in order (live). */
export const eventsOf = (target: EventTarget): RecordedEvent[] => historyOf(target).events;

/** The details of every `type` event a mounted element fired since it was connected, in order (live). */
export const detailsOf = <K extends ImportEventType>(target: EventTarget, type: K): ImportEventDetails[K][] =>
  historyOf(target).details.get(type) as ImportEventDetails[K][];
