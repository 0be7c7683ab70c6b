/**
 * `dns-import-status/react`: `<dns-import-status>` as a typed React component (React 18 and 19),
 * made with `@lit/react`: camelCase props (`zoneId`, `fetcher`, `interval`, …) set as
 * properties, and `onImportProgress`, `onImportDone`, `onImportError`, `onImportStalled`
 * typed with the element's events. Importing it registers the element.
 *
 * A separate entry (dist/react.js), built with `react`, `@lit/react` and the element module
 * external: only React users load it, and the element is not duplicated. It may import the
 * element only through './index.js' (scripts/build.js maps that to the published module); the
 * props come from the events' one list (watcher/events.ts, bundled: it defines no element).
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { DnsImportStatus as DnsImportStatusElement } from './index.js';
import { IMPORT_EVENT_TYPES, type ImportEventMap, type ImportEventType } from './watcher/events.js';

/** `import-progress` → `ImportProgress`. */
type PascalCase<T extends string> = T extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${PascalCase<Tail>}` : Capitalize<T>;

/** Each event's prop, `onImportProgress` for `import-progress`, typed with the event. */
type EventProps = { [K in ImportEventType as `on${PascalCase<K>}`]: EventName<ImportEventMap[K]> };

const propOf = (type: string) => `on${type.replace(/(?:^|-)(\w)/g, (_, first: string) => first.toUpperCase())}`;

export const DnsImportStatus = createComponent({
  react: React,
  tagName: 'dns-import-status',
  elementClass: DnsImportStatusElement,
  displayName: 'DnsImportStatus',
  events: Object.fromEntries(IMPORT_EVENT_TYPES.map((type) => [propOf(type), type])) as EventProps,
});

/** The component's props: the element's properties, the event callbacks, and React's own. */
export type DnsImportStatusProps = React.ComponentProps<typeof DnsImportStatus>;
