/**
 * The UI language of an element: its own `lang`, else the closest ancestor's (across shadow
 * roots), else the document's. Followed live: one MutationObserver for the whole page,
 * shared by every element, re-renders an element only when its language really changed.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { localeFromLang, type Locale } from './messages.js';

/** The `lang` in force for a node. */
export function langOf(node: Node): string {
  // Server rendering (lit SSR's DOM shim): no tree and no document, only the element's own lang.
  if (isServer) return (node as Element).getAttribute('lang') ?? '';
  for (let current: Node | null = node; current; ) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang') ?? '';
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return document.documentElement.lang;
}

/** Every connected controller, and the one observer that serves them all. */
const watching = new Set<LangController>();
let observer: MutationObserver | undefined;

export class LangController implements ReactiveController {
  private current: Locale | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The locale to render in, read now (cheap: a walk up the ancestors). */
  get locale(): Locale {
    return (this.current = localeFromLang(langOf(this.host)));
  }

  hostConnected(): void {
    watching.add(this);
    if (observer) return;
    observer = new MutationObserver(() => watching.forEach((c) => c.recheck()));
    // An attributeFilter implies `attributes: true` (DOM standard, observe() step 3).
    observer.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    watching.delete(this);
    if (watching.size > 0 || !observer) return;
    observer.disconnect();
    observer = undefined;
  }

  recheck(): void {
    if (localeFromLang(langOf(this.host)) !== this.current) this.host.requestUpdate();
  }
}
