// The channel of a share key across tabs, in one page: two channels of one group stand for two
// tabs (each has its own lock request and BroadcastChannel object, as a tab would; the
// browser delivers between them as between tabs). Real timers: Web Locks and BroadcastChannel
// run on the browser's own tasks. The same behaviour in real tabs: test/e2e/tabs.e2e.test.js.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ImportStatusError } from '../src/api/import-status-error.js';
import type { ChannelSnapshot, ChannelSubscriber } from '../src/polling/channel-types.js';
import { ImportTaskChannel } from '../src/polling/import-task-channel.js';
import { encodeSharedState } from '../src/polling/shared-state.js';
import { SHARE_PROTOCOL, shareGroupName } from '../src/polling/tab-share.js';
import { ScriptedFetcher, envelope, rawTask } from './support/scripted-fetcher.js';
import { settle, until } from './support/wait.js';

const INTERVAL = 500;

const pending = (processed: number) =>
  envelope(rawTask({ status: 'PENDING', total_count: 100, success_count: processed, error_count: 0, error_items: [] }));

class RecordingSubscriber implements ChannelSubscriber {
  readonly snapshots: ChannelSnapshot[] = [];
  presenceChanges = 0;
  interval = INTERVAL;
  timeout = 15_000;
  giveUpAfter = 600_000;
  hiddenInterval = 0;
  onSnapshot(snapshot: ChannelSnapshot): void {
    this.snapshots.push(snapshot);
  }
  onPresence(): void {
    this.presenceChanges += 1;
  }
  get last(): ChannelSnapshot | undefined {
    return this.snapshots.at(-1);
  }
}

let groups = 0;
/** A group no other test used: locks and channels of earlier tests never reach this one. */
const freshGroup = () => shareGroupName(`key-${Date.now()}-${++groups}`, '', 'zone-tabs', 'import');

interface Tab {
  channel: ImportTaskChannel;
  scripted: ScriptedFetcher;
  subscriber: RecordingSubscriber;
}

function openTab(group: string): Tab {
  const scripted = new ScriptedFetcher();
  const channel = new ImportTaskChannel(scripted.fetcher, 'zone-tabs', 'import', group);
  const subscriber = new RecordingSubscriber();
  channel.subscribe(subscriber);
  return { channel, scripted, subscriber };
}

describe('a share key across tabs (two channels of one group in one page)', () => {
  const open: Tab[] = [];
  const tab = (group: string) => {
    const opened = openTab(group);
    open.push(opened);
    return opened;
  };
  afterEach(() => {
    for (const { channel, subscriber } of open.splice(0)) channel.unsubscribe(subscriber);
  });

  it('one tab fetches; the other shows each answer without fetching', async () => {
    const group = freshGroup();
    const first = tab(group);
    await first.scripted.called(1);
    const second = tab(group);
    first.scripted.answer(pending(10));
    await until(() => second.subscriber.last?.task?.success_count === 10, 'the answer in the second tab');
    expect(first.subscriber.last?.task?.success_count).to.equal(10);
    await first.scripted.called(2, { timeout: 3000 });
    first.scripted.answer(pending(20));
    await until(() => second.subscriber.last?.task?.success_count === 20, 'the next answer in the second tab');
    expect(second.scripted.calls, 'the listening tab never fetched').to.have.length(0);
    // Frozen like an answer from the API: a listener cannot change what another one sees.
    expect(Object.isFrozen(second.subscriber.last?.task)).to.equal(true);
  });

  it('an identical answer changes nothing in the listening tab', async () => {
    const group = freshGroup();
    const first = tab(group);
    await first.scripted.called(1);
    const second = tab(group);
    first.scripted.answer(pending(10));
    await until(() => second.subscriber.last?.task?.success_count === 10, 'the answer');
    const seen = second.subscriber.snapshots.length;
    await first.scripted.called(2, { timeout: 3000 });
    first.scripted.answer(pending(10));
    await first.scripted.called(3, { timeout: 3000 });
    expect(second.subscriber.snapshots).to.have.length(seen);
  });

  it('a tab that joins later is shown what the polling tab has, without a request', async () => {
    const group = freshGroup();
    const first = tab(group);
    await first.scripted.called(1);
    first.scripted.answer(envelope(rawTask()));
    await until(() => first.subscriber.last?.task?.status === 'DONE', 'DONE in the first tab');
    const second = tab(group);
    await until(() => second.subscriber.last?.task?.status === 'DONE', 'DONE in the tab that joined');
    await settle();
    expect(first.scripted.calls, 'data younger than the interval: no new request').to.have.length(1);
    expect(second.scripted.calls).to.have.length(0);
  });

  it('refresh() in the listening tab makes the polling tab fetch, once for both', async () => {
    const group = freshGroup();
    const first = tab(group);
    await first.scripted.called(1);
    const second = tab(group);
    first.scripted.answer(envelope(rawTask()));
    await until(() => second.subscriber.last?.task?.status === 'DONE', 'DONE in the second tab');
    void second.channel.refresh();
    await first.scripted.called(2);
    expect(second.scripted.calls).to.have.length(0);
  });

  it('an error travels with its retry state, and the wait holds in the tab that takes over', async () => {
    const group = freshGroup();
    const first = tab(group);
    await first.scripted.called(1);
    const second = tab(group);
    const failedAt = Date.now();
    first.scripted.fail(new ImportStatusError('Throttled.', { kind: 'http', status: 429, code: 'APIG.0308', retryAfter: 2 }));
    await until(() => second.subscriber.last?.error, 'the error in the second tab');
    const { error, willRetry, retryAt } = second.subscriber.last!;
    expect(error).to.be.instanceOf(ImportStatusError);
    expect([error!.status, error!.code, error!.retryAfter, error!.message]).to.deep.equal([429, 'APIG.0308', 2, 'Throttled.']);
    expect(willRetry).to.equal(true);
    expect(retryAt).to.be.at.least(failedAt + 2000);
    // The polling tab leaves during the wait: the other takes over, and still waits.
    const index = open.indexOf(first);
    open.splice(index, 1);
    first.channel.unsubscribe(first.subscriber);
    await second.scripted.called(1, { timeout: 5000 });
    expect(Date.now(), 'not before Retry-After').to.be.at.least(failedAt + 2000);
  });

  it('when the polling tab leaves, the other takes over, no sooner than an interval after the last request', async () => {
    const group = freshGroup();
    const first = tab(group);
    await first.scripted.called(1);
    const second = tab(group);
    first.scripted.answer(pending(10));
    await first.scripted.called(2, { timeout: 3000 });
    // When the request was made, not when this test noticed it (later on a busy machine).
    const requestAt = first.scripted.calls[1]!.at;
    open.splice(open.indexOf(first), 1);
    first.channel.unsubscribe(first.subscriber);
    await second.scripted.called(1, { timeout: 3000 });
    expect(Date.now() - requestAt).to.be.at.least(INTERVAL - 5);
    second.scripted.answer(pending(30));
    await until(() => second.subscriber.last?.task?.success_count === 30, 'the new polling tab shows its own answer');
  });

  it('ignores messages that this library did not send, or that are not valid', async () => {
    const group = freshGroup();
    const first = tab(group);
    await first.scripted.called(1);
    first.scripted.answer(pending(10));
    const second = tab(group);
    await until(() => second.subscriber.last?.task?.success_count === 10, 'the answer');
    const seen = second.subscriber.snapshots.length;
    const intruder = new BroadcastChannel(group);
    const state = (task: unknown) =>
      encodeSharedState({
        version: 'forged',
        shown: { task: task as never, error: undefined, willRetry: false, retryAt: undefined, gaveUp: false, noNewTask: false },
        nextAt: undefined,
        serversWait: false,
        requestAt: Date.now(),
        failures: 0,
      });
    const forged = [
      'text',
      null,
      { protocol: SHARE_PROTOCOL + 1, type: 'state', from: 'x', hidden: false, body: state(rawTask()) },
      { protocol: SHARE_PROTOCOL, type: 'state', from: 'x', hidden: 'no', body: state(rawTask()) },
      { protocol: SHARE_PROTOCOL, type: 'state', from: 'x', hidden: false, body: state({ task_id: 'x', status: 'DONE', error_items: 'many' }) },
      { protocol: SHARE_PROTOCOL, type: 'state', from: 'x', hidden: false, body: { version: 'v', serversWait: 'yes' } },
      { protocol: SHARE_PROTOCOL, type: 'state', from: 'x', hidden: false, body: { ...(state(rawTask()) as object), failures: -1 } },
      { protocol: SHARE_PROTOCOL, type: 'unknown', from: 'x', hidden: false },
    ];
    for (const message of forged) intruder.postMessage(message);
    // A valid message after them: the second tab has taken in everything posted before it.
    intruder.postMessage({ protocol: SHARE_PROTOCOL, type: 'state', from: 'x', hidden: false, body: state(rawTask({ task_id: 'marker' })) });
    await until(() => second.subscriber.last?.task?.task_id === 'marker', 'the valid message');
    intruder.close();
    expect(second.subscriber.snapshots, 'only the valid message was shown').to.have.length(seen + 1);
  });

  it('where the browser refuses Web Locks (an opaque origin), polls on its own without asking again', async () => {
    const request = sinon.stub(navigator.locks, 'request').rejects(new DOMException('Access denied.', 'SecurityError'));
    try {
      const alone = tab(freshGroup());
      await alone.scripted.called(1);
      alone.scripted.answer(pending(5));
      await until(() => alone.subscriber.last?.task?.success_count === 5, 'its own answer');
      await settle();
      expect(request.callCount, 'one refusal, no loop of requests').to.equal(1);
    } finally {
      request.restore();
    }
  });
});
