// What the published module's gzip bytes are made of: code, or text of one kind or another.
//
//   npm run build && node scripts/size-breakdown.js [dist/dns-import-status.js]
//
// Each row is what gzip -9 saves when that kind of literal is emptied from the built file
// (strings become "", template text disappears), so it counts what the text costs after
// compression, where repeats are nearly free. Rows overlap a little, and do not add up to
// the total: literals of no row (one-word labels, event and attribute names, error codes,
// property keys) count only in "every literal". "code" is what is left with every literal emptied.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { BUDGETS, gzip, kb } from './lib/size.js';

const file = process.argv[2] ?? BUDGETS.find((budget) => budget.label === 'lit external').file;
const source = readFileSync(file, 'utf8');

/** Every string literal and piece of template text, with whether it belongs to a css`` or html`` template. */
function literals() {
  const found = [];
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const text = (node, kind) => {
    // Only the text between the backquote, `${` and `}` delimiters.
    const start = node.getStart(sourceFile) + 1;
    const end = node.end - (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) ? 2 : 1);
    found.push({ kind, start, end, text: source.slice(start, end), quoted: false });
  };
  const visit = (node, kind = 'string') => {
    if (ts.isTaggedTemplateExpression(node)) {
      // The tags are renamed by the minifier: css templates are told apart by their text below.
      visit(node.tag);
      visit(node.template, 'template');
    } else if (ts.isStringLiteral(node)) {
      found.push({ kind: 'string', start: node.getStart(sourceFile), end: node.end, text: node.text, quoted: true });
    } else if (ts.isNoSubstitutionTemplateLiteral(node)) {
      text(node, kind);
    } else if (ts.isTemplateExpression(node)) {
      text(node.head, kind);
      for (const span of node.templateSpans) {
        visit(span.expression);
        text(span.literal, kind);
      }
    } else {
      ts.forEachChild(node, (child) => visit(child));
    }
  };
  visit(sourceFile);
  return found;
}

const all = literals();
const chinese = (l) => /[\u3000-\u9fff\uff00-\uffef]|\\u[3-9]/.test(l.text);
const css = (l) => l.kind === 'template' && /[{}]/.test(l.text) && !/<[a-z/!]/i.test(l.text);
const kinds = [
  ['Chinese text', (l) => chinese(l)],
  ['English text (sentences and labels)', (l) => !chinese(l) && l.kind === 'string' && /[A-Za-z]{2,} [A-Za-z]/.test(l.text)],
  ['html templates', (l) => l.kind === 'template' && !css(l)],
  ['CSS', css],
  ['every literal', () => true],
];

function emptied(predicate) {
  let text = '';
  let from = 0;
  for (const l of all.filter(predicate).sort((a, b) => a.start - b.start)) {
    if (l.start < from) continue;
    text += source.slice(from, l.start) + (l.quoted ? '""' : '');
    from = l.end;
  }
  return text + source.slice(from);
}

const total = gzip(Buffer.from(source));
console.log(`\n${file}: ${kb(total)} gzip -9 -n (as npm run size measures it)\n`);
console.log('| part | ≈ gzip |\n| --- | ---: |');
for (const [name, predicate] of kinds) {
  const saved = total - gzip(Buffer.from(emptied(predicate)));
  if (name === 'every literal') console.log(`| code (every literal emptied) | ${kb(total - saved)} |`);
  else console.log(`| ${name} | ${kb(saved)} |`);
}
