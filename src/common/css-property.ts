/**
 * Sets one CSS custom property on an element through the CSSOM, in element position:
 * `<div ${cssProperty('--_fraction', '0.5')}>`. Unlike `styleMap`, whose first render writes a
 * `style` attribute, it never writes one, so a strict Content-Security-Policy (`style-src`
 * without 'unsafe-inline' blocks style attributes) cannot drop the value.
 */
import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

class CssPropertyDirective extends Directive {
  render(_name: string, _value: string): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [name, value]: [string, string]): typeof noChange {
    (part.element as HTMLElement).style.setProperty(name, value);
    return noChange;
  }
}

export const cssProperty = directive(CssPropertyDirective);
