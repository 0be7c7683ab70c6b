// React (18 or 19) with the published component, `dns-import-status/react`: camelCase props set
// as properties, and typed `on<Event>` callbacks (here `event` is an ImportDoneEvent).
import { DnsImportStatus } from 'dns-import-status/react';
import type { ImportTask, ImportTaskFetcher, ImportTaskKind } from 'dns-import-status';

export interface ImportStatusCardProps {
  zoneId: string;
  /** `batch-create` for the v2.1 task the SDKs make; the fetcher is told which (`init.taskKind`). */
  taskKind?: ImportTaskKind;
  /** The console's own authenticated transport (see createHttpFetcher). */
  fetcher: ImportTaskFetcher;
  onDone?: (task: ImportTask, watched: boolean) => void;
}

export function ImportStatusCard({ zoneId, taskKind = 'import', fetcher, onDone }: ImportStatusCardProps) {
  return (
    <DnsImportStatus
      zoneId={zoneId}
      taskKind={taskKind}
      fetcher={fetcher}
      interval={5000}
      onImportDone={(event) => onDone?.(event.detail.task, event.detail.sawPending)}
    />
  );
}
