// One request, without a channel: fetchAttempt() races the fetcher against its time-out and the
// caller's signal, normalizes the answer and classifies every failure. Fake timers drive the
// time-out; the fetcher is a function of the test.
import { expect } from '@open-wc/testing';
import { setTag, UNCHANGED_BODY } from '../src/api/body-tag.js';
import { ImportStatusError } from '../src/api/import-status-error.js';
import type { ImportTaskFetcher } from '../src/api/types.js';
import { fetchAttempt, type AttemptOptions } from '../src/polling/fetch-attempt.js';
import { documentedTask, envelope, rawTask } from './support/documented-sample.js';
import { useFakeClock } from './support/fake-clock.js';
import { hasSettled, until } from './support/wait.js';

const ZONE = 'zone-attempt';

/** An attempt with a 2 s time-out and a signal nobody aborts, unless the test says otherwise. */
const attempt = (fetcher: ImportTaskFetcher, options: Partial<AttemptOptions> = {}) =>
  fetchAttempt({ fetcher, zoneId: ZONE, taskKind: 'import', shown: undefined, timeout: 2000, signal: new AbortController().signal, ...options });

/** A fetcher that never settles, whatever its signal says (a custom fetcher that ignores it). */
function hanging() {
  const calls: { zoneId: string; signal: AbortSignal; knownTag: string | undefined }[] = [];
  const fetcher: ImportTaskFetcher = (zoneId, { signal, knownTag }) => {
    calls.push({ zoneId, signal, knownTag });
    return new Promise(() => {});
  };
  return { fetcher, calls };
}

describe('fetchAttempt', () => {
  it('normalizes the answer into a frozen task, calling the fetcher with the zone', async () => {
    let asked = '';
    const outcome = await attempt(async (zoneId) => {
      asked = zoneId;
      return envelope(rawTask());
    });
    expect(asked).to.equal(ZONE);
    expect(outcome).to.deep.equal({ ok: true, task: documentedTask() });
    expect(outcome.ok && Object.isFrozen(outcome.task)).to.equal(true);
  });

  it('gives the shown task back for an answer the fetcher recognised as unchanged, and hands the fetcher its tag', async () => {
    const shown = documentedTask();
    setTag(shown, 'etag-1');
    let knownTag: string | undefined;
    const outcome = await attempt(
      async (_zoneId, init) => {
        knownTag = init.knownTag;
        return UNCHANGED_BODY;
      },
      { shown },
    );
    expect(knownTag).to.equal('etag-1');
    expect(outcome.ok && outcome.task).to.equal(shown);
  });

  it('reads a 404 without a code as "no import yet", and a 404 naming a wrong zone as an error', async () => {
    const empty = await attempt(() => Promise.reject(new ImportStatusError('Not found', { kind: 'http', status: 404 })));
    expect(empty).to.deep.equal({ ok: true, task: null });
    const wrongZone = await attempt(() => Promise.reject(new ImportStatusError('This zone does not exist.', { kind: 'http', status: 404, code: 'DNS.0302' })));
    expect(wrongZone.ok).to.equal(false);
    expect(!wrongZone.ok && wrongZone.error.code).to.equal('DNS.0302');
  });

  it('turns a rejection, a throw and an invalid body into a frozen ImportStatusError, never a rejection', async () => {
    const rejected = await attempt(() => Promise.reject(Object.assign(new Error('Service Unavailable'), { status: 503, retryAfter: 7 })));
    expect(rejected.ok).to.equal(false);
    if (!rejected.ok) {
      expect(rejected.error).to.be.instanceOf(ImportStatusError);
      expect([rejected.error.kind, rejected.error.status, rejected.error.retryAfter]).to.deep.equal(['http', 503, 7]);
      expect(Object.isFrozen(rejected.error)).to.equal(true);
    }
    const thrown = await attempt(() => {
      throw new TypeError('fetcher bug');
    });
    expect(!thrown.ok && [thrown.error.kind, thrown.error.message]).to.deep.equal(['network', 'fetcher bug']);
    const invalid = await attempt(async () => ({ code: 200, data: { status: 'DONE' } }));
    expect(!invalid.ok && invalid.error.kind).to.equal('invalid-body');
  });

  describe('time', () => {
    const clock = useFakeClock();

    it('fails with a timeout error after `timeout` ms, aborting the fetcher that ignores its signal', async () => {
      const { fetcher, calls } = hanging();
      const outcome = attempt(fetcher);
      const settled = hasSettled(outcome);
      await clock.tickAsync(1999);
      expect(settled(), 'still waiting at 1999 ms').to.equal(false);
      expect(calls[0]!.signal.aborted).to.equal(false);
      await clock.tickAsync(1);
      await until(settled, 'the attempt to end at 2000 ms');
      const result = await outcome;
      expect(!result.ok && [result.error.kind, result.error.message]).to.deep.equal(['timeout', 'No answer within 2 s.']);
      expect(calls[0]!.signal.aborted, 'the fetcher is told to stop').to.equal(true);
      expect(clock.countTimers(), 'no timer left behind').to.equal(0);
    });

    it('ends at once when the caller aborts, passing the abort on to the fetcher', async () => {
      const { fetcher, calls } = hanging();
      const caller = new AbortController();
      const outcome = attempt(fetcher, { signal: caller.signal });
      caller.abort(new ImportStatusError('Replaced.', { kind: 'config' }));
      const result = await outcome;
      expect(!result.ok && result.error.message).to.equal('Replaced.');
      expect(calls[0]!.signal.aborted).to.equal(true);
      expect(clock.countTimers(), 'the time-out is cleared').to.equal(0);
    });
  });
});
