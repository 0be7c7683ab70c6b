/**
 * One poller per share group across the tabs of a browser: the tabs elect a leader with a Web
 * Lock, and the leader's answers reach the others on a BroadcastChannel (RxDB's leader election,
 * applied to polling).
 *
 * - Every tab with a watcher in the group asks for the lock; the holder polls, the others wait
 *   in the lock's queue and listen. When the holder closes, navigates away, is frozen or enters
 *   the back/forward cache, the browser (or `pagehide`/`freeze` here) releases the lock and the
 *   next tab in the queue takes over at once.
 * - A leader in a hidden page says so in every message; a follower whose page is visible then
 *   takes the lock (`steal`), so a visible tab polls whenever there is one.
 * - Messages carry the protocol version and the sender; anything else on the channel is
 *   ignored. What a message holds is checked by the caller (tab-sync.ts, with shared-state.ts),
 *   like an API body.
 *
 * TabShare knows nothing of polling: the channel's tab sync (tab-sync.ts) extends it, tells it
 * what to send and hears what comes.
 */

/** Bumped when a message's shape changes: tabs running another version then never mix. */
export const SHARE_PROTOCOL = 1;

export type MessageType = 'state' | 'hello' | 'refresh';

interface ShareMessage {
  protocol: typeof SHARE_PROTOCOL;
  type: MessageType;
  /** The sending tab (random, per page load). */
  from: string;
  /** The sender's page is hidden. */
  hidden: boolean;
  body?: unknown;
}

const TYPES: ReadonlySet<unknown> = new Set<MessageType>(['state', 'hello', 'refresh']);

function isShareMessage(data: unknown): data is ShareMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Partial<ShareMessage>;
  return message.protocol === SHARE_PROTOCOL && TYPES.has(message.type) && typeof message.from === 'string' && typeof message.hidden === 'boolean';
}

/** Web Locks and BroadcastChannel are both needed; without either, each tab polls on its own. */
export function canShareAcrossTabs(): boolean {
  return typeof BroadcastChannel === 'function' && typeof navigator.locks?.request === 'function';
}

/**
 * The lock and channel name of a group (a key, endpoint, zone and task kind): the share key
 * names it, and nothing else learns the key.
 */
export function shareGroupName(shareKey: string, endpoint: string, zoneId: string, taskKind: string): string {
  return `dns-import-status:${SHARE_PROTOCOL}:${JSON.stringify([shareKey, endpoint, zoneId, taskKind])}`;
}

export abstract class TabShare {
  /** Tells this tab's own messages apart (BroadcastChannel skips the sending object, not the page). */
  readonly #id = Math.random().toString(36);
  readonly #name: string;
  #broadcast: BroadcastChannel | undefined;
  /** Whether this tab holds the lock. */
  #leading = false;
  /** The current lock request; a newer one makes it stale. */
  #request: AbortController | undefined;
  /** Ends the callback that holds the lock, which releases it. */
  #release: (() => void) | undefined;
  /** The leader's page was hidden, as of its latest message. */
  #leaderHidden = false;

  constructor(name: string) {
    this.#name = name;
  }

  /** This tab now polls for the group (true), or only listens (false). */
  protected abstract lead(leading: boolean): void;

  /** A leader's state, unchecked. */
  protected abstract receive(state: unknown): void;

  /**
   * Leader only: send the state now. `joined`: a tab has just joined (it may also warrant a
   * check, as a new element on the page would); else this page's visibility changed.
   */
  protected abstract stateWanted(joined: boolean): void;

  /** Leader only: a tab asked for a fetch now (`refresh()`); `true` asks to wait for a new task. */
  protected abstract refreshAsked(expectNewTask: unknown): void;

  /** Whether the leader's page is visible changed (the stall clock counts time watched anywhere). */
  protected abstract leaderVisibility(): void;

  get leading(): boolean {
    return this.#leading;
  }

  /** Some page of the group is in front of someone: this one, or the leader's. */
  get visibleSomewhere(): boolean {
    return !document.hidden || (!this.#leading && this.#broadcast !== undefined && !this.#leaderHidden);
  }

  start(): void {
    this.#listen(true);
    this.#open();
  }

  stop(): void {
    this.#listen(false);
    this.#close();
  }

  /**
   * Sends to the other tabs: `state` (the polling tab's, to all), `hello` (a tab asks the polling
   * tab for its whole state) or `refresh` (a tab asks it to fetch now).
   */
  protected post(type: MessageType, body?: unknown): void {
    const message: ShareMessage = { protocol: SHARE_PROTOCOL, type, from: this.#id, hidden: document.hidden, body };
    this.#broadcast?.postMessage(message);
  }

  #open(): void {
    this.#broadcast = new BroadcastChannel(this.#name);
    this.#broadcast.onmessage = (event) => this.#receive(event.data);
    this.#requestLock(false);
    this.post('hello');
  }

  /** Lets go of the lock and the channel (pagehide, freeze, stop): another tab takes over. */
  #close(): void {
    this.#request?.abort();
    this.#request = undefined;
    this.#release?.();
    this.#release = undefined;
    this.#broadcast?.close();
    this.#broadcast = undefined;
    this.#leaderHidden = false;
    this.#setLeading(false);
  }

  /** Queues for the lock, or with `steal` takes it from a leader that cannot poll for the group. */
  #requestLock(steal: boolean): void {
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    const options: LockOptions = steal ? { steal: true } : { signal: request.signal };
    navigator.locks
      .request(this.#name, options, () => {
        if (this.#request !== request) return undefined;
        this.#setLeading(true);
        return new Promise<void>((resolve) => (this.#release = resolve));
      })
      .catch((error: unknown) => {
        // Aborted by a newer request: nothing to do.
        if (this.#request !== request) return;
        this.#release = undefined;
        const stolen = error instanceof DOMException && error.name === 'AbortError';
        // Stolen by a visible tab: listen, and queue again. Refused (an opaque origin, a
        // sandboxed frame): this tab polls on its own, as where Web Locks are missing.
        this.#setLeading(!stolen);
        if (stolen && this.#broadcast) this.#requestLock(false);
      });
  }

  #setLeading(leading: boolean): void {
    if (leading === this.#leading) return;
    this.#leading = leading;
    this.lead(leading);
  }

  #receive(data: unknown): void {
    if (!isShareMessage(data) || data.from === this.#id) return;
    if (data.type === 'state') {
      if (this.#leading) return;
      if (data.hidden !== this.#leaderHidden) {
        this.#leaderHidden = data.hidden;
        this.leaderVisibility();
      }
      this.receive(data.body);
      if (data.hidden && !document.hidden) this.#requestLock(true);
    } else if (this.#leading) {
      if (data.type === 'hello') this.stateWanted(true);
      else this.refreshAsked(data.body);
    }
  }

  readonly #onVisibilityChange = () => {
    // The followers learn of it from the state, and a visible one takes over from a hidden leader.
    if (this.#leading) this.stateWanted(false);
    else if (!document.hidden && this.#leaderHidden) this.#requestLock(true);
  };

  readonly #onPageHide = () => this.#close();

  /** Back from the back/forward cache, or thawed: in the group again. */
  readonly #onPageShow = () => {
    if (!this.#broadcast) this.#open();
  };

  #listen(on: boolean): void {
    const method = on ? 'addEventListener' : 'removeEventListener';
    document[method]('visibilitychange', this.#onVisibilityChange);
    // Releasing on pagehide keeps the page eligible for the back/forward cache.
    window[method]('pagehide', this.#onPageHide);
    window[method]('pageshow', this.#onPageShow);
    document[method]('freeze', this.#onPageHide);
    document[method]('resume', this.#onPageShow);
  }
}
