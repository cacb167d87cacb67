/**
 * The globals Adobe's edge runtime offers a library module (web platform only; no Buffer, process
 * or require), for `vm` contexts that must make a Node-only call fail here rather than on the edge.
 */
export function webOnlyGlobals(fetch: typeof globalThis.fetch): Record<string, unknown> {
  return {
    fetch,
    Request,
    Response,
    Headers,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    crypto: globalThis.crypto,
    btoa,
    atob,
    setTimeout,
    clearTimeout,
    console,
    structuredClone,
    AbortController,
    AbortSignal
  };
}
