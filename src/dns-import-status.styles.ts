import { css } from 'lit';

/**
 * Public custom properties (`--dns-import-status-*`) map onto private `--_*` locals, so a
 * host theme overrides one name and every rule follows. The failed-record view's rules are
 * in failures/failure-view.styles.ts; the base `button`, focus ring and `.code` here are
 * shared with it. The host is a size container (`container-type`), so the layout follows the
 * element's own width, not the viewport's; that contains its inline size: the width comes
 * from the parent, never from the content.
 */
export const dnsImportStatusStyles = css`
  :host {
    --_font: var(--dns-import-status-font, system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    --_text: var(--dns-import-status-text-color, light-dark(#1b1f24, #e6e8eb));
    --_muted: var(--dns-import-status-muted-color, light-dark(#57606a, #a9b1ba));
    --_surface: var(--dns-import-status-surface-color, light-dark(#ffffff, #16191d));
    --_border: var(--dns-import-status-border-color, light-dark(#d0d7de, #3a4149));
    --_accent: var(--dns-import-status-accent-color, light-dark(#0b62c4, #5ea8ff));
    --_success: var(--dns-import-status-success-color, light-dark(#1a7f37, #4ac26b));
    --_danger: var(--dns-import-status-danger-color, light-dark(#c4262e, #ff7b72));
    --_track: var(--dns-import-status-track-color, light-dark(#e6e9ed, #2b3137));
    --_radius: var(--dns-import-status-radius, 6px);
    --_space: var(--dns-import-status-spacing, 12px);

    color-scheme: light dark;
    display: block;
    container-type: inline-size;
    position: relative;
    box-sizing: border-box;
    font: 14px/1.45 var(--_font);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part=summary] {
    display: grid;
    gap: calc(var(--_space) * 0.66);
  }
  .headline {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space);
    margin: 0;
    font-size: 1.1em;
    font-weight: 600;
  }
  .outcome.partial,
  .outcome.failed {
    color: var(--_danger);
  }
  .outcome.success {
    color: var(--_success);
  }
  [part=progress] {
    height: 8px;
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }
  .bar {
    height: 100%;
    background: var(--_accent);
    transform-origin: left;
    transform: scaleX(var(--_fraction, 0));
    transition: transform 0.3s ease-out;
  }
  :host(:dir(rtl)) .bar {
    transform-origin: right;
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: 4px var(--_space);
    margin: 0;
  }
  dt {
    color: var(--_muted);
    font-size: 0.85em;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  [part=message] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px var(--_space);
    margin: 0 0 var(--_space);
    color: var(--_muted);
  }
  [part=message].error,
  .stalled {
    color: var(--_danger);
  }
  [part=estimate] {
    margin: 0;
    color: var(--_muted);
  }
  .details {
    flex-basis: 100%;
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  button {
    font: inherit;
    color: var(--_accent);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 2px 10px;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .code {
    font-family: ui-monospace, Menlo, Consolas, monospace;
  }
  @media (prefers-reduced-motion: reduce) {
    .bar {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    [part=progress] {
      border: 1px solid CanvasText;
    }
    .bar {
      background: Highlight;
    }
  }
`;
