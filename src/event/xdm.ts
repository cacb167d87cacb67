/** Safe reads from the XDM event Adobe passes as `arc.event.xdm`, which may be partial or absent. */

/** The value at `path`, following own properties only, or undefined. */
export function readOwnPath(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A non-empty trimmed string at `path`, or undefined. */
export function readOwnText(root: unknown, path: readonly string[]): string | undefined {
  const value = readOwnPath(root, path);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}
