import type { Environment } from 'downshift';

type Listener = EventListenerOrEventListenerObject;

/**
 * downshift's `environment` for a combobox inside a shadow root.
 *
 * downshift listens for mouse and touch events on its environment to close the menu on outside
 * clicks, and compares `event.target` with its own elements. Listening on the document sees
 * every click, but `target` is retargeted to the host element for clicks inside the shadow root
 * (so a click on an option would read as an outside click); listening on the shadow root sees
 * real targets but misses clicks on the host page. So: listen on the document, and hand
 * downshift the event with its real target (`composedPath()[0]`). `document.activeElement` is
 * likewise the host element while focus is inside, so `activeElement` is read from the root.
 */
export function shadowEnvironment(root: ShadowRoot): Environment {
  const doc = root.ownerDocument;
  const view = doc.defaultView ?? window;
  const wrappers = new Map<Listener, Map<string, EventListener>>();

  const realTarget = (event: Event) => event.composedPath()[0] ?? event.target;
  const withRealTarget = (event: Event): Event =>
    new Proxy(event, {
      get(target, property) {
        if (property === 'target') return realTarget(target);
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });

  function addEventListener(
    type: string,
    listener: Listener | null,
    options?: AddEventListenerOptions | boolean,
  ) {
    if (!listener) return;
    const byType = wrappers.get(listener) ?? new Map<string, EventListener>();
    if (byType.has(type)) return;
    const wrapped: EventListener = (event) => {
      const proxied = withRealTarget(event);
      if (typeof listener === 'function') listener(proxied);
      else listener.handleEvent(proxied);
    };
    byType.set(type, wrapped);
    wrappers.set(listener, byType);
    doc.addEventListener(type, wrapped, options);
  }

  function removeEventListener(
    type: string,
    listener: Listener | null,
    options?: EventListenerOptions | boolean,
  ) {
    if (!listener) return;
    const byType = wrappers.get(listener);
    const wrapped = byType?.get(type);
    if (!byType || !wrapped) return;
    doc.removeEventListener(type, wrapped, options);
    byType.delete(type);
    if (byType.size === 0) wrappers.delete(listener);
  }

  const document = new Proxy(doc, {
    get(target, property) {
      if (property === 'activeElement') return root.activeElement ?? target.activeElement;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });

  return {
    addEventListener: addEventListener as Environment['addEventListener'],
    removeEventListener: removeEventListener as Environment['removeEventListener'],
    document,
    Node: view.Node,
  };
}
