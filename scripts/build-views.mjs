// Builds the configuration and action views into dist/view/ (the manifest's viewBasePath):
// one HTML page per view that loads Adobe's extension bridge, plus the bundled JS and CSS.
// Shared code (React, React Spectrum) is split into one chunk both views load. dist/view holds
// nothing else, because the packager zips everything under viewBasePath.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const OUT_DIR = 'dist/view';
const BRIDGE_URL = 'https://assets.adobedtm.com/activation/reactor/extensionbridge/extensionbridge.min.js';

/** Output name (relative to dist/view, without extension) → source entry. Matches extension.json's viewPaths. */
const VIEWS = [
  { out: 'configuration/configuration', entry: 'view/configuration/index.tsx', title: 'Amazon Web Events API configuration' },
  { out: 'actions/send-web-event', entry: 'view/actions/sendWebEvent/index.tsx', title: 'Send Amazon Web Events API Event' }
];

function page({ out, title }, hasCss) {
  const name = path.basename(out);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
${hasCss ? `    <link rel="stylesheet" href="./${name}.css" />\n` : ''}    <script src="${BRIDGE_URL}"></script>
    <script type="module" src="./${name}.js"></script>
  </head>
  <body>
    <div id="content"></div>
  </body>
</html>
`;
}

await rm(OUT_DIR, { recursive: true, force: true });
const result = await build({
  entryPoints: Object.fromEntries(VIEWS.map((view) => [view.out, view.entry])),
  outdir: OUT_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  chunkNames: 'shared/[name]-[hash]',
  platform: 'browser',
  target: ['chrome109', 'firefox115', 'safari15.4', 'edge109'],
  jsx: 'automatic',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning'
});

const outputs = Object.keys(result.metafile.outputs).map((file) => path.relative(OUT_DIR, file));
for (const view of VIEWS) {
  const hasCss = outputs.includes(`${view.out}.css`);
  await writeFile(path.join(OUT_DIR, `${view.out}.html`), page(view, hasCss));
}
console.log(`built ${VIEWS.length} views into ${OUT_DIR}/ (${outputs.length + VIEWS.length} files)`);
