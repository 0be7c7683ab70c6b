/**
 * Puts an ImportWatcher under an element. It follows the host's properties in `hostUpdate()`,
 * so that the first request waits for the first update: a `fetcher`, `endpoint` or `interval` a
 * console sets right after `append()` is used by the very first request. The watcher's events
 * are dispatched from the host after the render that shows what they are about, bubbling and
 * composed. It re-renders the host when the watcher has something new, and once a second while
 * a "retrying in N s" countdown is on screen. Shaped like lit's ResizeController.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../i18n/locale.js';
import { IMPORT_EVENT_TYPES, importEvent, type ImportEventType } from './events.js';
import { ImportWatcher, type WatchImportOptions } from './import-watcher.js';
import type { RefreshOptions } from '../polling/channel-types.js';

export interface ImportWatcherControllerConfig {
  locale(): Locale;
  /** A stall began (before the render that shows it): to announce it. */
  onStall(): void;
}

export class ImportWatcherController implements ReactiveController {
  readonly watcher: ImportWatcher;
  #connected = false;
  #countdown: ReturnType<typeof setTimeout> | undefined;
  /** The watcher's events, made again for the host, to dispatch once the update has rendered them. */
  #queued: Event[] = [];
  readonly #config: ImportWatcherControllerConfig;

  /** The host's properties are the options, as set: the watcher cleans them (polling/config.ts). */
  readonly #host: ReactiveControllerHost & HTMLElement & WatchImportOptions;

  constructor(host: ReactiveControllerHost & HTMLElement & WatchImportOptions, config: ImportWatcherControllerConfig) {
    this.#host = host;
    this.#config = config;
    this.watcher = new ImportWatcher({ onChange: () => host.requestUpdate(), locale: () => config.locale() });
    for (const type of IMPORT_EVENT_TYPES) this.#forward(type);
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    // Re-attached after a removal: the next update joins the channel again.
    if (!this.watcher.attached) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    // Moving the element (remove, then insert in the same task) must not restart polling:
    // decide after the current task's microtasks, when a move has completed.
    queueMicrotask(() => {
      if (!this.#connected && !this.#host.isConnected) {
        clearTimeout(this.#countdown);
        this.watcher.detach();
      }
    });
  }

  hostUpdate(): void {
    if (this.#connected) this.watcher.configure(this.#host);
  }

  hostUpdated(): void {
    const queued = this.#queued;
    this.#queued = [];
    for (const event of queued) this.#host.dispatchEvent(event);
    this.#tickCountdown();
  }

  refresh(options?: RefreshOptions): Promise<void> {
    if (this.#connected) this.watcher.configure(this.#host);
    return this.watcher.refresh(options);
  }

  /** The watcher's event `type`, fired again from the host after the render that shows it. */
  #forward<K extends ImportEventType>(type: K): void {
    this.watcher.addEventListener(type, (event) => {
      this.#queued.push(importEvent(type, event.detail));
      if (type === 'import-stalled') this.#config.onStall();
      this.#host.requestUpdate();
    });
  }

  /** While a retry is counted down on screen, one re-render a second. */
  #tickCountdown(): void {
    clearTimeout(this.#countdown);
    // The channel sets retryAt only while it will retry.
    const left = (this.watcher.snapshot?.retryAt ?? 0) - Date.now();
    if (this.watcher.attached && left > 1000) this.#countdown = setTimeout(() => this.#host.requestUpdate(), left % 1000 || 1000);
  }
}
