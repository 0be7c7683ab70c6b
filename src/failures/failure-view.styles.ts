import { css } from 'lit';

/**
 * The failed-record view, composed after the element's own styles: it uses their private
 * `--_*` locals, so a host theme reaches it through the same public properties.
 */
export const failureViewStyles = css`
  h4 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 0.9em;
    font-weight: 600;
    color: var(--_muted);
  }
  .groups {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: calc(var(--_space) / 2);
    margin: 0 0 calc(var(--_space) / 2);
    padding: 0;
    list-style: none;
  }
  .groups li {
    display: flex;
  }
  button.group {
    display: grid;
    align-content: start;
    gap: 2px;
    width: 100%;
    padding: 6px 10px;
    text-align: start;
    color: var(--_text);
    border-color: var(--_border);
  }
  button.group:hover {
    border-color: var(--_accent);
  }
  button.group[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  .group-head {
    display: flex;
    align-items: baseline;
    gap: 8px;
  }
  .group .count {
    font-size: 1.25em;
    font-weight: 700;
    color: var(--_danger);
    font-variant-numeric: tabular-nums;
  }
  .group .code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-weight: 600;
  }
  .group .message {
    overflow-wrap: anywhere;
  }
  .group .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .more-groups {
    margin-bottom: calc(var(--_space) / 2);
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
  .field.search {
    flex: 1 1 14rem;
  }
  .field label {
    color: var(--_muted);
    font-size: 0.85em;
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
  input:focus-visible,
  select:focus-visible,
  [part~='error-list']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .list-bar {
    align-items: center;
    justify-content: space-between;
  }
  .showing {
    margin: 0;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .no-match {
    padding: var(--_space);
    text-align: center;
    color: var(--_muted);
  }
  .pager {
    align-items: center;
    justify-content: center;
  }
  .pager .range {
    min-width: 12rem;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  button:disabled {
    color: var(--_muted);
    cursor: default;
    opacity: 0.6;
  }
  @media (forced-colors: active) {
    button.group[aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
    button:disabled {
      color: GrayText;
    }
  }
`;
