/**
 * Development-only routing of the global `fetch` to the Amazon stand-in: Amazon hosts go to the
 * stand-in (see scripts/amazon-stand-in/route.ts), requests already addressed to the stand-in pass
 * through, and anything else is refused, so a local run never reaches a real host. The transport is
 * captured when the router is made, so installing the router as `globalThis.fetch` cannot loop.
 */
import { routeToStandIn } from '../amazon-stand-in/route';

export function standInRouter(standInUrl: string, transport: typeof fetch = globalThis.fetch): typeof fetch {
  const standInOrigin = new URL(standInUrl).origin;
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url).origin === standInOrigin) return transport(input, init);
    const routed = routeToStandIn(url, standInUrl);
    if (routed === undefined) {
      throw new TypeError(`Local runs only reach Amazon's hosts (through the stand-in); refusing ${new URL(url).origin}`);
    }
    if (input instanceof Request) return transport(new Request(routed, input), init);
    return transport(routed, init);
  };
}
