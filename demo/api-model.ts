// The API page's data: the public surface of one custom element, read from a Custom Elements
// Manifest (schema 2.x, as `cem analyze` writes custom-elements.json). Pure: no DOM.

export interface ManifestType {
  text: string;
}
export interface ManifestMember {
  kind: 'field' | 'method';
  name: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  type?: ManifestType;
  default?: string;
  description?: string;
  attribute?: string;
  reflects?: boolean;
  inheritedFrom?: unknown;
  return?: { type?: ManifestType };
  parameters?: { name: string; type?: ManifestType; optional?: boolean; default?: string }[];
}
interface Named {
  name: string;
  description?: string;
  type?: ManifestType;
  default?: string;
  fieldName?: string;
}
export interface ManifestDeclaration {
  kind: string;
  return?: { type?: ManifestType };
  parameters?: { name: string; type?: ManifestType; optional?: boolean; default?: string }[];
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  members?: ManifestMember[];
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  slots?: Named[];
}
export interface Manifest {
  modules: { path: string; declarations?: ManifestDeclaration[]; exports?: { kind: string; name: string }[] }[];
}

/** One row of the page: a name, its type or signature, a default, and what it is for. */
export interface ApiEntry {
  /** The anchor on the page: `attribute-zone-id`, `event-import-done`, … */
  id: string;
  name: string;
  type: string;
  default: string;
  description: string;
  /** Attributes: the property behind it; properties: its attribute and notes (reflected, read-only). */
  related: string;
}

export interface ElementApi {
  tagName: string;
  className: string;
  summary: string;
  description: string;
  attributes: ApiEntry[];
  properties: ApiEntry[];
  methods: ApiEntry[];
  events: ApiEntry[];
  parts: ApiEntry[];
  slots: ApiEntry[];
  cssProperties: ApiEntry[];
}

/** Members a page user can touch: not private or protected (manifest or `#name`), not static, not inherited. */
export function isPublicMember(member: ManifestMember): boolean {
  return (member.privacy ?? 'public') === 'public' && !member.static && !member.inheritedFrom && !member.name.startsWith('#');
}

const anchoredEntry = (section: string, name: string, fields: Partial<ApiEntry>, idPrefix: string): ApiEntry => ({
  id: `${idPrefix}${section}-${name}`,
  name,
  type: '',
  default: '',
  description: '',
  related: '',
  ...fields,
});

function signature(method: ManifestMember): string {
  const params = (method.parameters ?? []).map((p) => `${p.name}${p.optional || p.default !== undefined ? '?' : ''}: ${p.type?.text ?? 'unknown'}`);
  return `(${params.join(', ')}) => ${method.return?.type?.text ?? 'void'}`;
}

/** The tag names of every custom element the manifest describes, in its order. */
export function elementTagNames(manifest: Manifest): string[] {
  return manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.customElement && d.tagName ? [d.tagName] : []));
}

/** The element with this tag name, or an error naming what the manifest holds instead. */
export function findElement(manifest: Manifest, tagName: string): ManifestDeclaration {
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  const found = declarations.find((d) => d.customElement && d.tagName === tagName);
  if (!found) {
    const tags = declarations.filter((d) => d.customElement).map((d) => d.tagName);
    throw new Error(`No <${tagName}> in the manifest (it describes: ${tags.join(', ') || 'no custom element'}).`);
  }
  return found;
}

/**
 * One element's public API, as rows of the page. `idPrefix` keeps the anchors of a second
 * element on the same page apart (`failures-attribute-zone-id`).
 */
export function elementApi(manifest: Manifest, tagName: string, idPrefix = ''): ElementApi {
  const element = findElement(manifest, tagName);
  const members = (element.members ?? []).filter(isPublicMember);
  const entry = (section: string, name: string, fields: Partial<ApiEntry> = {}) => anchoredEntry(section, name, fields, idPrefix);
  const named = (section: string, list: Named[] | undefined) =>
    (list ?? []).map((item) => entry(section, item.name, { type: item.type?.text ?? '', description: item.description ?? '' }));
  return {
    tagName,
    className: element.name,
    summary: element.summary ?? '',
    description: element.description ?? '',
    attributes: (element.attributes ?? []).map((a) =>
      entry('attribute', a.name, {
        type: a.type?.text ?? '',
        default: a.default ?? '',
        description: a.description ?? '',
        related: a.fieldName ?? '',
      }),
    ),
    properties: members
      .filter((m) => m.kind === 'field')
      .map((m) =>
        entry('property', m.name, {
          type: m.type?.text ?? '',
          default: m.default ?? '',
          description: m.description ?? '',
          related: [m.attribute && `attribute ${m.attribute}`, m.reflects && 'reflected', m.readonly && 'read-only'].filter(Boolean).join(', '),
        }),
      ),
    methods: members.filter((m) => m.kind === 'method').map((m) => entry('method', m.name, { type: signature(m), description: m.description ?? '' })),
    events: named('event', element.events),
    parts: named('part', element.cssParts),
    slots: named('slot', element.slots),
    cssProperties: (element.cssProperties ?? []).map((p) => entry('css', p.name, { default: p.default ?? '', description: p.description ?? '' })),
  };
}

/**
 * A function the package exports (`watchImport`) and, when it returns a class of the manifest,
 * that class's public members: the API of what has no element.
 */
export function functionApi(manifest: Manifest, functionName: string): { entry: ApiEntry; returned: ApiEntry[] } | undefined {
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  const fn = declarations.find((d) => d.kind === 'function' && d.name === functionName);
  if (!fn) return undefined;
  const entry = anchoredEntry('function', fn.name, { type: signature(fn as ManifestMember), description: fn.description ?? '' }, '');
  const returnedName = fn.return?.type?.text ?? '';
  const returnedClass = declarations.find((d) => d.kind === 'class' && d.name === returnedName);
  const returned = (returnedClass?.members ?? []).filter(isPublicMember).map((m) =>
    anchoredEntry(returnedName.toLowerCase(), m.name, {
      type: m.kind === 'method' ? signature(m) : (m.type?.text ?? ''),
      description: m.description ?? '',
    }, ''),
  );
  return { entry, returned };
}

/** What each package entry point exports, by name (the manifest's `exports` of its module). */
export function entryPointExports(manifest: Manifest, entries: Record<string, string>): { specifier: string; names: string[] }[] {
  return Object.entries(entries).map(([specifier, path]) => ({
    specifier,
    names: (manifest.modules.find((m) => m.path === path)?.exports ?? []).filter((e) => e.kind === 'js').map((e) => e.name),
  }));
}

/** Description text split into plain text and `code` spans (the manifest's descriptions use backticks). */
export function codeSpans(text: string): { code: boolean; text: string }[] {
  return text
    .split('`')
    .map((part, i) => ({ code: i % 2 === 1, text: part }))
    .filter((part) => part.text !== '');
}
