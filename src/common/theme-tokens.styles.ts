import { css } from 'lit';

/**
 * What both elements share: the public custom properties (`--dns-import-status-*`) mapped
 * onto private `--_*` locals, so a host theme overrides one name and every rule of either
 * element follows (custom properties inherit through shadow roots, so a theme set on
 * `<dns-import-status>` reaches the list inside it), plus the base text, buttons, focus ring and
 * monospace code. Each host is a size container (`container-type`), so a layout follows the
 * element's own width, not the viewport's; that contains its inline size: the width comes from
 * the parent, never from the content. `color-scheme` is not set here: the list inherits it from the status element
 * (whose `theme` may force one) or from the page.
 */
export const themeTokens = css`
  :host {
    --_font: var(--dns-import-status-font, system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    --_text: var(--dns-import-status-text-color, light-dark(#1b1f24, #e6e8eb));
    --_muted: var(--dns-import-status-muted-color, light-dark(#57606a, #a9b1ba));
    --_surface: var(--dns-import-status-surface-color, light-dark(#ffffff, #16191d));
    --_border: var(--dns-import-status-border-color, light-dark(#d0d7de, #3a4149));
    --_accent: var(--dns-import-status-accent-color, light-dark(#0b62c4, #5ea8ff));
    --_success: var(--dns-import-status-success-color, light-dark(#1a7f37, rgb(74 194 107)));
    --_danger: var(--dns-import-status-danger-color, light-dark(#c4262e, #ff7b72));
    --_track: var(--dns-import-status-track-color, light-dark(#e6e9ed, #2b3137));
    --_radius: var(--dns-import-status-radius, 6px);
    --_space: var(--dns-import-status-spacing, 12px);

    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    font: 14px/1.45 var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
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
`;
