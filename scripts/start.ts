/**
 * `npm start` (after `npm run build`): the Amazon stand-in and Adobe's own sandbox
 * (`@adobe/reactor-sandbox`) on 127.0.0.1, the bundled example events sent through the sandbox's
 * `POST /process-edge-request`, and for each one the rule status, the request Amazon received and
 * Amazon's answer. Then it keeps running for your own events and the views, until Ctrl-C.
 * `--once` exits after the examples. Works offline: nothing leaves the machine.
 */
import { relative } from 'node:path';
import { startAmazonStandIn, type AmazonStandIn } from './amazon-stand-in';
import { loadExtensionDescriptors, moduleDescriptors } from './engine/container';
import {
  BUNDLED_EXAMPLES,
  NORTH_AMERICA_PROPERTY,
  readEdgeRequest,
  readPropertyFile,
  repositoryPath,
  withEventTimestamp,
  type PropertyFile
} from './engine/examples';
import { REPOSITORY_ROOT, ruleStashReader } from './engine/harness';
import { exchangeFromStandIn, formatEventReport, formatExchange, runsFromSandboxAnswer } from './engine/report';
import { validatePropertySettings } from './engine/validateSettings';
import { sandboxContainerSource, writeSandboxContainer } from './sandbox/containerFile';
import {
  assertSandboxPortsFree,
  postEdgeRequest,
  SANDBOX_URL,
  startSandboxProcess,
  waitForSandbox,
  type RunningSandbox
} from './sandbox/sandbox';

const once = process.argv.includes('--once');

function describeProperty(file: string, property: PropertyFile): string {
  const settings = property.extensions['amazon-web-events-api']?.settings ?? {};
  const region = typeof settings.region === 'string' ? settings.region : 'NA';
  const api = typeof settings.api === 'string' ? settings.api : 'events';
  return `${relative(REPOSITORY_ROOT, file)} (region ${region}, ${api} API)`;
}

function curlExample(): string {
  const body = {
    header: { httpHeaders: { 'x-request-id': 'my-first-event' } },
    body: {
      xdm: { _id: 'my-event-1', timestamp: new Date().toISOString(), placeContext: { geo: { countryCode: 'US' } } },
      data: { eventName: 'Purchase', customer: { email: 'user@example.com' } }
    }
  };
  return `curl -s -X POST ${SANDBOX_URL}/process-edge-request -H 'Content-Type: application/json' -d '${JSON.stringify(body)}'`;
}

async function main(): Promise<void> {
  await assertSandboxPortsFree();
  const extensions = loadExtensionDescriptors(REPOSITORY_ROOT);
  const modules = moduleDescriptors(extensions);
  const properties = new Map<string, PropertyFile>();
  for (const file of new Set([NORTH_AMERICA_PROPERTY, ...BUNDLED_EXAMPLES.map((example) => example.property)])) {
    const property = readPropertyFile(repositoryPath(file));
    validatePropertySettings(property, extensions, modules);
    properties.set(file, property);
  }
  const useProperty = (file: string): PropertyFile => {
    const property = properties.get(file) as PropertyFile;
    writeSandboxContainer(REPOSITORY_ROOT, sandboxContainerSource(property, extensions, file));
    return property;
  };

  let printArrivals = false;
  const standIn: AmazonStandIn = await startAmazonStandIn({
    onRequest: (record) => {
      if (printArrivals) console.log(`\n${formatExchange(exchangeFromStandIn(record))}`);
    }
  });
  let sandbox: RunningSandbox | undefined;
  let stopping = false;
  const stop = async (): Promise<void> => {
    stopping = true;
    await sandbox?.stop();
    await standIn.close();
  };
  const stopOnSignal = (): void => {
    console.log('\nStopping the sandbox and the Amazon stand-in.');
    void stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  try {
    useProperty(NORTH_AMERICA_PROPERTY);
    const secrets = Object.assign({}, ...[...properties.values()].map((property) => property.env ?? {})) as Record<string, string>;
    let ready = false;
    sandbox = startSandboxProcess({
      root: REPOSITORY_ROOT,
      standInUrl: standIn.url,
      secrets,
      onOutput: (line) => {
        if (ready && !/^Extension sandbox running at/.test(line)) console.log(`[sandbox] ${line}`);
      }
    });
    const running = sandbox;
    running.process.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`Adobe's sandbox stopped unexpectedly (${code === null ? `signal ${String(signal)}` : `exit code ${code}`}):\n${running.output.slice(-20).join('\n')}`);
      void standIn.close().then(() => process.exit(1));
    });
    await waitForSandbox(running);
    ready = true;
    console.log(`Adobe's sandbox is running at ${SANDBOX_URL}; the Amazon stand-in at ${standIn.url}.`);
    console.log('Sending the example events through POST /process-edge-request (xdm.timestamp set to now where the file has none, as the Web SDK does).\n');

    for (const example of BUNDLED_EXAMPLES) {
      const property = useProperty(example.property);
      const ruleStashOf = ruleStashReader(property, modules);
      const ruleNames = new Map(property.rules.map((rule) => [rule.id, rule.name]));
      const before = standIn.requests.length;
      const answer = await postEdgeRequest(withEventTimestamp(readEdgeRequest(repositoryPath(example.file))));
      console.log(
        formatEventReport({
          title: `${example.title}\n  ${example.file} → property ${describeProperty(repositoryPath(example.property), property)}`,
          runs: runsFromSandboxAnswer(answer, ruleNames, ruleStashOf),
          exchanges: standIn.requests.slice(before).map(exchangeFromStandIn)
        })
      );
      console.log('');
    }
    const defaultProperty = useProperty(NORTH_AMERICA_PROPERTY);

    if (once) {
      await stop();
      return;
    }
    printArrivals = true;
    console.log(
      [
        `The sandbox keeps running with ${describeProperty(repositoryPath(NORTH_AMERICA_PROPERTY), defaultProperty)}.`,
        `Views (configuration and action, in Adobe's view sandbox): ${SANDBOX_URL}/`,
        'Post your own event (the answer holds each rule\'s status and trace; what Amazon receives is printed here):',
        `  ${curlExample()}`,
        `Or post a file: curl -s -X POST ${SANDBOX_URL}/process-edge-request -H 'Content-Type: application/json' -d @my-event.json`,
        '  (shaped like examples/purchase.json, with an xdm.timestamp: npm start adds one to the bundled examples, the sandbox does not)',
        'Press Ctrl-C to stop.'
      ].join('\n')
    );
  } catch (error) {
    await stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
