/**
 * The stand-in's `fetch`: Amazon URLs go to the stand-in (by `routeToStandIn`), anything else is
 * refused, so code under test cannot reach a real host by mistake.
 */
import { routeToStandIn } from './route';

export function createStandInFetch(standInUrl: string): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = new Request(input, init);
    const routed = routeToStandIn(request.url, standInUrl);
    if (routed === undefined) {
      throw new TypeError(
        `The Amazon stand-in only serves https Amazon Ads and Login with Amazon hosts; refusing ${new URL(request.url).origin}`
      );
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    return fetch(routed, {
      method: request.method,
      headers: request.headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      signal: request.signal,
      redirect: 'manual'
    });
  };
}
