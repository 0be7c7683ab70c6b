/**
 * `dns-import-status/react`: `<dns-import-status>` as a typed React component (React 18 and 19),
 * made with `@lit/react`: camelCase props (`zoneId`, `fetcher`, `interval`, …) set as
 * properties, and `onImportProgress`, `onImportDone`, `onImportError`, `onImportStalled`
 * typed with the element's events. Importing it registers the element.
 *
 * A separate entry (dist/react.js), built with `react`, `@lit/react` and the element module
 * external: only React users load it, and the element is not duplicated. It may import the
 * element only through './index.js' (scripts/build.js maps that to the published module).
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import {
  DnsImportStatus as DnsImportStatusElement,
  type ImportDoneEvent,
  type ImportErrorEvent,
  type ImportProgressEvent,
  type ImportStalledEvent,
} from './index.js';

export const DnsImportStatus = createComponent({
  react: React,
  tagName: 'dns-import-status',
  elementClass: DnsImportStatusElement,
  displayName: 'DnsImportStatus',
  events: {
    onImportProgress: 'import-progress' as EventName<ImportProgressEvent>,
    onImportDone: 'import-done' as EventName<ImportDoneEvent>,
    onImportError: 'import-error' as EventName<ImportErrorEvent>,
    onImportStalled: 'import-stalled' as EventName<ImportStalledEvent>,
  },
});

/** The component's props: the element's properties, the event callbacks, and React's own. */
export type DnsImportStatusProps = React.ComponentProps<typeof DnsImportStatus>;
