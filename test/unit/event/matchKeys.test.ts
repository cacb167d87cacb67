/** DESIGN §4 match key rules, with SHA-256 vectors computed independently by node:crypto. */
import { describe, expect, it } from 'vitest';
import { buildMatchKeys, normaliseNamePart, normalisePostalCode } from '../../../src/event/matchKeys';
import { sha256Hex } from '../../../src/event/sha256';
import { sha256 } from '../action/fixtures';

describe('sha256Hex', () => {
  it('matches node:crypto and Segment’s published vector', async () => {
    expect(await sha256Hex('test@example.com')).toBe('973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b');
    expect(await sha256Hex('josé')).toBe(sha256('josé'));
  });
});

describe('normalisers', () => {
  it('names, addresses, cities and states: lower-case, accents removed, [a-z0-9] only', () => {
    expect(normaliseNamePart('José')).toBe('jose');
    expect(normaliseNamePart('  Zoë-Ånne O’Brien ')).toBe('zoeanneobrien');
    expect(normaliseNamePart('123 Main St., Apt #4')).toBe('123mainstapt4');
    expect(normaliseNamePart('São Paulo')).toBe('saopaulo');
  });

  it('postal codes: lower-case, white space removed, hyphens kept', () => {
    expect(normalisePostalCode(' H0H 0H0 ')).toBe('h0h0h0');
    expect(normalisePostalCode('94105-1234')).toBe('94105-1234');
  });
});

describe('buildMatchKeys', () => {
  it('normalises and hashes each hashed field, and sends the raw identifiers as they are', async () => {
    const result = await buildMatchKeys(
      {
        email: ' Test.User@Example.COM ',
        phone: '0044 (20) 7946-0958',
        firstName: 'José',
        lastName: 'Doe',
        address: '123 Main St.',
        city: 'San Francisco',
        state: 'CA',
        postalCode: 'H0H 0H0',
        externalId: 'CUST000123',
        maid: 'ad-id-fake-0001',
        rampId: 'XYfakeRampId01'
      },
      'events'
    );
    expect(result).toStrictEqual({
      matchKeys: [
        { type: 'EMAIL', value: sha256('test.user@example.com') },
        { type: 'PHONE', value: sha256('+442079460958') },
        { type: 'FIRST_NAME', value: sha256('jose') },
        { type: 'LAST_NAME', value: sha256('doe') },
        { type: 'ADDRESS', value: sha256('123mainst') },
        { type: 'CITY', value: sha256('sanfrancisco') },
        { type: 'STATE', value: sha256('ca') },
        { type: 'POSTAL', value: sha256('h0h0h0') },
        { type: 'MAID', value: 'ad-id-fake-0001' },
        { type: 'RAMP_ID', value: 'XYfakeRampId01' },
        { type: 'MATCH_ID', value: 'CUST000123' }
      ],
      dropped: [],
      warnings: []
    });
  });

  it('phone: the Events API hashes +digits, the v1 API digits only', async () => {
    const events = await buildMatchKeys({ phone: '+1 555.555.0100' }, 'events');
    const legacy = await buildMatchKeys({ phone: '+1 555.555.0100' }, 'legacy');
    expect(events.matchKeys).toStrictEqual([{ type: 'PHONE', value: sha256('+15555550100') }]);
    expect(legacy.matchKeys).toStrictEqual([{ type: 'PHONE', value: sha256('15555550100') }]);
  });

  it('passes already-hashed values through lower-cased, without hashing again', async () => {
    const digest = sha256('user@example.com');
    const result = await buildMatchKeys({ email: ` ${digest.toUpperCase()} `, phone: digest, lastName: digest }, 'events');
    expect(result.matchKeys).toStrictEqual([
      { type: 'EMAIL', value: digest },
      { type: 'PHONE', value: digest },
      { type: 'LAST_NAME', value: digest }
    ]);
  });

  it('does not treat 64 hex characters as a digest for raw identifiers (they are never hashed)', async () => {
    const id = 'A'.repeat(64);
    const result = await buildMatchKeys({ maid: id }, 'events');
    expect(result.matchKeys).toStrictEqual([{ type: 'MAID', value: id }]);
  });

  it('skips values that are empty after normalising, silently', async () => {
    const result = await buildMatchKeys({ phone: '+++', firstName: '--', city: '!!!', email: 'user@example.com' }, 'events');
    expect(result).toStrictEqual({
      matchKeys: [{ type: 'EMAIL', value: sha256('user@example.com') }],
      dropped: [],
      warnings: []
    });
  });

  it('drops invalid values with a warning that names the field, never the value', async () => {
    const result = await buildMatchKeys(
      { email: 'not-an-email', phone: '5555550100', externalId: 'id with spaces', state: 'WA' },
      'events'
    );
    expect(result.matchKeys).toStrictEqual([{ type: 'STATE', value: sha256('wa') }]);
    expect(result.dropped).toStrictEqual(['user.email', 'user.phone', 'user.externalId']);
    expect(result.warnings).toStrictEqual([
      'user.email was not sent: it is not a valid email address.',
      'user.phone was not sent: it is not a phone number in E.164 form (+ and the country code).',
      'user.externalId was not sent: it is not a valid match ID (letters, digits, "_" and "-", 100 characters at most).'
    ]);
    expect(result.warnings.join(' ')).not.toMatch(/not-an-email|5555550100|id with spaces/);
  });

  it('refuses a match ID over 100 characters', async () => {
    const result = await buildMatchKeys({ externalId: 'a'.repeat(101) }, 'events');
    expect(result.matchKeys).toStrictEqual([]);
    expect(result.dropped).toStrictEqual(['user.externalId']);
  });
});
