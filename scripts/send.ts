/**
 * `npm run send -- <event.json> [--config <property.json>] [--live]`: one event through Adobe's
 * engine (the engine harness, no server), printed like `npm start` prints it. The event is a sandbox
 * `/process-edge-request` body (see examples/); the property defaults to the one the bundled example
 * runs against, else examples/properties/north-america.json.
 *
 * Without `--live` Amazon is the in-process stand-in. With `--live` the request goes to Amazon for
 * real, with credentials from AMAZON_* environment variables (see ./engine/liveProperty.ts).
 * Exits 1 when a rule failed.
 */
import { relative } from 'node:path';
import { startAmazonStandIn, type AmazonStandIn } from './amazon-stand-in';
import { defaultPropertyFor, readEdgeRequest, readPropertyFile, withEventTimestamp } from './engine/examples';
import { createEngineHarness, REPOSITORY_ROOT, type HarnessOptions } from './engine/harness';
import { liveRun } from './engine/liveProperty';
import { exchangeFromStandIn, exchangesFromTraces, formatEventReport } from './engine/report';
import { standInRouter } from './engine/routing';

const USAGE = 'Usage: npm run send -- <event.json> [--config <property.json>] [--live]';

function parseArguments(args: readonly string[]): { eventFile: string; configFile?: string; live: boolean } {
  let eventFile: string | undefined;
  let configFile: string | undefined;
  let live = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--live') live = true;
    else if (arg === '--config') {
      configFile = args[index + 1];
      if (!configFile) throw new Error(`--config needs a property file.\n${USAGE}`);
      index += 1;
    } else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}.\n${USAGE}`);
    else if (eventFile) throw new Error(`One event at a time.\n${USAGE}`);
    else eventFile = arg;
  }
  if (!eventFile) throw new Error(USAGE);
  return { eventFile, ...(configFile ? { configFile } : {}), live };
}

async function main(): Promise<void> {
  const { eventFile, configFile, live } = parseArguments(process.argv.slice(2));
  const request = withEventTimestamp(readEdgeRequest(eventFile));
  const propertyFile = configFile ?? defaultPropertyFor(eventFile);
  const property = readPropertyFile(propertyFile);
  const title = `${relative(process.cwd(), eventFile)} → property ${relative(REPOSITORY_ROOT, propertyFile)}${live ? ' (live: Amazon for real)' : ' (Amazon stand-in)'}`;

  let standIn: AmazonStandIn | undefined;
  let options: HarnessOptions;
  if (live) {
    const run = liveRun(property, process.env);
    options = { property: run.property, env: run.env, fetch: globalThis.fetch };
  } else {
    standIn = await startAmazonStandIn();
    options = { property, env: property.env ?? {}, fetch: standIn.fetch, globalFetch: standInRouter(standIn.url) };
  }
  try {
    const runs = await createEngineHarness(options).execute(request);
    const exchanges = standIn ? standIn.requests.map(exchangeFromStandIn) : runs.flatMap((run) => exchangesFromTraces(run.logs));
    console.log(formatEventReport({ title, runs, exchanges }));
    if (runs.some((run) => run.status === 'failed')) process.exitCode = 1;
  } finally {
    await standIn?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
