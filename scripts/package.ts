/**
 * Packages the extension for upload with Adobe's own packager (`npm run package` builds first).
 * The packager runs @adobe/reactor-validator on extension.json, then zips extension.json, every
 * file under viewBasePath and every libPath into package-<name>-<version>.zip at the repo root.
 * Extra arguments go to the packager (`--dry-run -v`, `--out <dir or file.zip>`).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const packagerBin = createRequire(import.meta.url).resolve('@adobe/reactor-packager/tasks/index.js');

// The packager reads ./extension.json and resolves every path against its working directory.
const result = spawnSync(process.execPath, [packagerBin, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (result.error) throw result.error;
process.exitCode = result.status ?? 1;
