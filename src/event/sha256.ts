/** SHA-256 with the web platform's crypto.subtle (the edge has no Node crypto). */

const encoder = new TextEncoder();
/** Two lower-case hex digits for every byte value, so a digest is written with 32 lookups. */
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Lower-case hex SHA-256 of the UTF-8 text. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += HEX_BYTES[byte] as string;
  return hex;
}

/** A value that is already a SHA-256 digest: exactly 64 hex characters, any case. */
export function isSha256Hex(value: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(value);
}
