// Builds each edge library module into one self-contained CommonJS file at its manifest libPath.
// Web globals only: npm code (zod) is bundled in; nothing is left for a runtime `require`.
// The benchmark imports the entries and options to analyse the same build with esbuild's metafile.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const LIB_ENTRIES = [{ in: 'src/lib/actions/sendWebEvent.ts', out: 'dist/lib/actions/send-web-event.js' }];

/** esbuild options for one entry; paths are relative to the repository root. */
export function libBuildOptions(entry) {
  return {
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    // Adobe's engine calls `module.exports` itself, so the default export must be the module.
    footer: { js: 'module.exports=module.exports.default;' },
    logLevel: 'warning'
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const entry of LIB_ENTRIES) {
    await build(libBuildOptions(entry));
    console.log(`built ${entry.out}`);
  }
}
