// Builds each edge library module into one self-contained CommonJS file at its manifest libPath.
// Web globals only: npm code (zod) is bundled in; nothing is left for a runtime `require`.
import { build } from 'esbuild';

const entries = [{ in: 'src/lib/actions/sendWebEvent.ts', out: 'dist/lib/actions/send-web-event.js' }];

for (const entry of entries) {
  await build({
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
  });
  console.log(`built ${entry.out}`);
}
