// Angular 21: a standalone component using the element with CUSTOM_ELEMENTS_SCHEMA.
// `[fetcher]` binds a property, `[attr.zone-id]` the attribute, and `(import-done)` listens to
// the element's event. The same template works unchanged with the Angular CLI (AOT).
import { Component, CUSTOM_ELEMENTS_SCHEMA, EventEmitter, Input, Output } from '@angular/core';
import 'dns-import-status';
import type { ImportDoneEvent, ImportErrorEvent, ImportTask, ImportTaskFetcher } from 'dns-import-status';

@Component({
  selector: 'app-import-status-panel',
  standalone: true,
  // Lets Angular's compiler accept <dns-import-status> and bindings to its properties.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <dns-import-status
      [attr.zone-id]="zoneId"
      [fetcher]="fetcher"
      (import-done)="onImportDone($event)"
      (import-error)="onImportError($event)"
    ></dns-import-status>
    @if (finished) {
      <p class="finished">Finished: {{ finished.task_id }} ({{ finished.error_count }} failed)</p>
    }
  `,
})
export class ImportStatusPanelComponent {
  @Input({ required: true }) zoneId!: string;
  /** The console's own authenticated transport (see createHttpFetcher). */
  @Input({ required: true }) fetcher!: ImportTaskFetcher;
  @Output() readonly done = new EventEmitter<ImportTask>();

  /** The last finished task, shown under the element (Angular re-renders after the event). */
  finished: ImportTask | undefined;
  lastError: string | undefined;

  onImportDone(event: ImportDoneEvent): void {
    this.finished = event.detail.task;
    this.done.emit(event.detail.task);
  }

  onImportError(event: ImportErrorEvent): void {
    this.lastError = event.detail.willRetry ? undefined : event.detail.error.message;
  }
}
