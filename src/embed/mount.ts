import { TAG_NAME } from './element';
import type { OntoraEventMap, OntoraMount } from './ontora-add-contact';

/**
 * `mount(container, options) → unmount()`: the element, for hosts that prefer a function.
 * It appends an `<ontora-add-contact>` to `container`; `unmount()` removes it (which tears down
 * its React root, QueryClient, observers and listeners) and the listeners given in `on`.
 */
export const mount: OntoraMount = (container, options) => {
  const element = container.ownerDocument.createElement(TAG_NAME);
  element.interviewId = options.interviewId;
  if (options.apiBaseUrl !== undefined) element.apiBaseUrl = options.apiBaseUrl;
  if (options.questionSetId !== undefined) element.questionSetId = options.questionSetId;
  if (options.theme !== undefined) element.theme = options.theme;
  if (options.phoneCountry !== undefined) element.phoneCountry = options.phoneCountry;
  element.prefill = options.prefill;
  element.getToken = options.getToken;

  const listeners: [string, EventListener][] = [];
  for (const [type, listener] of Object.entries(options.on ?? {})) {
    if (typeof listener !== 'function') continue;
    const wrapped: EventListener = (event) => {
      (listener as (event: OntoraEventMap[keyof OntoraEventMap]) => void)(
        event as OntoraEventMap[keyof OntoraEventMap],
      );
    };
    element.addEventListener(type, wrapped);
    listeners.push([type, wrapped]);
  }
  container.append(element);

  let mounted = true;
  return () => {
    if (!mounted) return;
    mounted = false;
    for (const [type, listener] of listeners) element.removeEventListener(type, listener);
    element.remove();
  };
};
