/**
 * Found by the fuzz test: an access token or client ID that cannot be an HTTP header value (a line
 * break, a non-ASCII character from a bad copy) made every attempt fail inside fetch, so the event
 * was "retried" three times and failed as a network error. Such values are settings problems.
 */
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/settings/parse';
import { extensionSettings } from '../unit/action/fixtures';

const ACTION = { event: { name: 'Purchase', countryCode: 'US' }, user: { email: 'user@example.com' } };
const parseWith = (overrides: Record<string, unknown>) => () => parseSettings(extensionSettings(overrides), ACTION);

describe('access token and client ID are sent as HTTP headers', () => {
  it.each([
    ['a line break', 'Atza|fake\naccess-token'],
    ['a space', 'Atza|fake access-token'],
    ['a character outside Latin-1', 'Atza|fake-access-token€'],
    ['an accented letter', 'Atza|fake-accéss-token']
  ])('an access token with %s is a settings problem, named without the value', (_, accessToken) => {
    expect(parseWith({ accessToken })).toThrow(
      'Invalid settings: extension.accessToken is not valid: use printable ASCII characters only, without spaces (it is sent in an HTTP header).'
    );
  });

  it('a client ID with a character outside ASCII is a settings problem', () => {
    expect(parseWith({ clientId: 'amzn1.application-oa2-client.fak€' })).toThrow(
      'Invalid settings: extension.clientId is not valid: use printable ASCII characters only, without spaces (it is sent in an HTTP header).'
    );
  });

  it('a client ID with a space keeps its one problem (the registry pattern)', () => {
    expect(parseWith({ clientId: 'amzn1 fake' })).toThrow(/^Invalid settings: extension\.clientId is not valid: paste the client ID without spaces\.$/);
  });

  it('surrounding whitespace is trimmed, as before, and a refresh token may hold any text (it is form-encoded)', () => {
    expect(parseWith({ accessToken: ' Atza|fake-access-token\n' })).not.toThrow();
    expect(parseWith({ accessToken: undefined, refreshToken: 'Atzr|fake refresh', clientSecret: 'fake-client-secret é' })).not.toThrow();
  });
});
