import type { WebhookEvent, WebhookOutcome } from '@wamux/core/adapter';
import { parseCommandLine, portFlag, type Command } from '../command';
import { errorLine } from '../errors';
import { describeEvent } from '../format';
import { note, out, untilInterrupted } from '../io';
import { explainBusyPort, LISTEN_DEFAULT_PORT } from '../ports';
import { startReceiver } from '../receiver';
import { SAMPLE_CUSTOMER } from '../samples';
import { REDIS_URL_VARIABLE } from '../../shared-stores';
import { openTarget } from '../target';
import { TARGET_OPTIONS, TARGET_USAGE } from '../target-flags';

const OPTIONS = { ...TARGET_OPTIONS, port: { type: 'string' }, host: { type: 'string' }, json: { type: 'boolean' }, raw: { type: 'boolean' } } as const;

const USAGE = `Usage: wamux listen [--port <n>] [--host <addr>] [--json] [--raw]

A webhook receiver: point the provider's webhook at the printed URL (any
path works) and each delivery is authenticated with the configured secret,
normalized and printed, one line per event; how each delivery was
answered (status, events processed, failed and skipped as duplicates) is
printed on stderr. Deliveries that fail
verification or parsing are printed on stderr and answered 4xx; without a
configured secret every delivery is answered 500 until one is set (or
--set allowUnauthenticatedWebhooks=true opts out). With WAMUX_REDIS_URL set,
de-duplication and status order are kept in Redis, shared by every
receiver. Stops on Ctrl-C.

  --port <n>     Port to listen on (default ${LISTEN_DEFAULT_PORT}; 0 = any free port)
  --host <addr>  Interface (default 127.0.0.1; 0.0.0.0 to accept from a tunnel or LAN)
  --json         Print each normalized event as one JSON line
  --raw          With --json, keep the vendor's raw payload in each event

With no provider configured, the built-in memory emulator posts one sample
customer message to the receiver so you see the output format.

${TARGET_USAGE}`;

/** `wamux listen`. */
export const listenCommand: Command = {
  name: 'listen',
  summary: 'Receive webhooks and print normalized events (pretty or JSON lines)',
  usage: USAGE,
  async run(args) {
    const { values } = parseCommandLine(args, OPTIONS);
    const port = portFlag(values.port, LISTEN_DEFAULT_PORT);
    const host = values.host ?? '127.0.0.1';
    const target = await openTarget(values);
    const print = (event: WebhookEvent) => {
      if (values.json) {
        const { raw, ...rest } = event;
        out(JSON.stringify(values.raw ? { ...rest, raw } : rest));
      } else {
        out(`${new Date().toISOString().slice(11, 19)}  ${event.provider}  ${describeEvent(event)}`);
      }
    };
    const onDelivery = (outcome: WebhookOutcome) => note(`${new Date().toISOString().slice(11, 19)}  ${target.name}  ${describeDelivery(outcome)}`);
    // Behind a load balancer every receiver shares one record of what was processed.
    const redisUrl = process.env[REDIS_URL_VARIABLE] || undefined;
    const shared = redisUrl === undefined ? undefined : await (await import('@wamux/redis')).connectRedisStores(redisUrl);
    const receiver = await startReceiver(target.provider, {
      port,
      host,
      onEvent: print,
      onError: (error) => note(errorLine(error)),
      onDelivery,
      stores: shared,
    }).catch(async (error: unknown) => {
      await target.close();
      await shared?.close();
      throw explainBusyPort(error, port, host);
    });
    // Listen for Ctrl-C before anything is printed, so a caller that reacts to the output can stop us.
    const interrupted = untilInterrupted();
    try {
      note(
        `wamux listen: receiving ${target.name} webhooks on ${receiver.url}${shared ? ` (dedupe and status order shared through ${REDIS_URL_VARIABLE})` : ''} (Ctrl-C to stop)`,
      );
      if (target.emulator) {
        await target.emulator.simulateInbound(
          { from: SAMPLE_CUSTOMER, profileName: 'Ada', content: { type: 'text', text: 'Hello from the built-in emulator 👋' } },
          { webhookUrl: receiver.url },
        );
      }
      await interrupted;
      return 0;
    } finally {
      await receiver.close();
      await target.close();
      await shared?.close();
    }
  },
};

/** One line saying how a delivery was answered: `delivery answered 200: 1 processed, 1 duplicate`. */
export function describeDelivery(outcome: WebhookOutcome): string {
  const parts = [`${outcome.events.length} processed`];
  if (outcome.failed.length > 0) parts.push(`${outcome.failed.length} failed`);
  if (outcome.duplicates > 0) parts.push(`${outcome.duplicates} duplicate${outcome.duplicates === 1 ? '' : 's'}`);
  if (outcome.inFlight > 0) parts.push(`${outcome.inFlight} in flight elsewhere`);
  const why = outcome.error === undefined ? '' : ` (${outcome.error.code})`;
  return `delivery answered ${outcome.status}: ${parts.join(', ')}${why}`;
}
