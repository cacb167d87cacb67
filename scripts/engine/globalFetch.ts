/**
 * The library mints Login with Amazon tokens with the global `fetch` (read at call time), so a local
 * run must route that too. The replacement is installed only while runs are in flight and the
 * original is restored when the last one finishes; concurrent runs must agree on the replacement.
 */
let original: typeof fetch | undefined;
let installed: typeof fetch | undefined;
let activeRuns = 0;

export async function withGlobalFetch<T>(replacement: typeof fetch, run: () => Promise<T>): Promise<T> {
  if (installed && installed !== replacement) {
    throw new Error('Another run has routed the global fetch elsewhere; run harnesses with different fetch routes one after the other.');
  }
  if (activeRuns === 0) {
    original = globalThis.fetch;
    installed = replacement;
    globalThis.fetch = replacement;
  }
  activeRuns += 1;
  try {
    return await run();
  } finally {
    activeRuns -= 1;
    if (activeRuns === 0) {
      globalThis.fetch = original as typeof fetch;
      installed = undefined;
      original = undefined;
    }
  }
}
