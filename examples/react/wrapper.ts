// A typed React component for <dns-import-status>, made with @lit/react: camelCase props
// (`zoneId`, `fetcher`) and `onImportDone`-style event props, for React 18 as well as 19.
// It stays out of the element's bundle: only React users import it.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { DnsImportStatus, type ImportDoneEvent, type ImportErrorEvent, type ImportProgressEvent } from 'dns-import-status';

export const DnsImportStatusReact = createComponent({
  react: React,
  tagName: 'dns-import-status',
  elementClass: DnsImportStatus,
  displayName: 'DnsImportStatus',
  events: {
    onImportProgress: 'import-progress' as EventName<ImportProgressEvent>,
    onImportDone: 'import-done' as EventName<ImportDoneEvent>,
    onImportError: 'import-error' as EventName<ImportErrorEvent>,
  },
});
