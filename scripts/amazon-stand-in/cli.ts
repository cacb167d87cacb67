/**
 * Runs the Amazon stand-in on its own: `tsx scripts/amazon-stand-in/cli.ts [--port N]`.
 * Prints its URL, then every request as it is answered (hashes only, no secrets). Ctrl-C stops it.
 */
import { startAmazonStandIn } from './index';
import { describeRequest, describeTokenRequest } from './log-view';

function readPort(args: readonly string[]): number {
  const flag = args.indexOf('--port');
  if (flag === -1) return 0;
  const port = Number(args[flag + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error('Usage: tsx scripts/amazon-stand-in/cli.ts [--port N]   (N from 0 to 65535; 0 picks a free port)');
  }
  return port;
}

async function main(): Promise<void> {
  const standIn = await startAmazonStandIn({
    port: readPort(process.argv.slice(2)),
    onRequest: (request) => console.log(describeRequest(request)),
    onTokenRequest: (request) => console.log(describeTokenRequest(request))
  });
  console.log(`Amazon stand-in listening on ${standIn.url}`);
  console.log(`  Events API:  POST ${standIn.url}/advertising-api.amazon.com/adsApi/v1/create/events   (-eu / -fe hosts too)`);
  console.log(`  v1 API:      POST ${standIn.url}/advertising-api.amazon.com/events/v1`);
  console.log(`  LWA tokens:  POST ${standIn.url}/api.amazon.com/auth/o2/token   (api.amazon.co.uk, api.amazon.co.jp)`);
  const stop = (): void => {
    standIn.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
