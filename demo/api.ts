// The API page (demo/api.html): rendered at load time from custom-elements.json, so it lists
// exactly what the manifest describes (`npm run manifest` regenerates it from the JSDoc in src/).
// Every manifest value is set as text, never parsed as HTML.
import { codeSpans, elementApi, elementTagNames, entryPointExports, functionApi, type ApiEntry, type ElementApi, type Manifest } from './api-model.js';

const MANIFEST_URL = new URL('../custom-elements.json', import.meta.url);
const ENTRY_POINTS = { 'dns-import-status': 'src/index.ts', 'dns-import-status/react': 'src/react.ts' };
/** The page's main element; the others the manifest describes (the list it composes) follow it. */
const MAIN_ELEMENT = 'dns-import-status';

type Column = [heading: string, cell: (entry: ApiEntry) => Node | string];

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const code = (text: string) => (text === '' ? '' : h('code', { textContent: text }));

/** Description text, with the manifest's `backtick` spans as <code>. */
function prose(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const span of codeSpans(text)) fragment.append(span.code ? h('code', { textContent: span.text }) : span.text);
  return fragment;
}

function labelled(cell: HTMLTableCellElement, heading: string): HTMLTableCellElement {
  cell.dataset['label'] = heading;
  return cell;
}

function table(caption: string, id: string, entries: ApiEntry[], columns: Column[], intro: string, heading: 'h2' | 'h3' = 'h2'): HTMLElement {
  const section = h('section', { id, className: 'api-section' }, h(heading, { textContent: caption }));
  if (intro) section.append(h('p', { className: 'intro' }, prose(intro)));
  if (entries.length === 0) {
    section.append(h('p', { className: 'none', textContent: 'None.' }));
    return section;
  }
  // On a phone the rows stack (api.css): each cell shows its column's heading (data-label), and
  // the explicit roles keep it a table to screen readers, which some engines stop doing once a
  // table's parts are no longer displayed as table parts.
  const head = h('tr', { role: 'row' }, ...columns.map(([heading]) => h('th', { scope: 'col', role: 'columnheader', textContent: heading })));
  const rows = entries.map((entry) =>
    h('tr', { id: entry.id, role: 'row' }, ...columns.map(([heading, cell]) => labelled(h('td', { role: 'cell' }, cell(entry)), heading))),
  );
  const body = h('tbody', { role: 'rowgroup' }, ...rows);
  section.append(h('div', { className: 'table-wrap' }, h('table', { role: 'table' }, h('thead', { role: 'rowgroup' }, head), body)));
  return section;
}

const name: Column = ['name', (e) => h('a', { href: `#${e.id}` }, code(e.name))];
const type: Column = ['type', (e) => code(e.type)];
const byDefault: Column = ['default', (e) => code(e.default)];
const description: Column = ['description', (e) => prose(e.description)];
const related = (heading: string): Column => [heading, (e) => e.related];
const property: Column = ['property', (e) => code(e.related)];

/** The tables of one element; `idPrefix` and `heading` set apart an element after the first. */
function elementTables(api: ElementApi, idPrefix: string, heading: 'h2' | 'h3'): HTMLElement[] {
  const id = (name: string) => `${idPrefix}${name}`;
  return [
    table('Attributes', id('attributes'), api.attributes, [name, type, byDefault, property, description], '', heading),
    table('Properties', id('properties'), api.properties, [name, type, byDefault, related('attribute, notes'), description], 'Set these from script; a property without an attribute (`fetcher`, `items`) can only be set from script.', heading),
    table('Methods', id('methods'), api.methods, [name, ['signature', type[1]], description], '', heading),
    table('Events', id('events'), api.events, [name, type, description], 'All bubble and are composed, and are typed in `HTMLElementEventMap`.', heading),
    table('Slots', id('slots'), api.slots, [name, description], 'Put the host\'s own content in them with a `slot` attribute; it keeps the host\'s styles and events.', heading),
    table('CSS parts', id('parts'), api.parts, [name, description], `Style them with \`${api.tagName}::part(name)\`.`, heading),
    table('CSS custom properties', id('css-properties'), api.cssProperties, [name, byDefault, description], '', heading),
  ];
}

export function renderApi(manifest: Manifest, root: HTMLElement): void {
  const api = elementApi(manifest, MAIN_ELEMENT);
  const title = h('header', {}, h('h1', {}, code(`<${api.tagName}>`), ' API'), h('p', {}, prose(api.summary)), h('p', {}, prose(api.description)));
  const others = elementTagNames(manifest)
    .filter((tagName) => tagName !== MAIN_ELEMENT)
    .map((tagName) => {
      const prefix = `${tagName.replace(/^dns-import-/, '')}-`;
      const other = elementApi(manifest, tagName, prefix);
      return h(
        'section',
        { id: `element-${tagName}`, className: 'api-element' },
        h('h2', {}, code(`<${tagName}>`)),
        h('p', {}, prose(other.summary)),
        h('p', {}, prose(other.description)),
        ...elementTables(other, prefix, 'h3'),
      );
    });
  const watcher = functionApi(manifest, 'watchImport');
  const watching = watcher
    ? h(
        'section',
        { id: 'element-less', className: 'api-element' },
        h('h2', {}, code('watchImport()')),
        table('Function', 'functions', [watcher.entry], [name, ['signature', type[1]], description], "A watcher without an element: the options are the element's own property names and defaults.", 'h3'),
        table('The watcher it returns', 'watcher-members', watcher.returned, [name, type, description], "An `EventTarget` firing the element's four events with the same details.", 'h3'),
      )
    : '';
  const exports = h(
    'section',
    { id: 'exports', className: 'api-section' },
    h('h2', { textContent: 'Entry points' }),
    h(
      'dl',
      {},
      ...entryPointExports(manifest, ENTRY_POINTS).flatMap(({ specifier, names }) => [
        h('dt', {}, code(`import … from '${specifier}'`)),
        h('dd', {}, ...names.flatMap((n, i) => (i === 0 ? [code(n)] : [', ', code(n)]))),
      ]),
    ),
  );
  root.replaceChildren(title, ...elementTables(api, '', 'h2'), ...others, watching, exports);
}

async function main(): Promise<void> {
  const root = document.getElementById('api');
  if (!root) return;
  try {
    const response = await fetch(MANIFEST_URL);
    if (!response.ok) throw new Error(`${MANIFEST_URL.pathname}: HTTP ${response.status}`);
    renderApi((await response.json()) as Manifest, root);
  } catch (error) {
    root.replaceChildren(h('p', { className: 'error', textContent: `Could not read the manifest: ${String(error)}` }));
  } finally {
    root.setAttribute('aria-busy', 'false');
  }
}

void main();
