import { css } from 'lit';
import { themeTokens } from '../common/theme-tokens.styles.js';

/**
 * The status element's own rules, after the tokens both elements share (theme-tokens.styles.ts).
 * The failed-record list is an element of its own, with its own styles.
 */
export const dnsImportStatusStyles = [
  themeTokens,
  css`
  :host {
    color-scheme: light dark;
    position: relative;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* The host's actions beside the notice or summary, below it when the element is narrow. */
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: start;
    gap: var(--_space);
  }
  .head > div {
    flex: 1 1 20rem;
    min-width: 0;
  }
  slot[name=actions] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
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
`,
];
