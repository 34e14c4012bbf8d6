import type { WebhookEvent } from '@wamux/core';
import { parseCommandLine, portFlag, type Command } from '../command';
import { errorLine } from '../errors';
import { describeEvent } from '../format';
import { note, out, untilInterrupted } from '../io';
import { startReceiver } from '../receiver';
import { SAMPLE_CUSTOMER } from '../samples';
import { openTarget } from '../target';
import { TARGET_OPTIONS, TARGET_USAGE } from '../target-flags';

const OPTIONS = { ...TARGET_OPTIONS, port: { type: 'string' }, host: { type: 'string' }, json: { type: 'boolean' }, raw: { type: 'boolean' } } as const;

const USAGE = `Usage: wamux listen [--port <n>] [--host <addr>] [--json] [--raw]

A webhook receiver: point the provider's webhook at the printed URL (any
path works) and each delivery is authenticated with the configured secret,
normalized and printed, one line per event. Deliveries that fail
verification or parsing are printed on stderr and answered 4xx; without a
configured secret every delivery is answered 500 until one is set (or
--set allowUnauthenticatedWebhooks=true opts out). Stops on Ctrl-C.

  --port <n>     Port to listen on (default 3000; 0 = any free port)
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
    const port = portFlag(values.port, 3000);
    const target = await openTarget(values);
    const print = (event: WebhookEvent) => {
      if (values.json) {
        const { raw, ...rest } = event;
        out(JSON.stringify(values.raw ? { ...rest, raw } : rest));
      } else {
        out(`${new Date().toISOString().slice(11, 19)}  ${event.provider}  ${describeEvent(event)}`);
      }
    };
    const receiver = await startReceiver(target.provider, { port, host: values.host ?? '127.0.0.1', onEvent: print, onError: (error) => note(errorLine(error)) }).catch(async (error: unknown) => {
      await target.close();
      throw error;
    });
    // Listen for Ctrl-C before anything is printed, so a caller that reacts to the output can stop us.
    const interrupted = untilInterrupted();
    try {
      note(`wamux listen: receiving ${target.name} webhooks on ${receiver.url} (Ctrl-C to stop)`);
      if (target.emulator) {
        await target.emulator.simulateInbound({ from: SAMPLE_CUSTOMER, profileName: 'Ada', content: { type: 'text', text: 'Hello from the built-in emulator 👋' } }, { webhookUrl: receiver.url });
      }
      await interrupted;
      return 0;
    } finally {
      await receiver.close();
      await target.close();
    }
  },
};
