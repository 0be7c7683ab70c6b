/**
 * Puts a <dns-import-status> on the page. Every element test mounts through `mount()`, so each
 * states only what its case is about (zone, attributes, properties, where the element lives)
 * and all of them connect the element the same way: attributes and properties set first, then
 * appended (inside a fixture, so @open-wc/testing removes it after the test, which fires
 * `disconnectedCallback`), then its first update awaited. Its import events are recorded from
 * then on (`eventsOf(el)`, `detailsOf(el, type)` in ./events.ts).
 *
 *   const scripted = new ScriptedFetcher();
 *   const el = await mount({ fetcher: scripted, attributes: { interval: 1000 } });
 *   scripted.answer(body); // mount() has waited for the first request
 *
 * Most tests start from an answer already shown: `mountAnswered(body, options)` mounts, answers
 * the first request with `body` and waits for the state it leads to.
 *
 *   const { el, scripted } = await mountAnswered(envelope(rawTask()));           // DONE
 *   const { el } = await mountAnswered(pendingBody, { state: 'pending', attributes: { lang: 'zh' } });
 *
 * Server-rendered fixtures (test/ssr) and templates that show how a page writes the element
 * (a container with fifty elements) are not mounts: they keep their own markup.
 */
import { fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { DnsImportStatus } from '../../src/status/dns-import-status.js';
import type { ImportTaskFetcher } from '../../src/api/types.js';
import type { DnsImportStatusState } from '../../src/status/status-templates.js';
import { recordHistory } from './events.js';
import { ScriptedFetcher } from './scripted-fetcher.js';
import { untilState } from './wait.js';

export interface MountOptions {
  /**
   * Where the element gets its task: a ScriptedFetcher (mount then waits for the element's first
   * request, see `untilRequest`), a fetcher function, or none (an `endpoint` attribute, or no data
   * source at all).
   */
  fetcher?: ScriptedFetcher | ImportTaskFetcher;
  /** The zone-id attribute; null mounts an element without one. */
  zoneId?: string | null;
  /** Other attributes, as a page writes them (interval, timeout, lang, theme, endpoint, style…). */
  attributes?: Record<string, string | number>;
  /** Properties set before the element is connected, as a framework sets them. */
  properties?: Partial<DnsImportStatus>;
  /** Listeners added before the element is connected, so they hear its first events. */
  listeners?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
  /** Where to append it (a wrapper with a lang, an application's shadow root); default a fixture <div>. */
  parent?: ParentNode;
  /**
   * With a ScriptedFetcher: wait until the fetcher has been called once more than before the
   * mount (default true when the element has a zone id). False for an element expected to share
   * a request already running, or to make none.
   */
  untilRequest?: boolean;
}

export const DEFAULT_ZONE_ID = 'zone-test';

export async function mount(options: MountOptions = {}): Promise<DnsImportStatus> {
  const { fetcher, zoneId = DEFAULT_ZONE_ID, attributes = {}, properties = {}, listeners = {} } = options;
  const scripted = fetcher instanceof ScriptedFetcher ? fetcher : undefined;
  const callsBefore = scripted?.calls.length ?? 0;

  const el = document.createElement('dns-import-status');
  if (zoneId !== null) el.setAttribute('zone-id', zoneId);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  if (fetcher) el.fetcher = scripted ? scripted.fetcher : (fetcher as ImportTaskFetcher);
  Object.assign(el, properties);
  for (const [type, listener] of Object.entries(listeners)) el.addEventListener(type, listener as EventListener);
  recordHistory(el);

  const parent = options.parent ?? (await fixture<HTMLElement>(html`<div></div>`));
  parent.append(el);
  await el.updateComplete;
  if (scripted && (options.untilRequest ?? zoneId !== null)) await scripted.called(callsBefore + 1);
  return el;
}

export interface AnsweredOptions extends Omit<MountOptions, 'fetcher' | 'untilRequest'> {
  /** The fetcher to answer through; default a new one. */
  fetcher?: ScriptedFetcher;
  /** The state the answer leads to, waited for; default `done` (the documented task is DONE). */
  state?: DnsImportStatusState;
}

/** Mounts with a ScriptedFetcher, answers the first request with `body`, and waits until the element shows `state`. */
export async function mountAnswered(body: unknown, options: AnsweredOptions = {}): Promise<{ el: DnsImportStatus; scripted: ScriptedFetcher }> {
  const { fetcher: scripted = new ScriptedFetcher(), state = 'done', ...rest } = options;
  const el = await mount({ ...rest, fetcher: scripted });
  scripted.answer(body);
  await untilState(el, state);
  return { el, scripted };
}
