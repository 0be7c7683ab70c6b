// React 19 using the element directly: attributes as attributes, `fetcher` as a property
// (React 19 sets a property when the element has one), events through `on<event-name>`.
import 'dns-import-status';
import type { ImportDoneEvent, ImportTask, ImportTaskFetcher } from 'dns-import-status';

export interface ImportStatusPanelProps {
  zoneId: string;
  /** The console's own authenticated transport (see createHttpFetcher). */
  fetcher: ImportTaskFetcher;
  onDone?: (task: ImportTask) => void;
}

export function ImportStatusPanel({ zoneId, fetcher, onDone }: ImportStatusPanelProps) {
  return (
    <dns-import-status
      zone-id={zoneId}
      fetcher={fetcher}
      onimport-done={(event: ImportDoneEvent) => onDone?.(event.detail.task)}
    />
  );
}
