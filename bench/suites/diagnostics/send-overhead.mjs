// Diagnostic, no target: provider.send() of a text message against the
// adapter's emulator (rate limiting off), beside a raw fetch of the very same
// request (URL, method, headers, body, captured from wamux itself), at
// concurrency 1 (median latency) and 64 (throughput). Sender and emulator
// share this process, so it shows the client's fixed cost per request, not
// what an app sustains; that is row 2.
import { createProvider } from 'wamux';
import { localTargets } from 'wamux/emulators';
import { median } from '../../lib/stats.mjs';

const MESSAGE = { type: 'text', to: '+905551112233', text: 'Your order #1001 has shipped' };

async function captureRequest(config) {
  let captured;
  const provider = await createProvider({
    ...config,
    rateLimit: false,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const type = request.headers.get('content-type') ?? '';
      // A multipart body is rebuilt as FormData on every raw send, as an app
      // calling fetch itself would have to; JSON is sent as the same string.
      const form = type.startsWith('multipart/form-data') ? [...(await request.clone().formData())] : undefined;
      const headers = [...request.headers].filter(([name]) => !(form && name === 'content-type'));
      captured = { url: request.url, method: request.method, headers, body: form ? undefined : await request.clone().text(), form };
      return fetch(request);
    },
  });
  await provider.send(MESSAGE);
  await provider.close();
  return captured;
}

function formOf(entries) {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

async function latency(fn, n) {
  const times = [];
  for (let i = 0; i < n; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

async function throughput(fn, total, concurrency) {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        await fn();
      }
    }),
  );
  return total / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Runs the send-overhead diagnostic for `providers`; adds its rows to `report`. */
export async function sendOverhead(report, { quick, providers }) {
  for (const name of providers) {
    const target = await localTargets[name]({ rateLimit: false });
    try {
      const provider = await createProvider({ ...target.config, rateLimit: false });
      const raw = await captureRequest(target.config);
      const rawSend = async () => {
        const body = raw.form ? formOf(raw.form) : raw.body;
        const response = await fetch(raw.url, { method: raw.method, headers: raw.headers, body });
        if (!response.ok) throw new Error(`raw send failed: HTTP ${response.status}`);
        // An app reads the message id from the answer: parse it, as wamux does.
        await response.json();
      };
      const wamuxSend = () => provider.send(MESSAGE);
      const n = quick ? 100 : 600;
      // Warm both paths (JIT, keep-alive sockets).
      await latency(wamuxSend, 50);
      await latency(rawSend, 50);
      const rounds = quick ? 2 : 7;
      const latencies = [];
      for (let r = 0; r < rounds; r += 1) {
        const w = await latency(wamuxSend, n / rounds);
        const b = await latency(rawSend, n / rounds);
        latencies.push({ w, b, ratio: w / b });
      }
      const ratio = median(latencies.map((l) => l.ratio));
      report.add({
        section: 'diagnostic',
        suite: 'send overhead (in process)',
        case: `${name}: latency, concurrency 1`,
        measured: `${median(latencies.map((l) => l.w)).toFixed(3)} ms`,
        baseline: `${median(latencies.map((l) => l.b)).toFixed(3)} ms raw fetch`,
        ratio,
      });
      const total = quick ? 320 : 3200;
      const tputs = [];
      for (let r = 0; r < (quick ? 1 : 5); r += 1) {
        const w = await throughput(wamuxSend, total, 64);
        const b = await throughput(rawSend, total, 64);
        tputs.push({ w, b, ratio: w / b });
      }
      const tratio = median(tputs.map((t) => t.ratio));
      report.add({
        section: 'diagnostic',
        suite: 'send overhead (in process)',
        case: `${name}: throughput, concurrency 64`,
        measured: `${median(tputs.map((t) => t.w)).toFixed(0)} msg/s`,
        baseline: `${median(tputs.map((t) => t.b)).toFixed(0)} msg/s raw fetch`,
        ratio: tratio,
      });
      await provider.close();
    } finally {
      await target.emulator.close();
    }
  }
}
