// The host's content in the element's slots: `actions` beside the notice or summary in every
// state, after it in the focus order; `empty` in place of the built-in "no import task yet", on
// screen and in the live region (a screen reader hears what is shown, also when the host fills
// or empties the slot later).
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { DnsImportStatus, DnsImportStatusState } from '../src/status/dns-import-status.js';
import { ImportStatusError } from '../src/api/import-status-error.js';
import { ANNOUNCE_GAP_MS } from '../src/status/live-announcer.js';
import { envelope, rawTask } from './support/documented-sample.js';
import { useFakeClock } from './support/fake-clock.js';
import { heard } from './support/live-region.js';
import { mount } from './support/mount.js';
import { ScriptedFetcher } from './support/scripted-fetcher.js';
import { until, untilState } from './support/wait.js';

/** The zone has no import task (404). */
const noImport = (scripted: ScriptedFetcher) => scripted.fail(new ImportStatusError('Not found', { kind: 'http', status: 404 }));

/** How the fetcher answers to reach each state (none: idle, no zone id). */
const states: [DnsImportStatusState, ((scripted: ScriptedFetcher) => void) | undefined][] = [
  ['idle', undefined],
  ['loading', () => {}],
  ['pending', (s) => s.answer(envelope(rawTask({ status: 'PENDING', total_count: 10, success_count: 2, error_count: 0, error_items: [] })))],
  ['done', (s) => s.answer(envelope(rawTask()))],
  ['error', (s) => s.fail(new ImportStatusError('Insufficient permissions.', { kind: 'http', status: 403, code: 'DNS.0013' }))],
  ['empty', noImport],
];

/** The element with the host's own action button and empty-state call to action. */
async function withHostContent(state: DnsImportStatusState, answer: ((scripted: ScriptedFetcher) => void) | undefined) {
  const scripted = new ScriptedFetcher();
  const el = await mount(answer ? { fetcher: scripted } : { zoneId: null });
  el.innerHTML = '<button slot="actions" type="button">Import again</button><p slot="empty">Upload your first import</p>';
  answer?.(scripted);
  await untilState(el, state);
  return {
    el,
    action: el.querySelector('button')!,
    callToAction: el.querySelector('p')!,
  };
}

/** The element for a zone without an import, with the host's `markup` in it (none by default). */
async function withoutImport(markup = '') {
  const scripted = new ScriptedFetcher();
  const el = await mount({ fetcher: scripted });
  el.innerHTML = markup;
  noImport(scripted);
  await untilState(el, 'empty');
  await el.updateComplete;
  return { el, scripted };
}


/** Rendered with a box: neither unassigned to a slot nor inside an unrendered subtree. */
const shown = (node: Element) => node.getClientRects().length > 0;

/** The element's own content the actions sit beside: the notice or the summary. */
const ownHead = (el: DnsImportStatus) => el.shadowRoot!.querySelector('[part=summary], [part=message]')!;

describe('slots', () => {
  const clock = useFakeClock();

  for (const [state, answer] of states) {
    it(`shows the host's actions beside the ${state} notice or summary, after it in the focus order`, async () => {
      const { el, action } = await withHostContent(state, answer);
      expect(shown(action), 'the action button is rendered').to.equal(true);
      const slot = action.assignedSlot!;
      expect(slot?.name).to.equal('actions');
      // Beside the element's own headline: after it in tree order (so after its Retry button), before the failed records.
      const head = ownHead(el);
      expect(head.compareDocumentPosition(slot) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      const list = el.shadowRoot!.querySelector('dns-import-failures')!;
      expect(slot.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      // In one row with it (below it only when the element is too narrow for both).
      expect(slot.parentElement!.contains(head)).to.equal(true);
    });

    if (state !== 'empty') {
      it(`keeps the host's empty-state content out of the ${state} state`, async () => {
        const { callToAction } = await withHostContent(state, answer);
        expect(shown(callToAction)).to.equal(false);
      });
    }
  }

  it("puts the host's empty content in place of the built-in message when the zone has no import", async () => {
    const { el, callToAction } = await withHostContent('empty', states.find(([s]) => s === 'empty')![1]);
    expect(shown(callToAction)).to.equal(true);
    expect(callToAction.assignedSlot?.name).to.equal('empty');
    const builtIn = el.shadowRoot!.querySelector('[part=message]')!;
    expect(shown(builtIn), 'the built-in message is not rendered').to.equal(false);
  });

  for (const state of ['done', 'empty'] as const) {
    it(`has no axe violations with the host's content in its slots (${state})`, async function () {
      this.timeout(30_000);
      const { el } = await withHostContent(state, states.find(([s]) => s === state)![1]);
      clock.restore(); // axe schedules its own work with setTimeout
      await expect(el).to.be.accessible();
    });
  }

  it('shows and says the built-in empty message when the host gives none', async () => {
    const { el } = await withoutImport();
    const builtIn = el.shadowRoot!.querySelector('[part=message]')!;
    expect(shown(builtIn)).to.equal(true);
    expect(builtIn.textContent).to.match(/No import task/i);
    expect(heard(el)).to.equal('No import task yet.');
  });

  it("says the host's empty content in the live region, not the built-in message it replaces on screen", async () => {
    const { el, callToAction } = await withHostContent('empty', noImport);
    await el.updateComplete;
    expect(shown(callToAction)).to.equal(true);
    expect(heard(el)).to.equal('Upload your first import');
  });

  it('joins the text of every element the host puts in the empty slot, in order', async () => {
    const { el } = await withoutImport('<p slot="empty">Nothing here yet.</p><span>not slotted</span><a slot="empty" href="#upload">Upload   a\n template</a>');
    expect(heard(el)).to.equal('Nothing here yet. Upload a template');
  });

  it('follows the host filling and emptying the slot later (slotchange), each change said in its turn', async () => {
    const { el } = await withoutImport();
    expect(heard(el)).to.equal('No import task yet.');

    // A polite announcement waits its turn: one every ANNOUNCE_GAP_MS at most.
    clock.tick(ANNOUNCE_GAP_MS);
    const callToAction = Object.assign(document.createElement('p'), { slot: 'empty', textContent: 'Upload your first import' });
    el.append(callToAction);
    await until(() => heard(el) === 'Upload your first import', "the host's text in the live region");
    expect(shown(callToAction)).to.equal(true);

    clock.tick(ANNOUNCE_GAP_MS);
    callToAction.remove();
    await until(() => heard(el) === 'No import task yet.', 'the built-in message back in the live region');
    expect(shown(el.shadowRoot!.querySelector('[part=message]')!)).to.equal(true);
  });

  it('keeps what it said about the host\'s content out of the other states', async () => {
    const { el, scripted } = await withoutImport('<p slot="empty">Upload your first import</p>');
    expect(heard(el)).to.equal('Upload your first import');
    clock.tick(ANNOUNCE_GAP_MS);
    // The import appears: the progress is said, and the host's empty content is neither shown nor said.
    const next = el.refresh();
    await scripted.called(2);
    scripted.answer(envelope(rawTask({ status: 'PENDING', total_count: 10, success_count: 2, error_count: 0, error_items: [] })));
    await next;
    await untilState(el, 'pending');
    await el.updateComplete;
    expect(heard(el)).to.match(/^Importing: /);
    expect(shown(el.querySelector('p')!)).to.equal(false);
  });
});
