/**
 * The floor: the work no implementation can avoid for the same output. The normalised values are
 * hashed with crypto.subtle SHA-256 in parallel (as the action does), each digest is written as
 * lower-case hex, the digests are put into the body, and the body is serialised with JSON.stringify.
 * Everything else (reading settings, validating, normalising, logging, delivery) is the action's
 * overhead. `checkFloor` proves the floor's output is byte-for-byte the body the action sent.
 */
import { createHash } from 'node:crypto';
import type { BenchEvent } from './events';

interface WireMatchKey {
  type: string;
  values: [string];
}
type WireEvent = Record<string, unknown> & { matchKeys: WireMatchKey[] };

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();

function hex(digest: ArrayBuffer): string {
  const bytes = new Uint8Array(digest);
  let text = '';
  for (let i = 0; i < bytes.length; i += 1) text += HEX[bytes[i] as number];
  return text;
}

export interface Floor {
  /** Hashes, fills in and serialises the body; resolves to exactly the text the action sends. */
  readonly run: () => Promise<string>;
}

/**
 * Builds the floor for an event from the body the action sent: its shape is kept, its hashed match
 * key values are recomputed on every run from the normalised inputs.
 */
export function floorFor(event: BenchEvent, sentBody: string): Floor {
  const body = JSON.parse(sentBody) as Record<string, unknown>;
  const listKey = event.api === 'events' ? 'events' : 'eventData';
  const [wireEvent] = body[listKey] as [WireEvent];
  const hashed = Object.entries(event.hashInputs);
  const hashedTypes = new Set(hashed.map(([type]) => type));
  const slots = wireEvent.matchKeys.map((key) => (hashedTypes.has(key.type) ? hashed.findIndex(([type]) => type === key.type) : -1));
  const inputs = hashed.map(([, value]) => value);

  return {
    run: async () => {
      const digests = await Promise.all(inputs.map((input) => crypto.subtle.digest('SHA-256', encoder.encode(input))));
      const hexes = digests.map(hex);
      const matchKeys = wireEvent.matchKeys.map((key, index) => {
        const slot = slots[index] as number;
        return slot < 0 ? key : { type: key.type, values: [hexes[slot] as string] };
      });
      return JSON.stringify({ ...body, [listKey]: [{ ...wireEvent, matchKeys }] });
    }
  };
}

/**
 * Fails unless the floor does the same job as the action: its output equals the sent body, and each
 * hashed match key in that body is the SHA-256 (computed here with node:crypto) of its input.
 */
export async function checkFloor(event: BenchEvent, sentBody: string, floor: Floor): Promise<void> {
  const [wire] = (JSON.parse(sentBody) as Record<string, [WireEvent]>)[event.api === 'events' ? 'events' : 'eventData'] ?? [];
  if (wire === undefined) throw new Error(`${event.name}: the action sent no event`);
  for (const [type, input] of Object.entries(event.hashInputs)) {
    const sent = wire.matchKeys.find((key) => key.type === type)?.values[0];
    const expected = createHash('sha256').update(input, 'utf8').digest('hex');
    if (sent !== expected) throw new Error(`${event.name}: the action's ${type} hash is not SHA-256 of the expected normalised value`);
  }
  const floorBody = await floor.run();
  if (floorBody !== sentBody) throw new Error(`${event.name}: the floor does not produce the body the action sent`);
}
