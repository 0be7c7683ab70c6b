// JSX typings for <dns-import-status> used directly in React 19 (copy this file into a React
// project; `dns-import-status/react` needs none):
// `fetcher` is set as a property and `on<event>` props listen to that exact event name.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { DnsImportStatus, ImportDoneEvent, ImportErrorEvent, ImportProgressEvent, ImportStalledEvent, ImportTaskFetcher, ImportTaskKind } from 'dns-import-status';

export interface DnsImportStatusJsxProps extends DetailedHTMLProps<HTMLAttributes<DnsImportStatus>, DnsImportStatus> {
  'zone-id'?: string;
  'task-kind'?: ImportTaskKind;
  endpoint?: string;
  interval?: number;
  timeout?: number;
  'give-up-after'?: number;
  fetcher?: ImportTaskFetcher;
  'onimport-progress'?: (event: ImportProgressEvent) => void;
  'onimport-done'?: (event: ImportDoneEvent) => void;
  'onimport-error'?: (event: ImportErrorEvent) => void;
  'onimport-stalled'?: (event: ImportStalledEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'dns-import-status': DnsImportStatusJsxProps;
    }
  }
}
