import { parseCommandLine, UsageError, type Command } from '../command';
import { out, outJson } from '../io';
import { loadQueue, QUEUE_OPTIONS, QUEUE_USAGE, queueConnection } from '../queue-flags';

const OPTIONS = {
  ...QUEUE_OPTIONS,
  json: { type: 'boolean' },
  key: { type: 'string' },
  job: { type: 'string' },
  delivered: { type: 'boolean' },
  'not-delivered': { type: 'boolean' },
  'message-id': { type: 'string' },
} as const;

const USAGE = `Usage: wamux outbox status [--json] [options]
       wamux outbox unknown [--json] [options]
       wamux outbox settle (--key <idempotency-key> | --job <job-id>) (--delivered [--message-id <id>] | --not-delivered) [options]

The durable outbox (@wamux/queue, docs/outbox.md): "status" counts its
messages by state (queued, sending, sent, dead_lettered, unknown, settled);
"unknown" lists the messages whose send may or may not have been delivered;
"settle" records what you found out about one of them (from the vendor's
console or the conversation history).

${QUEUE_USAGE}
  --json                  Print JSON`;

/** `wamux outbox`. */
export const outboxCommand: Command = {
  name: 'outbox',
  summary: 'Counts of the durable outbox by state; list and settle unknown sends',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseCommandLine(args, OPTIONS, 1);
    const action = positionals[0];
    if (action !== 'status' && action !== 'unknown' && action !== 'settle') throw new UsageError('say what to do: status, unknown or settle');
    const { connection, name } = queueConnection(values, process.env);
    const { createOutbox } = await loadQueue();
    const outbox = createOutbox({ connection, name, events: false });
    try {
      if (action === 'status') {
        const counts = await outbox.counts();
        if (values.json) outJson(counts);
        else for (const [state, count] of Object.entries(counts)) out(`${state.padEnd(14)} ${count}`);
        return 0;
      }
      if (action === 'unknown') {
        const entries = await outbox.listUnknown(1_000);
        if (values.json) outJson(entries);
        else
          for (const entry of entries)
            out(`${entry.jobId}  ${entry.message.to}  ${entry.idempotencyKey ?? '-'}  ${entry.failure?.code ?? ''}: ${entry.failure?.message ?? ''}`);
        return 0;
      }
      if ((values.key === undefined) === (values.job === undefined)) throw new UsageError('give --key <idempotency-key> or --job <job-id>');
      if (values.delivered === values['not-delivered']) throw new UsageError('give --delivered or --not-delivered');
      if (values['message-id'] !== undefined && !values.delivered) throw new UsageError('--message-id goes with --delivered');
      const ref = values.key !== undefined ? { idempotencyKey: values.key } : { jobId: values.job as string };
      const done = await outbox.settle(ref, values.delivered ? { delivered: true, messageId: values['message-id'] } : { delivered: false }, 'cli');
      out(done ? 'settled' : 'not settled: no unknown message with that key or id');
      return done ? 0 : 1;
    } finally {
      await outbox.close();
    }
  },
};
