/**
 * The UI language of an element: its own `lang`, else the closest ancestor's (across shadow
 * roots), else the document's. Followed live: one MutationObserver for the whole page (its
 * document and the shadow roots the elements sit in), shared by every element, re-renders an
 * element only when its language really changed.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { localeFromLang, type Locale } from './locale.js';

/** The `lang` in force for a node. */
export function langOf(node: Node): string {
  for (let current: Node | null = node; current; ) {
    // Server rendering (lit SSR's DOM shim, no Element or document): the element's own lang only.
    if (isServer || (current instanceof Element && current.hasAttribute('lang'))) return (current as Element).getAttribute('lang') ?? '';
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return node.ownerDocument?.documentElement?.lang ?? '';
}

const watching = new Set<LangController>();
let observer: MutationObserver | undefined;
/** Documents and shadow roots under observation: a `lang` may change in any of them. */
let observed = new WeakSet<Node>();

/**
 * Observes every tree the host's `lang` can come from: its document, and each shadow root
 * between it and the document (an application's own components), which a MutationObserver on
 * the document does not see into.
 */
function startObserving(controller: LangController, host: Node): void {
  watching.add(controller);
  observer ??= new MutationObserver(() => watching.forEach((controller) => controller.recheck()));
  for (let root = host.getRootNode(); ; root = (root as ShadowRoot).host.getRootNode()) {
    // A document observed with `subtree` includes its <html lang>; an attributeFilter implies
    // `attributes: true` (DOM standard, observe() step 3).
    if (!observed.has(root)) {
      observed.add(root);
      observer.observe(root, { attributeFilter: ['lang'], subtree: true });
    }
    if (!(root instanceof ShadowRoot)) break;
  }
}

function stopObserving(controller: LangController): void {
  watching.delete(controller);
  if (watching.size > 0 || !observer) return;
  observer.disconnect();
  observer = undefined;
  observed = new WeakSet();
}

export class LangController implements ReactiveController {
  #current: Locale | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The locale to render in, read now (cheap: a walk up the ancestors). */
  get locale(): Locale {
    return (this.#current = localeFromLang(langOf(this.#host)));
  }

  hostConnected(): void {
    startObserving(this, this.#host);
  }

  hostDisconnected(): void {
    stopObserving(this);
  }

  recheck(): void {
    if (localeFromLang(langOf(this.#host)) !== this.#current) this.#host.requestUpdate();
  }
}
