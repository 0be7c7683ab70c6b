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

test('html: whitespace runs become one space, never nothing', () => {
  const state = { mode: 'text' };
  assert.equal(
    minifyHtmlChunk('\n  <p class="headline">\n    <span>a</span>\n    <span>b</span>\n  </p>\n', state),
    ' <p class="headline"> <span>a</span> <span>b</span> </p> ',
  );
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
      'const t = html` <ul title="a  b"> ${items.map((i) => html`<li> ${i} </li>`)} </ul> `;',
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
