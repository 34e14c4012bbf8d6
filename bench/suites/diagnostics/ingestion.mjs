// Diagnostic, no target: the in-process cost of one delivery through
// `createWebhookHandler(...).handle` (verify + JSON.parse + validate +
// normalize + emit, dedupe off, a synchronous listener), per adapter, on
// the request its emulator sends, one message and 100 items, beside
// `JSON.parse` of the same body. It says where the endpoint's time goes;
// what users feel is row 1.
import { createWebhookHandler } from '@wamux/core';
import { createProvider } from 'wamux';
import { localTargets } from 'wamux/emulators';
import { captureInbound } from '../../bodies/capture.mjs';
import { deliveryTemplate } from '../../bodies/deliveries.mjs';
import { compare } from '../../lib/measure.mjs';
import { formatNs } from '../../lib/stats.mjs';

/** Runs the ingestion diagnostic for `providers`; adds its rows to `report`. */
export async function ingestion(report, { quick, providers }) {
  for (const name of providers) {
    const target = await localTargets[name]({ rateLimit: false });
    try {
      const provider = await createProvider({ ...target.config, rateLimit: false });
      const handler = createWebhookHandler(provider, { dedupe: false });
      let emitted = 0;
      handler.on('message', () => {
        emitted += 1;
      });
      const captured = await captureInbound(target.emulator);
      for (const items of [1, 100]) {
        const template = deliveryTemplate(name, captured, items);
        const request = { method: 'POST', url: `http://127.0.0.1${template.path}`, headers: template.headers, body: template.body(1) };
        emitted = 0;
        const outcome = await handler.handle(request);
        if (outcome.status !== 200 || emitted !== items)
          throw new Error(`${name}, ${items} item(s): answered ${outcome.status}, emitted ${emitted} of ${items}`);
        const single = items === 1;
        const result = await compare(
          () => handler.handle(request),
          () => JSON.parse(request.body),
          { iterations: quick ? (single ? 500 : 50) : single ? 5000 : 500, repeats: quick ? 5 : 15 },
        );
        report.add({
          section: 'diagnostic',
          suite: 'ingestion (in process)',
          case: `${name}: ${single ? 'single message' : '100-item delivery'}`,
          measured: formatNs(result.a),
          baseline: `${formatNs(result.b)} JSON.parse`,
          ratio: result.ratio,
        });
      }
      await provider.close();
    } finally {
      await target.emulator.close();
    }
  }
}
