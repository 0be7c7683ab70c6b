import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/index.js';
import type { DnsImportStatus } from '../src/status/dns-import-status.js';
import { ImportStatusError } from '../src/api/import-status-error.js';
import { ScriptedFetcher, envelope, rawTask } from './support/scripted-fetcher.js';
import { findAllIn, findIn } from './support/failure-list.js';
import { settle, until, untilState } from './support/wait.js';
import { watchLitWarnings } from './support/lit-warnings.js';
import { useFakeClock } from './support/fake-clock.js';
import { recordEvents, eventsOf } from './support/events.js';
import { mount, mountAnswered } from './support/mount.js';

// The summary's parts are the element's own; the list's are forwarded from <dns-import-failures>.
const part = (el: DnsImportStatus, name: string) => findIn(el, `[part~="${name}"]`);
const parts = (el: DnsImportStatus, name: string) => findAllIn(el, `[part~="${name}"]`);
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<dns-import-status>', () => {
  const clock = useFakeClock();

  it('without a zone id shows a configuration hint and fetches nothing', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted, zoneId: null });
    expect(el.state).to.equal('idle');
    expect(el.getAttribute('state')).to.equal('idle');
    expect(text(part(el, 'message'))).to.contain('zone-id');
    await clock.tickAsync(10_000);
    expect(scripted.calls).to.have.length(0);
  });

  it('shows loading, then a pending task with a real progressbar, and fires import-progress after rendering', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted, zoneId: 'zone-1' });
    expect(scripted.calls).to.have.length(1);
    expect(scripted.last.zoneId).to.equal('zone-1');
    expect(el.state).to.equal('loading');
    expect(text(part(el, 'message'))).to.contain('Loading');

    const seenInListener: string[] = [];
    el.addEventListener('import-progress', () => seenInListener.push(text(part(el, 'summary'))));
    const events = recordEvents(el);
    scripted.answer(envelope(rawTask({ status: 'PENDING', total_count: 200, success_count: 40, error_count: 10, error_items: [] })));
    await untilState(el, 'pending');

    const bar = part(el, 'progress')!;
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-valuenow')).to.equal('25');
    expect(bar.getAttribute('aria-valuemin')).to.equal('0');
    expect(bar.getAttribute('aria-valuemax')).to.equal('100');
    expect(bar.getAttribute('aria-valuetext')).to.equal('25% (50 of 200)');
    expect(text(part(el, 'summary'))).to.contain('Importing').and.contain('50 of 200 records processed');
    expect(events.map((e) => e.type)).to.deep.equal(['import-progress']);
    expect((events[0]!.detail as { task: { success_count: number } }).task.success_count).to.equal(40);
    expect(seenInListener[0]).to.contain('50 of 200');
    expect(el.task?.status).to.equal('PENDING');
  });

  it('renders the summary facts and every failed record, with every value, as text', async () => {
    const { el } = await mountAnswered(envelope(rawTask()));
    const summary = text(part(el, 'summary'));
    expect(summary).to.contain('Nothing imported: 1 failed');
    for (const fact of ['4011afa265b412380165b415b1400001', 'zh-cn', 'public', '2018']) expect(summary).to.contain(fact);
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2018-09-07T12:50:45.181Z');
    const rows = parts(el, 'error-item');
    expect(rows).to.have.length(1);
    const cells = [...rows[0]!.querySelectorAll('td')].map((td) => text(td));
    expect(cells).to.deep.equal(['test.import.', 'A', 'default_view', '300', '192.168.1.1192.168.222.111', 'DNS.0806', 'This line is not be supported in this DNS version.']);
    expect([...rows[0]!.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['192.168.1.1', '192.168.222.111']);
    const headers = findAllIn(el, 'th').map((th) => text(th));
    expect(headers).to.not.include('Weight');
  });

  it('shows the weight column only when a record has a weight', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted });
    const items = [
      { name: 'a.', type: 'A', line: 'default_view', ttl: 300, value: '1.1.1.1', error_code: 'DNS.0016', error_message: 'exists', weight: '5' },
      { name: 'b.', type: 'A', line: 'default_view', ttl: 300, value: '1.1.1.2', error_code: 'DNS.0016', error_message: 'exists' },
    ];
    scripted.answer(envelope(rawTask({ total_count: 2, error_count: 2, error_items: items })));
    await untilState(el, 'done');
    const headers = findAllIn(el, 'th').map((th) => text(th));
    expect(headers).to.include('Weight');
    const cells = [...parts(el, 'error-item')[0]!.querySelectorAll('td')].map((td) => text(td));
    expect(cells[4]).to.equal('5');
  });

  it('says "All N records imported" when nothing failed, and fires import-done once', async () => {
    const { el, scripted } = await mountAnswered(envelope(rawTask({ total_count: 1200, success_count: 1200, error_count: 0, error_items: [] })));
    const events = eventsOf(el);
    expect(text(part(el, 'summary'))).to.contain('All 1,200 records imported');
    expect(part(el, 'error-list')).to.equal(null);
    expect(events.map((e) => e.type)).to.deep.equal(['import-progress', 'import-done']);
    await clock.tickAsync(60_000);
    expect(scripted.calls).to.have.length(1);
  });

  it('fires import-done once per task_id, also when refresh() sees the same task again', async () => {
    const { el, scripted } = await mountAnswered(envelope(rawTask()));
    const events = eventsOf(el);
    const progress = () => events.filter((e) => e.type === 'import-progress').length;
    const refreshed = el.refresh();
    expect(scripted.calls).to.have.length(2);
    scripted.answer(envelope(rawTask({ updated_at: '2018-09-07T12:51:00.000' })));
    await refreshed;
    // A second import-done would go out in the same update as this import-progress.
    await until(() => progress() === 2, () => `import-progress for the updated task (${progress()} events)`);
    expect(events.filter((e) => e.type === 'import-done')).to.have.length(1);
    expect(events.filter((e) => e.type === 'import-progress')).to.have.length(2);

    void el.refresh();
    scripted.answer(envelope(rawTask({ task_id: 'another-task' })));
    await until(() => progress() === 3, () => `import-progress for another-task (${progress()} events)`);
    expect(events.filter((e) => e.type === 'import-done')).to.have.length(2);
  });

  it('polls every interval while PENDING and stops at DONE', async () => {
    const pending = envelope(rawTask({ status: 'PENDING', total_count: 10, success_count: 1, error_count: 0, error_items: [] }));
    const { el, scripted } = await mountAnswered(pending, { state: 'pending' });
    await clock.tickAsync(1799);
    expect(scripted.calls).to.have.length(1);
    await clock.tickAsync(402);
    expect(scripted.calls).to.have.length(2);
    scripted.answer(envelope(rawTask()));
    await untilState(el, 'done');
    await clock.tickAsync(120_000);
    expect(scripted.calls).to.have.length(2);
  });

  it('an identical poll causes no re-render and no import-progress', async () => {
    const body = () => envelope(rawTask({ status: 'PENDING', total_count: 10, success_count: 1, error_count: 0, error_items: [] }));
    const { el, scripted } = await mountAnswered(body(), { state: 'pending' });
    const events = eventsOf(el);
    const render = sinon.spy(el as unknown as { render(): unknown }, 'render');
    for (let i = 0; i < 3; i++) {
      await clock.tickAsync(2200);
      await scripted.called(i + 2);
      scripted.answer(body());
      // The identical answer must change nothing: a bounded settle, then no render and no event.
      await settle(el);
    }
    expect(scripted.calls).to.have.length(4);
    expect(render.callCount).to.equal(0);
    expect(events.filter((e) => e.type === 'import-progress')).to.have.length(1);
  });

  it('keeps the same record list when a poll only moves the counters', async () => {
    const { el, scripted } = await mountAnswered(envelope(rawTask({ status: 'PENDING', total_count: 10, success_count: 1 })), { state: 'pending' });
    const first = el.task!;
    await clock.tickAsync(2200);
    scripted.answer(envelope(rawTask({ status: 'PENDING', total_count: 10, success_count: 2 })));
    await until(() => el.task?.success_count === 2, 'the second poll taken in');
    expect(el.task).to.not.equal(first);
    expect(el.task!.error_items).to.equal(first.error_items);
  });

  it('treats 404 and empty data as the empty state, not an error', async () => {
    for (const answer of ['404', 'empty'] as const) {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted });
      const events = recordEvents(el);
      if (answer === '404') scripted.fail(new ImportStatusError('Not found', { kind: 'http', status: 404 }));
      else scripted.answer({ code: 200, data: {} });
      await untilState(el, 'empty');
      expect(text(part(el, 'message'))).to.contain('No import task yet');
      expect(events, answer).to.deep.equal([]);
      }
  });

  it('a permanent failure says why, fires import-error with willRetry false, and Retry fetches again', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted });
    const events = recordEvents(el);
    scripted.fail({ status: 401, message: 'token expired', code: 'APIGW.0301' });
    await untilState(el, 'error');
    const message = part(el, 'message')!;
    expect(text(message)).to.contain('Sign-in expired').and.contain('APIGW.0301');
    expect(events).to.have.length(1);
    const detail = events[0]!.detail as { error: ImportStatusError; willRetry: boolean };
    expect(detail.willRetry).to.equal(false);
    expect(detail.error).to.be.instanceOf(ImportStatusError);
    expect(detail.error.status).to.equal(401);
    await clock.tickAsync(120_000);
    expect(scripted.calls).to.have.length(1);

    message.querySelector('button')!.click();
    expect(scripted.calls).to.have.length(2);
    scripted.answer(envelope(rawTask()));
    await untilState(el, 'done');
    expect(el.shadowRoot!.querySelector('[part~="message"].error')).to.equal(null);
  });

  it('keeps the last good task on screen when a later poll fails, and retries', async () => {
    const { el, scripted } = await mountAnswered(envelope(rawTask({ status: 'PENDING', total_count: 10, success_count: 3, error_count: 0, error_items: [] })), { state: 'pending' });
    const events = recordEvents(el);
    await clock.tickAsync(2200);
    await scripted.called(2);
    scripted.fail(new ImportStatusError('Service unavailable.', { kind: 'http', status: 503, requestId: 'req-42' }));
    await untilState(el, 'error');
    expect(text(part(el, 'summary'))).to.contain('3 of 10');
    expect(text(part(el, 'message'))).to.contain('Server error (HTTP 503)').and.contain('retrying in').and.contain('req-42');
    expect(events.map((e) => e.type)).to.deep.equal(['import-error']);
    expect((events[0]!.detail as { willRetry: boolean }).willRetry).to.equal(true);
    expect(el.task?.success_count).to.equal(3);
    await clock.tickAsync(4001);
    expect(scripted.calls).to.have.length(3);
  });

  it('an invalid body is an error with a clear message, never a blank element', async () => {
    const { el } = await mountAnswered({ code: 200, data: { status: 'DONE' } }, { state: 'error' });
    const events = eventsOf(el);
    expect(text(part(el, 'message'))).to.contain('not an import task').and.contain('task_id');
    expect((events[0]!.detail as { error: ImportStatusError }).error.kind).to.equal('invalid-body');
    expect((events[0]!.detail as { willRetry: boolean }).willRetry).to.equal(false);
  });

  it('shows an unknown status verbatim', async () => {
    // Not DONE: the element treats an unknown status as still running.
    const { el } = await mountAnswered(envelope(rawTask({ status: 'ROLLING_BACK' })), { state: 'pending' });
    expect(text(part(el, 'summary'))).to.contain('ROLLING_BACK');
  });

  it('a zone-id change aborts the request, drops its late answer and starts over', async () => {
    const scripted = new ScriptedFetcher({ ignoresAbort: true }); // so the late answer does arrive
    const el = await mount({ fetcher: scripted, zoneId: 'zone-a' });
    const first = scripted.last;
    const events = recordEvents(el);
    el.zoneId = 'zone-b';
    await scripted.called(2);
    expect(first.signal.aborted).to.equal(true);
    expect(scripted.last.zoneId).to.equal('zone-b');
    first.resolve(envelope(rawTask({ task_id: 'from-zone-a' })));
    // The late answer must be dropped: a bounded settle, then still nothing shown.
    await settle(el);
    expect(el.task).to.equal(undefined);
    expect(el.state).to.equal('loading');
    scripted.answer(envelope(rawTask({ task_id: 'from-zone-b' })));
    await untilState(el, 'done');
    expect(el.task?.task_id).to.equal('from-zone-b');
    expect(events.filter((e) => e.type === 'import-progress')).to.have.length(1);
  });

  it('a response that arrives after refresh() is dropped', async () => {
    const scripted = new ScriptedFetcher({ ignoresAbort: true }); // so the late answer does arrive
    const el = await mount({ fetcher: scripted });
    const first = scripted.last;
    void el.refresh();
    expect(first.signal.aborted).to.equal(true);
    first.resolve(envelope(rawTask({ task_id: 'stale' })));
    // The stale answer must be dropped: a bounded settle, then still nothing shown.
    await settle(el);
    expect(el.task).to.equal(undefined);
    scripted.answer(envelope(rawTask({ task_id: 'fresh' })));
    await untilState(el, 'done');
    expect(el.task?.task_id).to.equal('fresh');
  });

  it('removal aborts the request and clears the timers; re-attaching resumes', async () => {
    const { el, scripted } = await mountAnswered(envelope(rawTask({ status: 'PENDING', error_items: [] })), { state: 'pending' });
    await clock.tickAsync(2200);
    expect(scripted.calls).to.have.length(2);
    const parent = el.parentNode!;
    el.remove();
    // The element lets go once the current task's microtasks have run (so that a move is not a removal).
    await until(() => scripted.last.signal.aborted, 'the request aborted');
    await until(() => clock.countTimers() === 0, () => `no timer after removal (${clock.countTimers()})`);
    await clock.tickAsync(60_000);
    expect(scripted.calls).to.have.length(2);
    parent.appendChild(el);
    await scripted.called(3);
    expect(scripted.last.signal.aborted, 'the resumed request is live').to.equal(false);
  });

  it('moving the element within the page neither restarts nor doubles polling', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted });
    const other = document.createElement('div');
    document.body.appendChild(other);
    other.appendChild(el);
    // The move must neither abort nor restart: a bounded settle, then the same single request.
    await settle(el);
    expect(scripted.calls).to.have.length(1);
    expect(scripted.last.signal.aborted).to.equal(false);
    scripted.answer(envelope(rawTask({ status: 'PENDING', error_items: [] })));
    await untilState(el, 'pending');
    await clock.tickAsync(2200);
    expect(scripted.calls).to.have.length(2);
    el.remove();
    other.remove();
  });

  it('elements watching the same zone through the same fetcher share one request', async () => {
    const scripted = new ScriptedFetcher();
    const container = await fixture<HTMLDivElement>(html`<div>
      <dns-import-status .fetcher=${scripted.fetcher} zone-id="zone-s"></dns-import-status>
      <dns-import-status .fetcher=${scripted.fetcher} zone-id="zone-s"></dns-import-status>
      <dns-import-status .fetcher=${scripted.fetcher} zone-id="zone-t"></dns-import-status>
    </div>`);
    const [a, b, c] = [...container.querySelectorAll('dns-import-status')];
    // One request per zone and no more: a bounded settle, then exactly two.
    await settle(a!, b!, c!);
    expect(scripted.calls.map((call) => call.zoneId)).to.deep.equal(['zone-s', 'zone-t']);
    const doneA = recordEvents(a!);
    const doneB = recordEvents(b!);
    scripted.calls[0]!.resolve(envelope(rawTask()));
    await untilState(a!, 'done');
    await untilState(b!, 'done');
    expect(doneA.map((e) => e.type)).to.deep.equal(['import-progress', 'import-done']);
    expect(doneB.map((e) => e.type)).to.deep.equal(['import-progress', 'import-done']);
    expect(a!.task).to.equal(b!.task);
  });

  it('renders API text as inert text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const { el } = await mountAnswered(envelope(rawTask({ task_id: evil, error_items: [{ name: evil, type: 'A', line: evil, value: [evil], error_code: evil, error_message: evil }] })));
    expect(findIn(el, 'img, script:not([type])')).to.equal(null);
    expect(text(parts(el, 'error-item')[0]!)).to.contain('<img src=x');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('prints no Lit dev-mode warning, also across a zone change and a refresh', async () => {
    const warnings = watchLitWarnings();
    const { el, scripted } = await mountAnswered(envelope(rawTask({ status: 'PENDING' })), { state: 'pending' });
    el.zoneId = 'zone-2';
    await scripted.called(2);
    await untilState(el, 'loading');
    void el.refresh({ expectNewTask: true });
    scripted.answer(envelope(rawTask()));
    await untilState(el, 'done');
    expect(warnings()).to.deep.equal([]);
  });
});
