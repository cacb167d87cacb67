/**
 * Login with Amazon's token endpoint (`POST /auth/o2/token`, refresh_token grant) and the stand-in's
 * view of which access tokens are still good. Error bodies follow OAuth 2 / LWA:
 * `{ error, error_description }`.
 */
import type { Answer } from './answer';

export interface TokenCall {
  /** Lower-cased header names. */
  headers: Record<string, string>;
  rawBody: string;
}

export class TokenAuthority {
  private minted = new Map<string, number>(); // access token → expiry (epoch ms)
  private expired = new Set<string>();
  private revoked = new Set<string>();
  private mintedCount = 0;

  constructor(
    private readonly now: () => number,
    private readonly lifetimeSeconds: number
  ) {}

  /** Any non-empty bearer token is good unless expired by hand or a minted one outlived its lifetime. */
  isAccessTokenValid(token: string): boolean {
    if (this.expired.has(token)) return false;
    const expiresAt = this.minted.get(token);
    return expiresAt === undefined || this.now() < expiresAt;
  }

  expire(token: string): void {
    this.expired.add(token);
  }

  revoke(refreshToken: string): void {
    this.revoked.add(refreshToken);
  }

  /** Forgets minted tokens, expiries and revocations; the next minted token is `Atza|stand-in-1` again. */
  reset(): void {
    this.minted.clear();
    this.expired.clear();
    this.revoked.clear();
    this.mintedCount = 0;
  }

  answer(call: TokenCall): Answer {
    if (call.headers.authorization !== undefined) {
      return invalidRequest('The refresh_token grant takes client_id and client_secret in the form body, not an Authorization header');
    }
    const contentType = (call.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/x-www-form-urlencoded') {
      return invalidRequest('Content-Type must be application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(call.rawBody);
    if (form.get('grant_type') !== 'refresh_token') {
      return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Only grant_type=refresh_token is supported' } };
    }
    for (const parameter of ['refresh_token', 'client_id', 'client_secret']) {
      if (!form.get(parameter)) return invalidRequest(`The request is missing a required parameter : ${parameter}`);
    }
    const refreshToken = form.get('refresh_token') ?? '';
    if (this.revoked.has(refreshToken)) {
      return { status: 400, body: { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' } };
    }
    this.mintedCount += 1;
    const accessToken = `Atza|stand-in-${this.mintedCount}`;
    this.minted.set(accessToken, this.now() + this.lifetimeSeconds * 1000);
    return {
      status: 200,
      body: { access_token: accessToken, refresh_token: refreshToken, token_type: 'bearer', expires_in: this.lifetimeSeconds }
    };
  }
}

function invalidRequest(description: string): Answer {
  return { status: 400, body: { error: 'invalid_request', error_description: description } };
}
