/**
 * One failed record as a table row: every field as text, names and values in whole tokens.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ImportErrorItem } from '../api/types.js';
import { clipText } from '../i18n/format.js';
import type { FailureColumnTitles } from './failure-messages.js';
import type { FailuresCsvColumn } from './failures-csv.js';
import { recordPieces } from './record-tokens.js';

/**
 * One record. The explicit roles keep it a table row for screen readers when a narrow
 * container restyles the cells as a stacked block (WebKit drops the semantics of table
 * elements whose `display` changes); `data-label` is the visible field name there.
 */
export function failureRow(item: ImportErrorItem, rowIndex: number, columns: readonly FailuresCsvColumn[], titles: FailureColumnTitles): TemplateResult {
  // A column only some lists have: weight, and the status beside each error.
  const optional = (column: 'weight' | 'status') =>
    columns.includes(column) ? html`<td role="cell" data-label=${titles[column]}>${clipText(item[column] ?? '')}</td>` : nothing;
  return html`<tr part="error-item" role="row" aria-rowindex=${rowIndex}>
    <td role="cell">${wholeTokens(item.name)}</td><td role="cell" data-label=${titles.type}>${clipText(item.type)}</td>
    <td role="cell" data-label=${titles.line}>${clipText(item.line)}</td><td role="cell" data-label=${titles.ttl}>${clipText(item.ttl ?? '')}</td>
    ${optional('weight')}
    <td role="cell" data-label=${titles.value}><ul class="values">${item.value.map((value) => html`<li>${wholeTokens(value)}</li>`)}</ul></td>
    ${optional('status')}<td role="cell" class="code">${clipText(item.error_code)}</td><td role="cell">${clipText(item.error_message)}</td>
  </tr>`;
}

/**
 * A name or a value in pieces that wrap only where a reader would (record-tokens.ts): each
 * token in a box of its own, a line break offered after it (`<wbr>`, which adds no text, so a
 * copied value is the API's value).
 */
function wholeTokens(text: string): (TemplateResult | string)[] {
  return recordPieces(clipText(text)).map((piece) => (piece.kind === 'token' ? html`<span class="token">${piece.text}</span><wbr />` : piece.text));
}
