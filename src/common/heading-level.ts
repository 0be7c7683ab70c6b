/**
 * The `heading-level` of both elements: the level of the element's top heading, its
 * sub-headings one level below. Level 3 by default: an element usually sits in a section of a
 * console page (h1 the page, h2 the section), and it keeps the outline the element had before
 * the level could be chosen.
 */
// Lit's static html under its own name: the linters read every template tagged html as Lit's plain one, where a tag name cannot be a binding.
import { html as staticHtml, literal } from 'lit/static-html.js';
import { nothing, type TemplateResult } from 'lit';
import { DEV } from './dev-mode.js';

export const DEFAULT_HEADING_LEVEL = 3;

/** A level from 1 to 6 as given, else the default (with one console warning per bad value in development). */
export function headingLevelOf(value: unknown, element: string): number {
  if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 6) return value as number;
  if (DEV) console.warn(`<${element}>: heading-level must be a whole number from 1 to 6, not ${String(value)}; using ${DEFAULT_HEADING_LEVEL}.`);
  return DEFAULT_HEADING_LEVEL;
}

// Written out: `literal` takes only literal text, never a computed string.
const TAGS = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * A heading of this level: the `h1`-`h6` tag that says it, or `h6` with `aria-level` below
 * that (a sub-heading of an element whose top heading is h6), which no tag can say.
 */
export function heading(level: number, content: unknown, id?: string): TemplateResult {
  const tag = TAGS[Math.min(level, 6) - 1];
  return staticHtml`<${tag} id=${id ?? nothing} aria-level=${level > 6 ? level : nothing}>${content}</${tag}>`;
}
