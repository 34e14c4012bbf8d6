// Peer comparison: the Cloud API shaped bodies get.chat delivers, ingested by
// @wamux/getchat (verify + JSON.parse + validate + normalize + emit every item,
// through createWebhookHandler) and by whatsapp-api-js's webhook `post` path
// (signature check off; it is handed the raw body's JSON.parse, which it needs
// and does not do itself, and it reads the first item of a batch only).
// Target: wamux faster than the peer while doing more.
import { createWebhookHandler, webhookRequest } from '@wamux/core';
import { createGetchatProvider } from '@wamux/getchat';
import { WhatsAppAPI } from 'whatsapp-api-js';
import { cloudApiBatch, cloudApiSingle } from '../bodies/cloud-api.mjs';
import { compare, formatNs } from '../lib/measure.mjs';

export async function peerComparison(report, { quick }) {
  const provider = createGetchatProvider({ baseUrl: 'https://bench.inbox.getchat.invalid/api/v1', token: 'bench-token', rateLimit: false });
  const handler = createWebhookHandler(provider, { dedupe: false });
  let wamuxEvents = 0;
  handler.on('message', () => {
    wamuxEvents += 1;
  });
  const peer = new WhatsAppAPI({ token: 'bench-token', secure: false, v: 'v23.0' });
  let peerEvents = 0;
  peer.on.message = () => {
    peerEvents += 1;
  };

  for (const [name, body] of [
    ['single message', cloudApiSingle()],
    ['100-message batch', cloudApiBatch(100)],
  ]) {
    const raw = JSON.stringify(body);
    const request = webhookRequest({ url: 'https://app.example/webhooks', body: raw });
    const result = await compare(
      () => handler.handle(request),
      () => peer.post(JSON.parse(raw), raw),
      { iterations: quick ? 200 : 2000, repeats: quick ? 5 : 15 },
    );
    report.add({
      suite: 'peer comparison',
      case: `get.chat Cloud API body, ${name}`,
      measured: `${formatNs(result.a)} (${name.startsWith('100') ? '100 events emitted' : '1 event'})`,
      baseline: `${formatNs(result.b)} whatsapp-api-js (${name.startsWith('100') ? 'first item only' : '1 event'})`,
      ratio: result.ratio,
      target: '< 1× (faster)',
      met: result.ratio < 1,
    });
  }
  if (wamuxEvents === 0 || peerEvents === 0) throw new Error('peer comparison: a side emitted no events; the bodies are wrong');
}
