/** Masking for logs, traces and the dry-run summary. */
import { describe, expect, it } from 'vitest';
import { maskIdentifier, maskIpAddress } from '../../../src/amazon/serialise/logSafe';

describe('maskIpAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.x.x'],
    ['2001:db8::7', '2001:db8:x:x:x:x:x:x'],
    ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', '2001:0db8:x:x:x:x:x:x'],
    ['fe80::1', 'fe80:0:x:x:x:x:x:x'],
    ['::1', '0:0:x:x:x:x:x:x'],
    ['::ffff:192.0.2.1', '0:0:x:x:x:x:x:x']
  ])('%s → %s', (ip, masked) => {
    expect(maskIpAddress(ip)).toBe(masked);
  });
});

describe('maskIdentifier', () => {
  it('keeps the last 4 characters of a long identifier and nothing of a short one', () => {
    expect(maskIdentifier('CUST000123')).toBe('*****0123');
    expect(maskIdentifier('CUST0123')).toBe('*****');
  });
});
