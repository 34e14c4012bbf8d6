// Rate-limit utilization: a bulk send through the Desk360 adapter against
// its emulator enforcing a scaled limit (60 per second). Targets: ≥ 97% of
// the allowed rate, zero 429 responses, every recipient sent exactly once.
import { createProvider, sendBulk } from 'wamux';
import { localTargets } from 'wamux/emulators';

export async function rateLimitUtilization(report, { quick }) {
  const count = quick ? 120 : 600;
  const limit = { requests: 60, interval: 1000 };
  const target = await localTargets.desk360({ rateLimit: limit });
  let throttled = 0;
  try {
    const provider = await createProvider({
      ...target.config,
      rateLimit: limit,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (response.status === 429) throttled += 1;
        return response;
      },
    });
    const recipients = Array.from({ length: count }, (_, i) => `+90555${String(1_000_000 + i).slice(1)}`);
    const started = process.hrtime.bigint();
    const summary = await sendBulk(provider, {
      recipients,
      concurrency: 16,
      message: (to) => ({ type: 'text', to, text: 'Rate-limit benchmark' }),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // The sustained rate, between the first and the last request the vendor
    // saw (start-up is not rate limiting): n requests at rate r span (n-1)/r s.
    const sends = target.emulator.requests().filter((r) => r.method === 'POST');
    const span = (sends.at(-1).at - sends[0].at) / 1000;
    const allowed = (count - 1) / (limit.requests / (limit.interval / 1000));
    const utilization = allowed / span;
    const perRecipient = new Map();
    for (const delivered of target.emulator.delivered()) perRecipient.set(delivered.message.to, (perRecipient.get(delivered.message.to) ?? 0) + 1);
    const exactlyOnce = recipients.every((to) => perRecipient.get(to) === 1) && perRecipient.size === count;
    report.add({
      suite: 'rate-limit utilization',
      case: `desk360: ${count} sends at 60/s`,
      measured: `${(utilization * 100).toFixed(1)}% of the allowed rate (${count} sends in ${seconds.toFixed(2)} s)`,
      baseline: `${throttled} × 429, ${summary.failed} failed, ${exactlyOnce ? 'each recipient exactly once' : 'NOT exactly once'}`,
      target: '≥ 97%, 0 × 429, exactly once',
      met: utilization >= 0.97 && throttled === 0 && summary.failed === 0 && exactlyOnce,
    });
    await provider.close();
  } finally {
    await target.emulator.close();
  }
}
