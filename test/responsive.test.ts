// The element adapts to its own width (container queries on the host), measured in
// a real browser with realistic records (40-character names, two IPv6 values each, a one-line
// error message) at the widths consoles give it: phones, drawers, side panels, cards.
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { DnsImportStatus } from '../src/status/dns-import-status.js';
import { failureMessagesFor } from '../src/failures/failure-messages.js';
import { envelope, rawTask } from './support/documented-sample.js';
import { mountAnswered } from './support/mount.js';
import { findAllIn, findIn } from './support/failure-list.js';
import { until } from './support/wait.js';

const messages = [
  ['DNS.0806', 'This line is not be supported in this DNS version.'],
  ['DNS.0016', 'The record set already exists.'],
  ['DNS.0308', 'Invalid record value: the address is not a valid IPv6 address.'],
] as const;

/** 150 records (so the pager shows), every name exactly 40 characters, a weight on every third. */
const realistic = Array.from({ length: 150 }, (_, i) => {
  const [code, message] = messages[i % messages.length]!;
  const name = `web-frontend-cluster-node-${String(i).padStart(3, '0')}.example.com.`.slice(0, 40);
  return {
    name, type: 'AAAA', line: 'default_view', ttl: '300', weight: i % 3 ? undefined : 10,
    value: [`2001:db8:85a3:${i.toString(16)}:1319:8a2e:370:7348`, `2001:db8:85a3:${i.toString(16)}:1319:8a2e:370:7349`],
    error_code: code, error_message: message,
  };
});

/** A task id of 64 characters without a break opportunity: it must break inside its box. */
const longTaskId = 'ff8080826bd6b3a4016be3a1d4f1000cff8080826bd6b3a4016be3a1d4f1000c';

async function atWidth(width: number, lang: string, status = 'DONE', items = realistic): Promise<DnsImportStatus> {
  const { el } = await mountAnswered(
    envelope(rawTask({ task_id: longTaskId, status, total_count: 400, success_count: 250, error_count: items.length, error_items: items })),
    { zoneId: 'zone-responsive', attributes: { style: `width: ${width}px`, lang }, state: status === 'DONE' ? 'done' : 'pending' },
  );
  expect(el.getBoundingClientRect().width, 'the fixture sets the width').to.equal(width);
  // A list that appears shows its first rows in one frame and the rest of its page in the next.
  await until(() => all(el, '[part~="error-item"]').length === Math.min(100, items.length), 'the whole first page');
  return el;
}

const all = findAllIn;

/** Inside the element's box horizontally (rows below the list's fold are inside it vertically only after scrolling). */
function expectInsideHorizontally(el: DnsImportStatus, node: Element, what: string): void {
  const box = el.getBoundingClientRect();
  const rect = node.getBoundingClientRect();
  expect(rect.width, `${what} is laid out`).to.be.greaterThan(0);
  expect(rect.left, `${what}: left edge inside the element`).to.be.at.least(box.left - 0.5);
  expect(rect.right, `${what}: right edge inside the element`).to.be.at.most(box.right + 0.5);
}

function expectNoOverflow(node: Element, what: string): void {
  expect(node.scrollWidth, `${what} scrolls sideways`).to.be.at.most(node.clientWidth);
}

function expectNoOverlap(nodes: Element[], what: string): void {
  const rects = nodes.map((node) => node.getBoundingClientRect()).filter((rect) => rect.width > 0);
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i]!;
      const b = rects[j]!;
      const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
      expect(overlap, `${what}: items ${i} and ${j} overlap`).to.equal(false);
    }
  }
}

describe('responsive layout (its own width, not the viewport)', () => {
  for (const lang of ['en', 'zh-CN']) {
    for (const width of [320, 360, 480, 800]) {
      describe(`at ${width} px (${lang})`, () => {
        it('never scrolls sideways, and shows every record\'s code and message inside the element', async () => {
          const el = await atWidth(width, lang);
          expectNoOverflow(el, 'the element');
          const list = findIn(el, '[part~="error-list"]')!;
          expectNoOverflow(list, 'part="error-list"');
          const rows = all(el, '[part~="error-item"]');
          expect(rows).to.have.length(100);
          for (const [i, row] of rows.entries()) {
            for (const selector of ['.code', 'td:last-child']) {
              const cell = row.querySelector(selector)!;
              expectInsideHorizontally(el, cell, `record ${i} ${selector}`);
              expectNoOverflow(cell, `record ${i} ${selector}`);
            }
            expect(row.querySelector('.code')!.textContent).to.match(/^DNS\.0\d{3}$/);
          }
        });

        it('wraps the causes, filters, export and pager without clipping or overlap', async () => {
          const el = await atWidth(width, lang);
          const controls = all(el, 'button.group, .field, .showing, button.download, .pager > *');
          expect(controls.length).to.be.greaterThan(8);
          for (const control of controls) {
            expectInsideHorizontally(el, control, control.className || control.tagName);
            expectNoOverflow(control, control.className || control.tagName);
          }
          expectNoOverlap(all(el, '.filters > *'), 'filters');
          expectNoOverlap(all(el, '.list-bar > *'), 'count and export');
          expectNoOverlap(all(el, '.pager > *'), 'pager');
          expectNoOverlap(all(el, 'button.group'), 'causes');
        });

        it('keeps each summary fact\'s label above its value, and breaks a long task id inside its box', async () => {
          const el = await atWidth(width, lang);
          const facts = all(el, 'dl > div');
          expect(facts.length).to.be.greaterThan(4);
          for (const fact of facts) {
            const label = fact.querySelector('dt')!.getBoundingClientRect();
            const value = fact.querySelector('dd')!.getBoundingClientRect();
            expect(Math.abs(value.left - label.left), 'value under its label').to.be.lessThan(1);
            expect(value.top - label.bottom, 'value right below its label').to.be.within(-1, 4);
            expectInsideHorizontally(el, fact, 'fact');
          }
          const taskId = all(el, 'dd').find((dd) => dd.textContent === longTaskId)!;
          expectInsideHorizontally(el, taskId, 'task id');
          expectNoOverflow(taskId, 'task id');
        });

        it('has no axe violations', async () => {
          // Every control and the pager, but only three records on the last page: axe on a
          // hundred stacked records takes seconds on a busy machine, and adds no new case.
          const el = await atWidth(width, lang, 'DONE', realistic.slice(0, 103));
          const last = () => findIn<HTMLButtonElement>(el, '.pager [data-page="last"]')!;
          last().click();
          // On the last page, Last is disabled (it is rendered in the same update as the rows).
          await until(() => last().disabled, 'the last page');
          expect(all(el, '[part~="error-item"]')).to.have.length(3);
          await expect(el).to.be.accessible();
        });
      });
    }

    it(`is a real table at 800 px, and stacked labelled blocks at 480 px and below (${lang})`, async () => {
      const columns = failureMessagesFor(lang === 'en' ? 'en' : 'zh').columns;
      const wide = await atWidth(800, lang);
      const table = findIn(wide, 'table')!;
      expect(getComputedStyle(table).display).to.equal('table');
      expect(getComputedStyle(findIn(wide, '[part~="error-item"]')!).display).to.equal('table-row');
      const headers = all(wide, 'th');
      expect(headers.map((th) => th.textContent)).to.deep.equal([
        columns.name, columns.type, columns.line, columns.ttl, columns.weight, columns.value, columns.error_code, columns.error_message,
      ]);
      for (const th of headers) expectInsideHorizontally(wide, th, `header ${th.textContent}`);
      expect(getComputedStyle(findIn(wide, 'td[data-label]')!, '::before').content, 'no labels in cells').to.match(/^(none|normal)$/);

      for (const width of [320, 480]) {
        const narrow = await atWidth(width, lang);
        const row = findIn(narrow, '[part~="error-item"]')!;
        expect(getComputedStyle(row).display, `${width} px`).to.not.equal('table-row');
        // Still exposed as a table: the header row is read (visually hidden), and the roles stay.
        expect(findIn(narrow, 'table')!.getAttribute('role')).to.equal('table');
        expect(row.getAttribute('role')).to.equal('row');
        const thead = findIn(narrow, 'thead')!.getBoundingClientRect();
        expect(thead.width * thead.height, 'header row visually hidden').to.be.at.most(1);
        // Name and code on top, then the message, then the labelled fields.
        const [name, type, line, ttl, weight, value, code, message] = [...row.querySelectorAll('td')].map((td) => td.getBoundingClientRect());
        expect(code!.top, 'code beside or right under the name').to.be.within(name!.top - 1, name!.bottom + 4);
        expect(message!.top).to.be.at.least(Math.max(name!.bottom, code!.bottom) - 1);
        for (const field of [type, line, ttl, weight, value]) expect(field!.top).to.be.at.least(message!.bottom - 1);
        // Each field shows its column title in front of it (Firefox serializes the computed
        // `content` unresolved, so the label is measured: the cell is wider than its text).
        const labelled = [...row.querySelectorAll<HTMLElement>('td[data-label]')];
        expect(labelled.map((td) => td.dataset['label'])).to.deep.equal([columns.type, columns.line, columns.ttl, columns.weight, columns.value]);
        for (const td of labelled) {
          const text = document.createRange();
          text.selectNodeContents(td);
          expect(td.getBoundingClientRect().width - text.getBoundingClientRect().width, `${td.dataset['label']} label shown`).to.be.greaterThan(10);
        }
      }
    });
  }

  // The breakpoint is 52em of the element's content width: 728 px at its 14 px font, so an
  // element 754 px wide with the default padding and border. Just above it the table must fit.
  for (const lang of ['en', 'zh-CN']) {
    it(`fits the table just above the breakpoint, and stacks just below it (${lang})`, async () => {
      const el = await atWidth(756, lang);
      const list = findIn(el, '[part~="error-list"]')!;
      expect(getComputedStyle(findIn(el, '[part~="error-item"]')!).display).to.equal('table-row');
      expectNoOverflow(list, 'part="error-list"');
      for (const cell of all(el, '[part~="error-item"] :is(.code, td:last-child)')) expectNoOverflow(cell, 'code or message');
      el.style.width = '752px';
      await new Promise(requestAnimationFrame);
      expect(getComputedStyle(findIn(el, '[part~="error-item"]')!).display).to.not.equal('table-row');
    });
  }

  it('hides the weight field of a record that has none in the stacked layout', async () => {
    const el = await atWidth(360, 'en');
    const [withWeight, without] = all(el, '[part~="error-item"]');
    const weightCell = (row: HTMLElement) => row.querySelectorAll('td')[4]!;
    expect(getComputedStyle(weightCell(withWeight!)).display).to.not.equal('none');
    expect(weightCell(without!).textContent).to.equal('');
    expect(getComputedStyle(weightCell(without!)).display).to.equal('none');
  });

  it('follows its own width, not the viewport: narrow inside a wide page, and back', async () => {
    const el = await atWidth(360, 'en');
    expect(innerWidth, 'a window wider than the element').to.be.greaterThan(600);
    const row = () => findIn(el, '[part~="error-item"]')!;
    expect(getComputedStyle(row()).display).to.not.equal('table-row');
    el.style.width = '800px';
    await new Promise(requestAnimationFrame);
    expect(getComputedStyle(row()).display).to.equal('table-row');
  });

  it('fits its pending state at 320 px too', async () => {
    const el = await atWidth(320, 'zh-CN', 'PENDING');
    expectNoOverflow(el, 'the element');
    expectNoOverflow(findIn(el, '[part~="error-list"]')!, 'part="error-list"');
    expectInsideHorizontally(el, findIn(el, '[part~="progress"]')!, 'progress bar');
  });
});
