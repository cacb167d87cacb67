/** Writes extension.json from the field registry (src/fields). Run by `npm run build:manifest`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildManifest } from '../src/fields/manifest';

const root = new URL('../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
const text = `${JSON.stringify(buildManifest(version), null, 2)}\n`;
writeFileSync(new URL('extension.json', root), text);
console.log('extension.json written from the field registry');
