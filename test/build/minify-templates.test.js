// The build's template minifier (scripts/lib/minify-templates.js) must never change what renders.
//   node --test test/build/minify-templates.test.js
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync, readdirSync } from 'node:fs';
import { minifyCssChunk, minifyHtmlChunk, minifyTemplates, minifyTemplatesPlugin } from '../../scripts/lib/minify-templates.js';

test('css: comments go, whitespace collapses, strings and meaningful spaces stay', () => {
  const source = `
    /* a comment */
    :host {
      font: 14px/1.45 var(--_font, 'Segoe UI', sans-serif);
      margin: 0 0 var(--_space);
      content: "a  :  b";
    }
    :host(:dir(rtl)) .bar ,
    td > a:hover { width: calc(100% - 2px) ; }
    @media (prefers-reduced-motion: reduce) { .bar { transition: none; } }
  `;
  assert.equal(
    minifyCssChunk(source),
    `:host{font:14px/1.45 var(--_font,'Segoe UI',sans-serif);margin:0 0 var(--_space);content:"a  :  b"}` +
      `:host(:dir(rtl)) .bar,td > a:hover{width:calc(100% - 2px)}` +
      `@media (prefers-reduced-motion:reduce){.bar{transition:none}}`,
  );
});

test('css: a space next to a ${…} boundary is kept', () => {
  assert.equal(minifyCssChunk('  .a {\n color:  ', true, false), '.a{color:');
  assert.equal(minifyCssChunk(' solid red;\n}  ', false, true), ' solid red}');
  assert.equal(minifyCssChunk('x  ', true, false), 'x ');
  assert.equal(minifyCssChunk('  y', false, true), ' y');
  assert.equal(minifyCssChunk(' ;\n}', false, true), '}');
});

test('html: whitespace runs become one space in text, where a space may render', () => {
  const state = { mode: 'text' };
  assert.equal(
    minifyHtmlChunk('\n  <p class="headline">\n    <span>a</span>\n    <span>b</span>\n  </p>\n', state),
    ' <p class="headline"> <span>a</span> <span>b</span> </p> ',
  );
});

test('html: whitespace directly in table parts, lists, <dl> and <select> goes; inside their cells, items and options it stays', () => {
  const minify = (text) => minifyHtmlChunk(text, { mode: 'text' });
  assert.equal(
    minify('<table>\n <thead> <tr> <th>a  b</th>\n <th> c </th> </tr> </thead>\n <tbody> <tr> <td> <b>x</b> <i>y</i> </td> </tr> </tbody> </table>'),
    '<table><thead><tr><th>a b</th><th> c </th></tr></thead><tbody><tr><td> <b>x</b> <i>y</i> </td></tr></tbody></table>',
  );
  assert.equal(minify('<ul> <li> <a>1</a> <a>2</a> </li> <li>3</li> </ul> <ol> <li>4</li> </ol>'), '<ul><li> <a>1</a> <a>2</a> </li><li>3</li></ul> <ol><li>4</li></ol>');
  assert.equal(minify('<dl> <div> <dt>k</dt> <dd>v w</dd> </div> </dl>'), '<dl><div> <dt>k</dt> <dd>v w</dd> </div></dl>');
  assert.equal(minify('<select name="s"> <option> one  two </option> </select>'), '<select name="s"><option> one two </option></select>');
  // Inline contexts keep their one space: around and between inline elements, after a list.
  assert.equal(minify('<p> <span>a</span> <span>b</span> </p> <span>c</span>'), '<p> <span>a</span> <span>b</span> </p> <span>c</span>');
  // Inside a cell or an item, <pre> and attribute values are as written.
  assert.equal(minify('<tr> <td><pre> a\n  b </pre> </td> </tr>'), '<tr><td><pre> a\n  b </pre> </td></tr>');
  assert.equal(minify('<tr  title="a  b" > <td>x</td> </tr>'), '<tr title="a  b" ><td>x</td></tr>');
});

test('html: the open elements are followed across void elements, `/>`, stray end tags and ${…}', () => {
  const minify = (...chunks) => {
    const state = { mode: 'text' };
    return chunks.map((chunk) => minifyHtmlChunk(chunk, state));
  };
  // Void elements open nothing: the space after them is the list item's, not the list's.
  assert.deepEqual(minify('<ul><li>a<br> <wbr /> <input type="text"> b</li> </ul>'), ['<ul><li>a<br> <wbr /> <input type="text"> b</li></ul>']);
  assert.deepEqual(minify('<table><colgroup> <col> <col /> </colgroup></table>'), ['<table><colgroup><col><col /></colgroup></table>']);
  // `/>` does not close a non-void element in HTML: text after it is inside it.
  assert.deepEqual(minify('<ul><my-item /> <b>x</b> </ul>'), ['<ul><my-item /> <b>x</b> </ul>']);
  // An end tag with nothing open to match changes nothing; one that closes an outer element closes the inner ones too.
  assert.deepEqual(minify('</td> <p> </b> x </p> <ul> <li> <em> y </ul> z'), ['</td> <p> </b> x </p> <ul><li> <em> y </ul> z']);
  // The stack carries across the chunks of one template: the spaces around parts in a <tbody> go.
  assert.deepEqual(minify('<tbody role="rowgroup">\n ', ' </tbody> <p> ', ' </p>'), ['<tbody role="rowgroup">', '</tbody> <p> ', ' </p>']);
});

test('html: attribute values, comments and <pre>/<textarea> are left as written', () => {
  assert.equal(minifyHtmlChunk('<a title="two  spaces\n here"  href=\'x  y\'>  t  </a>'), `<a title="two  spaces\n here" href='x  y'> t </a>`);
  assert.equal(minifyHtmlChunk('<!--  keep\n  -->  <pre>  a\n   b  </pre>  <textarea>\n x  </textarea>'), '<!--  keep\n  --> <pre>  a\n   b  </pre> <textarea>\n x  </textarea>');
  assert.equal(minifyHtmlChunk('<p>1 <  2</p>'), '<p>1 < 2</p>');
});

test('templates: only the static text of css`` and html`` changes, nested templates included', () => {
  const source = [
    "const s = '  not a template  ';",
    'const u = `  untagged  ${x}  `;',
    'const t = html`\n  <ul title="a  b">\n    ${items.map((i) => html`<li>  ${i}  </li>`)}\n  </ul>\n`;',
    "const c = css`\n  .a {  color:  ${unsafeCSS('red')} ;  }\n`;",
    '// html`  in a comment  `',
  ].join('\n');
  const result = minifyTemplates(source, 'x.ts');
  assert.equal(
    result,
    [
      "const s = '  not a template  ';",
      'const u = `  untagged  ${x}  `;',
      'const t = html` <ul title="a  b">${items.map((i) => html`<li> ${i} </li>`)}</ul> `;',
      "const c = css`.a{color:${unsafeCSS('red')}}`;",
      '// html`  in a comment  `',
    ].join('\n'),
  );
  assert.equal(minifyTemplates(source, 'x.ts', { html: false }).includes('html`\n  <ul'), true);
});

// Was a bug: when src/ gained folders, the plugin's default filter still matched only files at
// the top of src/, and the failure view's styles and templates shipped unminified (+330 B gzip).
test('the plugin minifies every module with templates under src/, in any folder', () => {
  const plugin = minifyTemplatesPlugin();
  const files = readdirSync('src', { recursive: true }).filter((name) => name.endsWith('.ts'));
  const withTemplates = files.filter((name) => /\b(css|html)`/.test(readFileSync(`src/${name}`, 'utf8')));
  assert.ok(withTemplates.some((name) => name.includes('/')), 'some templates live in subfolders');
  for (const name of withTemplates) {
    const id = `${process.cwd()}/src/${name}`;
    const result = plugin.transform(readFileSync(id, 'utf8'), id);
    assert.ok(result, `src/${name} is minified`);
  }
});
