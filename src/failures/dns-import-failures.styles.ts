import { css } from 'lit';
import { themeTokens } from '../common/theme-tokens.styles.js';

/**
 * The failed-record list's own rules, after the tokens it shares with the status element
 * (theme-tokens.styles.ts), so a host theme reaches it through the same public properties.
 * The host is a size container (theme-tokens.styles.ts).
 *
 * The breakpoint is the element's own width, not the viewport's: consoles put it in drawers
 * and side panels. From 52em of content width (728 px at the host's 14 px font) the records
 * are a table that fits realistic records (40-character names, two IPv6 values, a one-line
 * message). Below it such a name would wrap onto more than four lines (and below about 600 px
 * the table would not fit at all), so each record becomes a stacked block.
 *
 * Why some rules are as they are (said here, outside the css``, so it never ships):
 * - Names and values never break inside a token (record-tokens.ts): an IPv4 address, an IPv6
 *   group, a name's label. Each `.token` is an inline block as wide as its text
 *   (`width: max-content`) but never wider than the line (`max-width: 100%`). As the width
 *   counts in the table's column sizing, a column is never narrower than its longest token:
 *   the table squeezes names and values only down to their tokens, breaking between them (after
 *   a dot or a colon), and gives the rest of the room to the error message, which may break
 *   anywhere. A label longer than the line (up to 63 characters, DNS's limit) wraps inside its
 *   box, at its hyphens first; in the table it widens its column to its own width instead.
 * - Cells wrap with `break-word`, so short words (types, lines, TTLs) keep their width; free
 *   text in names, values and messages (first and last cells, `.values`) with `anywhere`:
 *   only when it is longer than its cell, and it does not widen the column.
 * - Stacked, cells are flex items that may shrink below their content (`min-width: 0`), so a
 *   token longer than the line is held to the line by its `max-width`, not pushed out of it.
 * - Stacked, the rows stay a table to screen readers (explicit roles in the template), and the
 *   header row is visually hidden, not removed: each cell shows its title from `data-label`,
 *   with empty alternative text (`/ ''`) so it is not read twice. Flex `order` puts the name
 *   and error code first, then the message, then the record's fields; empty cells (a record
 *   without a weight) are not shown.
 * - `.more-groups` shares the list's margins: a button's own margins are 0 in every engine.
 * - Forced colours: the pressed cause gets an outline, because its tint and inset shadow are
 *   dropped. Disabled pager buttons need nothing: the forced palette reverts their colour to
 *   the browser's, which is GrayText for a disabled button.
 */
export const dnsImportFailuresStyles = [
  themeTokens,
  css`
  #failures-heading {
    margin: var(--_space) 0 calc(var(--_space) / 2);
    font-size: 1em;
  }
  #groups-heading {
    margin: 0 0 calc(var(--_space) / 2);
    font-weight: 600;
  }
  .groups {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(15rem, 100%), 1fr));
    gap: calc(var(--_space) / 2);
    padding: 0;
    list-style: none;
  }
  .groups,
  .more-groups {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .groups li {
    display: flex;
  }
  .group {
    display: grid;
    align-content: start;
    gap: 2px;
    width: 100%;
    padding: 6px 10px;
    text-align: start;
    color: var(--_text);
    border-color: var(--_border);
    overflow-wrap: anywhere;
  }
  .group:hover,
  [aria-pressed='true'] {
    border-color: var(--_accent);
  }
  [aria-pressed='true'] {
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  .group-head {
    display: flex;
    align-items: baseline;
    gap: 8px;
  }
  .count {
    font-size: 1.25em;
    font-weight: 700;
    color: var(--_danger);
    font-variant-numeric: tabular-nums;
  }
  .group .code {
    font-weight: 600;
  }
  #groups-heading,
  .hint,
  label {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .filters,
  .list-bar,
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: calc(var(--_space) / 2) 0;
  }
  .field {
    display: grid;
    gap: 2px;
  }
  .search {
    flex: 1 1 14rem;
  }
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 3px 8px;
    min-height: 2rem;
  }
  .list-bar,
  .pager {
    align-items: center;
    justify-content: space-between;
  }
  .pager {
    justify-content: center;
  }
  .showing,
  .no-match {
    margin: 0;
    color: var(--_muted);
  }
  .showing,
  .range {
    font-variant-numeric: tabular-nums;
  }
  .range {
    min-width: 12rem;
    text-align: center;
  }
  button:disabled {
    color: var(--_muted);
    cursor: default;
    opacity: 0.6;
  }
  [part=error-list] {
    overflow: auto;
    max-height: var(--dns-import-status-list-max-height, 24rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 4px 6px;
    border-bottom: 1px solid var(--_border);
    overflow-wrap: break-word;
  }
  td:first-child,
  td:last-child,
  .values {
    overflow-wrap: anywhere;
  }
  th {
    position: sticky;
    top: 0;
    background: var(--_surface);
    color: var(--_muted);
    font-weight: 600;
  }
  td.code {
    white-space: nowrap;
  }
  .token {
    display: inline-block;
    width: max-content;
    max-width: 100%;
  }
  .values {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .no-match {
    padding: var(--_space);
    text-align: center;
  }
  @container (width < 52em) {
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table,
    tbody {
      display: block;
    }
    tr {
      display: flex;
      flex-wrap: wrap;
      gap: 2px var(--_space);
      padding: 6px 8px;
      border-bottom: 1px solid var(--_border);
    }
    td,
    td[data-label] > * {
      min-width: 0;
    }
    td {
      flex: 1 1 100%;
      padding: 0;
      border: 0;
      overflow-wrap: anywhere;
    }
    td:first-child {
      flex-basis: auto;
      order: -2;
      font-weight: 600;
    }
    td.code {
      flex: none;
      order: -1;
    }
    td:last-child {
      order: -1;
    }
    td[data-label] {
      display: flex;
      gap: 6px;
      flex: 0 1 auto;
    }
    td[data-label]::before {
      content: attr(data-label) / '';
      color: var(--_muted);
    }
    td:empty {
      display: none;
    }
    td:has(.values),
    .range {
      flex-basis: 100%;
    }
    .range {
      order: -1;
    }
  }
  @media (forced-colors: active) {
    [aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
  }
`,
];
