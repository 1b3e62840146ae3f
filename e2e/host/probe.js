// Init script for the embed's unmount test: counts the listeners on window and document and the
// pending timers, from before the embed loads, so the test can check unmount() leaves none.
(() => {
  const probe = { listeners: new Map(), timers: new Map() };
  window.__probe = probe;
  const name = (target, type) => `${target === window ? 'window' : 'document'}:${type}`;
  const capture = (options) => (typeof options === 'boolean' ? options : Boolean(options?.capture));
  const registered = new WeakMap();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const bump = (key, by) => probe.listeners.set(key, (probe.listeners.get(key) ?? 0) + by);
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if ((this === window || this === document) && listener) {
      const id = `${name(this, type)}:${String(capture(options))}`;
      const ids = registered.get(listener) ?? new Set();
      if (!ids.has(id)) {
        ids.add(id);
        registered.set(listener, ids);
        bump(name(this, type), 1);
      }
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if ((this === window || this === document) && listener) {
      const id = `${name(this, type)}:${String(capture(options))}`;
      if (registered.get(listener)?.delete(id)) bump(name(this, type), -1);
    }
    return remove.call(this, type, listener, options);
  };
  const originalSetTimeout = window.setTimeout;
  const originalClearTimeout = window.clearTimeout;
  window.setTimeout = function (handler, delay, ...args) {
    const id = originalSetTimeout.call(
      window,
      (...inner) => {
        probe.timers.delete(id);
        if (typeof handler === 'function') handler(...inner);
      },
      delay,
      ...args,
    );
    probe.timers.set(id, Number(delay) || 0);
    return id;
  };
  window.clearTimeout = function (id) {
    probe.timers.delete(id);
    return originalClearTimeout.call(window, id);
  };
})();
