/**
 * What users download and Adobe loads: every built library file, raw and gzipped, the package zip
 * Adobe's packager makes (written to a temporary directory, so the repository's own zip is left
 * alone), and what the action's bundle is made of, from esbuild's metafile of the same build.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import AdmZip from 'adm-zip';
import { build, type BuildOptions } from 'esbuild';
import { REPOSITORY_ROOT } from './action';

export interface FileSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundlePart {
  /** A source file, or an npm package (`node_modules/<name>`) with all its files. */
  readonly input: string;
  readonly bytes: number;
}

export interface SizeResults {
  readonly libraryFiles: readonly FileSize[];
  readonly packageZip: { readonly bytes: number; readonly entries: number };
  /** Largest contributors to the minified action, largest first. */
  readonly actionBundle: readonly BundlePart[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]
  );
}

function librarySizes(): FileSize[] {
  return filesUnder(join(REPOSITORY_ROOT, 'dist/lib'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const content = readFileSync(file);
      return { file: relative(REPOSITORY_ROOT, file), bytes: content.length, gzipBytes: gzipSync(content).length };
    });
}

/** Runs Adobe's packager (validator first) as `npm run package` does, into a temporary zip. */
function packageZip(): SizeResults['packageZip'] {
  const packager = createRequire(import.meta.url).resolve('@adobe/reactor-packager/tasks/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'bench-package-'));
  try {
    const zip = join(dir, 'package.zip');
    const result = spawnSync(process.execPath, [packager, '--out', zip], { cwd: REPOSITORY_ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`the packager failed: ${result.stderr || result.stdout}`);
    return { bytes: statSync(zip).size, entries: new AdmZip(zip).getEntries().length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface LibBuild {
  LIB_ENTRIES: Array<{ in: string; out: string }>;
  libBuildOptions: (entry: { in: string; out: string }) => BuildOptions;
}

async function actionBundle(): Promise<BundlePart[]> {
  // Imported by URL: the build script is plain JavaScript without type declarations.
  const { LIB_ENTRIES, libBuildOptions } = (await import(pathToFileURL(join(REPOSITORY_ROOT, 'scripts/build-lib.mjs')).href)) as LibBuild;
  const [entry] = LIB_ENTRIES;
  if (entry === undefined) throw new Error('scripts/build-lib.mjs lists no entries');
  const result = await build({ ...libBuildOptions(entry), absWorkingDir: REPOSITORY_ROOT, write: false, metafile: true });
  const parts = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = input.startsWith('node_modules/') ? input.split('/').slice(0, 2).join('/') : input;
      parts.set(name, (parts.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...parts].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes);
}

export async function measureSizes(): Promise<SizeResults> {
  return { libraryFiles: librarySizes(), packageZip: packageZip(), actionBundle: await actionBundle() };
}
