// jsdom lays nothing out, so nothing it holds is ever resized: its missing
// ResizeObserver is one that never reports, as a real one would not there.
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
