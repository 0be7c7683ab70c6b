// A console page that shows the panel while a zone is selected, mounted into an existing page
// element the way a console embeds an Angular island (an Angular app would bootstrap its own
// root instead). Zoneless change detection: the page's state is signals, no zone.js.
import { Component, createComponent, provideZonelessChangeDetection, signal, type WritableSignal } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import type { ImportTask, ImportTaskFetcher } from 'dns-import-status';
import { ImportStatusPanelComponent } from './import-status-panel.component.js';

@Component({
  selector: 'app-console-page',
  standalone: true,
  imports: [ImportStatusPanelComponent],
  template: `
    @if (shown()) {
      <app-import-status-panel [zoneId]="zoneId()" [fetcher]="fetcher()" (done)="onDone($event)" />
    }
  `,
})
export class ConsolePageComponent {
  readonly zoneId = signal('');
  readonly fetcher: WritableSignal<ImportTaskFetcher> = signal<ImportTaskFetcher>(() => Promise.reject(new Error('no fetcher yet')));
  /** False destroys the panel (as leaving the zone's page would). */
  readonly shown = signal(true);
  readonly finished: ImportTask[] = [];
  doneListener: ((task: ImportTask) => void) | undefined;

  onDone(task: ImportTask): void {
    this.finished.push(task);
    this.doneListener?.(task);
  }
}

export interface ImportStatusInputs {
  zoneId: string;
  fetcher: ImportTaskFetcher;
  onDone?: (task: ImportTask) => void;
}

export interface MountedConsolePage {
  readonly page: ConsolePageComponent;
  /** Destroys the page and its application. */
  destroy(): void;
}

export async function mountConsolePage(host: Element, { zoneId, fetcher, onDone }: ImportStatusInputs): Promise<MountedConsolePage> {
  const app = await createApplication({ providers: [provideZonelessChangeDetection()] });
  const ref = createComponent(ConsolePageComponent, { environmentInjector: app.injector, hostElement: host });
  ref.instance.zoneId.set(zoneId);
  ref.instance.fetcher.set(fetcher);
  ref.instance.doneListener = onDone;
  app.attachView(ref.hostView);
  app.tick();
  return { page: ref.instance, destroy: () => app.destroy() };
}
