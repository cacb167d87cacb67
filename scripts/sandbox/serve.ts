/**
 * The sandbox process: Adobe's `@adobe/reactor-sandbox` run task, started directly (its CLI runs
 * `npm view` at start-up and fails offline), after ./preload.ts has bound it to loopback and routed
 * its outgoing calls to the Amazon stand-in. Started by scripts/start.ts; cwd is the repository.
 */
import './preload';
import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);
const run = requireFromHere('@adobe/reactor-sandbox/src/tasks/run') as () => Promise<void>;
run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
