// Build-time minification of Lit's tagged templates, which a JS minifier leaves untouched
// (they are strings to it). Only the static text between `${…}` is rewritten, and only in ways
// that cannot change what the browser renders:
//   css``:  comments removed, whitespace runs collapsed to one space, and dropped next to
//           `{ } ; , :` and at the ends; strings kept verbatim; `;}` becomes `}`.
//   html``: whitespace runs collapsed to ONE space (between inline elements a space renders),
//           outside attribute values, comments and <pre>/<textarea>/<script>/<style>; removed
//           only where it is a direct child of an element whose children are rows, cells, items
//           or options (table parts, lists, <dl>, <select>), which neither the parser nor the
//           layout turns into a space (see WHITESPACE_FREE_PARENTS).
// Templates are found with the TypeScript parser, so strings, comments and nested templates
// in `${…}` expressions are never mistaken for template text.
import ts from 'typescript';

const RAW_TEXT_ELEMENTS = new Set(['pre', 'textarea', 'script', 'style', 'title', 'xmp', 'listing', 'plaintext']);
// Elements whose direct whitespace-only text renders nothing: table parts (the parser keeps such
// text, and CSS tables drop it between their boxes), lists and description lists (their children
// are block-level items: ours are flex or grid items, or rows), and <select> (only its options
// render). Text inside a cell, an item or an option is never touched.
const WHITESPACE_FREE_PARENTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup', 'ul', 'ol', 'dl', 'select']);
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const isSpace = (c) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** The static text ranges (between the delimiters) of a tagged template, in source order. */
function chunksOf(template) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart() + 1, template.end - 1]];
  const ranges = [[template.head.getStart() + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const literal = span.literal;
    ranges.push([literal.getStart() + 1, literal.end - (ts.isTemplateTail(literal) ? 1 : 2)]);
  }
  return ranges;
}

/** CSS: one chunk at a time; `first`/`last` say whether it touches the template's ends. */
export function minifyCssChunk(text, first = true, last = true) {
  let out = '';
  let pendingSpace = false;
  const flushSpace = (next) => {
    if (pendingSpace && out !== '' && !'{};,:'.includes(out.at(-1)) && !'{};,'.includes(next)) out += ' ';
    pendingSpace = false;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return text; // a comment split by `${…}`: leave the whole chunk alone
      i = end + 2;
      pendingSpace = true;
      continue;
    }
    if (isSpace(c)) {
      pendingSpace = true;
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let end = i + 1;
      while (end < text.length && text[end] !== c) end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) return text; // a string split by `${…}`: leave the whole chunk alone
      flushSpace(c);
      out += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (c === '\\') {
      flushSpace(c);
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '}' && out.at(-1) === ';') out = out.slice(0, -1);
    flushSpace(c);
    out += c;
    i++;
  }
  // Next to a `${…}`, a space may separate tokens: keep one, unless punctuation makes it moot.
  if (pendingSpace && !last && out !== '' && !'{};,:'.includes(out.at(-1))) out += ' ';
  if (!first && /^\s/.test(text) && out !== '' && !'{};,'.includes(out[0])) out = ' ' + out;
  return out;
}

/**
 * HTML: `state` carries across the chunks of one template ({ mode, quote, tag, closing, raw,
 * open }); `open` is the stack of elements opened in the template and not yet closed.
 */
export function minifyHtmlChunk(text, state = { mode: 'text' }) {
  state.open ??= [];
  let out = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (state.mode === 'comment') {
      const end = text.indexOf('-->', i);
      if (end === -1) return out + text.slice(i);
      out += text.slice(i, end + 3);
      i = end + 3;
      state.mode = 'text';
      continue;
    }
    if (state.mode === 'attr-value') {
      const end = text.indexOf(state.quote, i);
      if (end === -1) return out + text.slice(i);
      out += text.slice(i, end + 1);
      i = end + 1;
      state.mode = 'tag';
      continue;
    }
    if (state.mode === 'text' && state.raw) {
      const close = text.toLowerCase().indexOf(`</${state.raw}`, i);
      if (close === -1) return out + text.slice(i);
      out += text.slice(i, close);
      i = close;
      state.raw = undefined;
      continue;
    }
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (isSpace(c)) {
      let end = i;
      while (end < text.length && isSpace(text[end])) end++;
      if (state.mode !== 'text' || !WHITESPACE_FREE_PARENTS.has(state.open.at(-1))) out += ' ';
      i = end;
      continue;
    }
    if (state.mode === 'text' && c === '<') {
      if (text.startsWith('<!--', i)) {
        state.mode = 'comment';
        out += '<!--';
        i += 4;
        continue;
      }
      const name = /^<(\/?)([a-zA-Z][\w-]*)/.exec(text.slice(i, i + 64));
      if (name) {
        state.mode = 'tag';
        state.tag = name[2].toLowerCase();
        state.closing = name[1] === '/';
      }
    } else if (state.mode === 'tag' && (c === '"' || c === "'")) {
      state.mode = 'attr-value';
      state.quote = c;
    } else if (state.mode === 'tag' && c === '>') {
      state.mode = 'text';
      if (state.closing) {
        // An element closed: it and any left open inside it (a stray end tag changes nothing).
        const at = state.open.lastIndexOf(state.tag);
        if (at !== -1) state.open.length = at;
      } else if (!VOID_ELEMENTS.has(state.tag)) {
        // `/>` closes nothing in HTML: such an element stays open.
        state.open.push(state.tag);
        if (RAW_TEXT_ELEMENTS.has(state.tag) && text[i - 1] !== '/') state.raw = state.tag;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * Rewrites the `css` and `html` tagged templates of one TypeScript/JavaScript module.
 * Returns the source unchanged when it has none.
 */
export function minifyTemplates(source, fileName = 'module.ts', { css = true, html = true } = {}) {
  if (!source.includes('css`') && !source.includes('html`')) return source;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    const tag = ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) ? node.tag.text : undefined;
    if ((tag === 'css' && css) || (tag === 'html' && html)) {
      const ranges = chunksOf(node.template);
      const state = { mode: 'text' };
      ranges.forEach(([start, end], index) => {
        const text = source.slice(start, end);
        const minified =
          node.tag.text === 'css' ? minifyCssChunk(text, index === 0, index === ranges.length - 1) : minifyHtmlChunk(text, state);
        if (minified !== text) edits.push([start, end, minified]);
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = source;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) result = result.slice(0, start) + text + result.slice(end);
  return result;
}

/** The same as a Vite/Rollup plugin, applied to the package's own TypeScript sources before compilation. */
export function minifyTemplatesPlugin({ include = /\/src\/.+\.ts$/, css = true, html = true } = {}) {
  return {
    name: 'minify-lit-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!include.test(id.split('?')[0])) return null;
      const result = minifyTemplates(code, id, { css, html });
      return result === code ? null : { code: result, map: null };
    },
  };
}
