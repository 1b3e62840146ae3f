/**
 * The embed bundle's entry, `dist/embed/ontora-add-contact.js`: an ES module with React inside
 * that defines `<ontora-add-contact>`, exports `mount()` and exposes it as
 * `window.OntoraAddContact.mount()` too. Lazy parts (the question set picker, the phone library)
 * load from `dist/embed/chunks/` beside it. Public types: ./ontora-add-contact.d.ts.
 * Build: ./build/vite.config.ts.
 */
import { defineOntoraAddContact, TAG_NAME } from './element';
import { mount } from './mount';
import type { OntoraEmbedApi } from './ontora-add-contact';

defineOntoraAddContact();

const api: OntoraEmbedApi = Object.freeze({
  mount,
  tagName: TAG_NAME,
  version:
    typeof import.meta.env.VITE_ONTORA_EMBED_VERSION === 'string'
      ? import.meta.env.VITE_ONTORA_EMBED_VERSION
      : '0.0.0',
});

// A second copy of the script on the same page keeps the first one's API and element.
window.OntoraAddContact ??= api;

export { mount };
