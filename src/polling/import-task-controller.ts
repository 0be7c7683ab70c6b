/**
 * Connects one element to the shared channel of its zone. It follows the host's properties in
 * `hostUpdate()`, so that the first request waits for the first update: a `fetcher`,
 * `endpoint` or `interval` a console sets right after `append()` is used by the very first
 * request. It re-renders the host only when the snapshot it shows has changed, and once a
 * second while a "retrying in N s" countdown is on screen. Shaped like lit's ResizeController.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sharedHttpFetcher } from '../api/http-fetcher.js';
import { ImportStatusError } from '../api/import-status-error.js';
import type { ImportTaskFetcher } from '../api/types.js';
import { giveUpAfterMs, intervalMs, timeoutMs, zoneIdOf } from './config.js';
import { channelFor, type ChannelSnapshot, type ChannelSubscriber, type ImportTaskChannel, type RefreshOptions } from './import-task-channel.js';

/** The host's properties as set, unchecked: the controller cleans them (config.ts). */
export interface ImportTaskControllerConfig {
  zoneId(): unknown;
  /** A custom fetcher, or nothing for the built-in one on `endpoint`. */
  fetcher(): ImportTaskFetcher | null | undefined;
  endpoint(): string;
  interval(): unknown;
  timeout(): unknown;
  giveUpAfter(): unknown;
}

/** Stands in for a `fetcher` that is not a function: a configuration error, never retried. */
const notAFunction: ImportTaskFetcher = () =>
  Promise.reject(new ImportStatusError('The fetcher property must be a function: (zoneId, { signal }) => Promise.', { kind: 'config' }));

export class ImportTaskController implements ReactiveController, ChannelSubscriber {
  /** What the host renders; undefined until the current channel has said anything. */
  snapshot: ChannelSnapshot | undefined;
  #channel: ImportTaskChannel | undefined;
  #connected = false;
  #countdown: ReturnType<typeof setTimeout> | undefined;
  /** The custom fetcher the channel was joined with, if any. */
  #customFetcher: ImportTaskFetcher | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #config: ImportTaskControllerConfig;

  constructor(host: ReactiveControllerHost & HTMLElement, config: ImportTaskControllerConfig) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
  }

  get zoneId(): string {
    return zoneIdOf(this.#config.zoneId());
  }

  get interval(): number {
    return intervalMs(this.#config.interval());
  }

  get timeout(): number {
    return timeoutMs(this.#config.timeout());
  }

  get giveUpAfter(): number {
    return giveUpAfterMs(this.#config.giveUpAfter());
  }

  hostConnected(): void {
    this.#connected = true;
    // Re-attached after a removal: the next update subscribes again.
    if (!this.#channel) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    // Moving the element (remove, then insert in the same macrotask) must not restart polling:
    // decide after the current macrotask's microtasks, when a move has completed.
    queueMicrotask(() => {
      if (!this.#connected && !this.#host.isConnected) this.#detach();
    });
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostUpdated(): void {
    this.#tickCountdown();
  }

  refresh(options?: RefreshOptions): Promise<void> {
    this.#sync();
    return this.#channel?.refresh(options) ?? Promise.resolve();
  }

  onSnapshot(snapshot: ChannelSnapshot): void {
    if (snapshot === this.snapshot) return;
    this.snapshot = snapshot;
    this.#host.requestUpdate();
  }

  /** Follows the zone id and the fetcher. A custom fetcher replaced by another is the same source. */
  #sync(): void {
    if (!this.#connected) return;
    const zoneId = this.zoneId;
    const given = this.#config.fetcher();
    const custom = given == null ? undefined : typeof given === 'function' ? given : notAFunction;
    const fetcher = custom ?? sharedHttpFetcher(this.#config.endpoint());
    const current = this.#channel;
    if (current && current.zoneId === zoneId) {
      if (current.fetcher === fetcher) return;
      if (custom && this.#customFetcher) {
        this.#customFetcher = custom;
        this.#channel = current.handOver(this, custom);
        return;
      }
    }
    this.#detach();
    this.snapshot = undefined;
    this.#customFetcher = custom;
    if (zoneId === '') return;
    this.#channel = channelFor(fetcher, zoneId);
    this.#channel.subscribe(this);
  }

  /** While a retry is counted down on screen, one re-render a second. */
  #tickCountdown(): void {
    clearTimeout(this.#countdown);
    // The channel sets retryAt only while it will retry.
    const left = (this.snapshot?.retryAt ?? 0) - Date.now();
    if (this.#channel && left > 1000) this.#countdown = setTimeout(() => this.#host.requestUpdate(), left % 1000 || 1000);
  }

  #detach(): void {
    clearTimeout(this.#countdown);
    this.#channel?.unsubscribe(this);
    this.#channel = undefined;
  }
}
