/**
 * Connects one element to the shared channel of its zone: subscribes while the element is
 * in the document, switches channel when the zone or the fetcher changes, and re-renders the
 * host only when the snapshot it shows has changed. Shaped like lit's ResizeController.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { channelFor, type ChannelSnapshot, type ChannelSubscriber, type ImportTaskChannel } from './import-task-channel.js';
import type { ImportTaskFetcher } from '../api/types.js';

export interface ImportTaskControllerConfig {
  zoneId(): string;
  fetcher(): ImportTaskFetcher;
  interval(): number;
  timeout(): number;
  giveUpAfter(): number;
}

export class ImportTaskController implements ReactiveController, ChannelSubscriber {
  /** What the host renders; undefined until the current channel has said anything. */
  snapshot: ChannelSnapshot | undefined;
  private channel: ImportTaskChannel | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly config: ImportTaskControllerConfig,
  ) {
    host.addController(this);
  }

  get interval(): number {
    return this.config.interval();
  }

  get timeout(): number {
    return this.config.timeout();
  }

  get giveUpAfter(): number {
    return this.config.giveUpAfter();
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    // Moving the element (remove, then insert in the same task) must not restart polling:
    // decide after the current task's microtasks, when a move has completed.
    queueMicrotask(() => {
      if (!this.connected && !this.host.isConnected) this.detach();
    });
  }

  /** Follows the host's zone id and fetcher; call before each render. */
  sync(): void {
    if (!this.connected) return;
    const zoneId = this.config.zoneId();
    const fetcher = this.config.fetcher();
    const current = this.channel;
    if (current && current.zoneId === zoneId && current.fetcher === fetcher) return;
    this.detach();
    this.snapshot = undefined;
    if (zoneId === '') return;
    this.channel = channelFor(fetcher, zoneId);
    this.channel.subscribe(this);
  }

  refresh(): Promise<void> {
    this.sync();
    return this.channel?.refresh() ?? Promise.resolve();
  }

  onSnapshot(snapshot: ChannelSnapshot): void {
    if (snapshot === this.snapshot) return;
    this.snapshot = snapshot;
    this.host.requestUpdate();
  }

  private detach(): void {
    this.channel?.unsubscribe(this);
    this.channel = undefined;
  }
}
