// Webhook ingestion, per adapter: verify + JSON.parse + validate + normalize
// + emit (createWebhookHandler.handle, dedupe off) of a typical single-message
// body and of a 100-item batch, against the floor of JSON.parse alone on the
// same bodies. Target: at most 2× the JSON.parse time.
import { createWebhookHandler } from '@wamux/core';
import { createProvider } from 'wamux';
import { localTargets } from 'wamux/emulators';
import { batchOf } from '../bodies/batches.mjs';
import { captureInbound, startSink } from '../bodies/capture.mjs';
import { compare, formatNs } from '../lib/measure.mjs';

export async function webhookIngestion(report, { quick, providers }) {
  for (const name of providers) {
    // A fresh sink per provider: a pooled keep-alive connection left idle
    // through a long measurement can be closed under the next capture.
    const sink = await startSink();
    try {
      const target = await localTargets[name]({ rateLimit: false });
      try {
        const provider = await createProvider({ ...target.config, rateLimit: false });
        const handler = createWebhookHandler(provider, { dedupe: false });
        let emitted = 0;
        handler.on('message', () => {
          emitted += 1;
        });
        handler.on('error', (error) => {
          throw error;
        });
        const single = await captureInbound(target.emulator, sink);
        for (const [label, request, items] of [
          ['single message', single, 1],
          ['100-item batch', batchOf(name, single, 100), 100],
        ]) {
          emitted = 0;
          const outcome = await handler.handle(request);
          if (outcome.status !== 200 || emitted !== items) throw new Error(`${name} ${label}: answered ${outcome.status}, emitted ${emitted} of ${items}`);
          const result = await compare(
            () => handler.handle(request),
            () => JSON.parse(request.body),
            { iterations: quick ? (items === 1 ? 500 : 50) : items === 1 ? 5000 : 500, repeats: quick ? 5 : 15 },
          );
          report.add({
            suite: 'webhook ingestion',
            case: `${name}: ${label}`,
            measured: formatNs(result.a),
            baseline: `${formatNs(result.b)} JSON.parse`,
            ratio: result.ratio,
            target: '≤ 2×',
            met: result.ratio <= 2,
          });
        }
        await provider.close();
      } finally {
        await target.emulator.close();
      }
    } finally {
      await sink.close();
    }
  }
}
