// React (18 or 19) with the published component, `dns-import-status/react`: camelCase props set
// as properties, and typed `on<Event>` callbacks (here `event` is an ImportDoneEvent).
import { DnsImportStatus } from 'dns-import-status/react';
import type { ImportTask, ImportTaskFetcher } from 'dns-import-status';

export interface ImportStatusCardProps {
  zoneId: string;
  /** The console's own authenticated transport (see createHttpFetcher). */
  fetcher: ImportTaskFetcher;
  onDone?: (task: ImportTask, watched: boolean) => void;
}

export function ImportStatusCard({ zoneId, fetcher, onDone }: ImportStatusCardProps) {
  return (
    <DnsImportStatus
      zoneId={zoneId}
      fetcher={fetcher}
      interval={5000}
      onImportDone={(event) => onDone?.(event.detail.task, event.detail.sawPending)}
    />
  );
}
