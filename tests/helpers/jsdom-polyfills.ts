// What Fluent UI v9 expects from a browser and jsdom lacks. Import first in a jsdom test.
import { configure } from '@testing-library/react';

// findBy…/waitFor wait up to 4 s instead of 1 s (below jest's 5 s test timeout): a check runs
// the engine, and on a loaded 2-core CI machine that once took over a second. The wait ends as
// soon as the UI is there; what the tests assert is unchanged.
configure({ asyncUtilTimeout: 4000 });

if (typeof window.matchMedia !== 'function') {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}
if (typeof (globalThis as { ResizeObserver?: unknown }).ResizeObserver !== 'function') {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

export {};

// Every browser the pane runs in has TextDecoder (the xlsx readers decode XML parts with it);
// jsdom's window does not, so Node's own stands in.
if (typeof globalThis.TextDecoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require('util') as typeof import('util');
  Object.assign(globalThis, { TextDecoder: util.TextDecoder, TextEncoder: util.TextEncoder });
}
