/**
 * `scripts/package.ts` produces the zip Adobe accepts: exactly extension.json, the icon, the built
 * views and the built library module, nothing else (no sources, tests, node_modules or source maps), every
 * view asset referenced by its page, and an extension.json that @adobe/reactor-validator accepts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICON_PATH, SEND_WEB_EVENT_LIB_PATH, VIEW_BASE_PATH } from '../../src/fields/manifest';

const require = createRequire(import.meta.url);
const validateExtension = require('@adobe/reactor-validator') as (manifest: unknown) => string | undefined;
const tsxCli = require.resolve('tsx/cli');

const outDir = mkdtempSync(path.join(tmpdir(), 'amazon-web-events-package-'));
const zipFile = path.join(outDir, 'extension.zip');
let packagerOutput = '';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.posix.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

beforeAll(() => {
  for (const file of [SEND_WEB_EVENT_LIB_PATH, `${VIEW_BASE_PATH}configuration/configuration.html`]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first (npm test and npm run package build it).`);
  }
  const result = spawnSync(process.execPath, [tsxCli, 'scripts/package.ts', '--out', zipFile], { encoding: 'utf8' });
  packagerOutput = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`scripts/package.ts failed (exit ${String(result.status)}):\n${packagerOutput}`);
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the packaged extension', () => {
  it('holds exactly extension.json, the icon, the built views and the library module', () => {
    const entries = new AdmZip(zipFile)
      .getEntries()
      .map((entry) => entry.entryName)
      .sort();
    const expected = ['extension.json', ICON_PATH, SEND_WEB_EVENT_LIB_PATH, ...filesUnder(VIEW_BASE_PATH.replace(/\/$/, ''))].sort();
    expect(entries).toEqual(expected);
    expect(entries.filter((entry) => /\.(map|ts|tsx)$|node_modules|^src\/|^test\/|^view\//.test(entry))).toEqual([]);
    expect(packagerOutput).toContain(`wrote archive (${expected.length} files)`);
  });

  it('ships only view files the pages use: each page loads the bridge and its assets, each script its chunks', () => {
    const zip = new AdmZip(zipFile);
    const viewFiles = zip
      .getEntries()
      .map((entry) => entry.entryName)
      .filter((name) => name.startsWith(VIEW_BASE_PATH));
    const referenced = new Set<string>();
    const follow = (from: string, specifier: string) => {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
      expect(viewFiles, `${from} refers to ${specifier}`).toContain(target);
      if (!referenced.has(target)) {
        referenced.add(target);
        if (target.endsWith('.js')) scan(target);
      }
    };
    const scan = (file: string) => {
      const text = zip.readAsText(file);
      for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+\.js)"/g)) follow(file, specifier ?? '');
    };
    for (const page of viewFiles.filter((name) => name.endsWith('.html'))) {
      referenced.add(page);
      const html = zip.readAsText(page);
      expect(html).toContain('<script src="https://assets.adobedtm.com/activation/reactor/extensionbridge/extensionbridge.min.js"></script>');
      for (const [, asset] of html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)) follow(page, asset ?? '');
    }
    expect([...referenced].sort()).toEqual([...viewFiles].sort());
  });

  it('has an extension.json that Adobe\u2019s validator accepts', () => {
    const manifest: unknown = JSON.parse(new AdmZip(zipFile).readAsText('extension.json'));
    expect(manifest).toEqual(JSON.parse(readFileSync('extension.json', 'utf8')));
    expect(validateExtension(manifest)).toBeUndefined();
  });
});
