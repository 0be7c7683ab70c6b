/**
 * The UI language of an element: its own `lang`, else the closest ancestor's (across shadow
 * roots), else the document's. Followed live: one MutationObserver for the whole page,
 * shared by every element, re-renders an element only when its language really changed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeFromLang, type Locale } from './messages.js';

/** The `lang` in force for a node. */
export function langOf(node: Node): string {
  for (let current: Node | null = node; current; ) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang') ?? '';
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return document.documentElement.lang;
}

const watching = new Set<LangController>();
let observer: MutationObserver | undefined;

function startObserving(controller: LangController): void {
  watching.add(controller);
  if (observer) return;
  observer = new MutationObserver(() => watching.forEach((c) => c.recheck()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

function stopObserving(controller: LangController): void {
  watching.delete(controller);
  if (watching.size > 0 || !observer) return;
  observer.disconnect();
  observer = undefined;
}

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
    startObserving(this);
  }

  hostDisconnected(): void {
    stopObserving(this);
  }

  recheck(): void {
    if (localeFromLang(langOf(this.host)) !== this.current) this.host.requestUpdate();
  }
}
