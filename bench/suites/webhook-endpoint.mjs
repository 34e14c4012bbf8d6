// Row 1, the webhook endpoint over real HTTP. Per adapter and per delivery
// size (one message, 100 items), each endpoint runs in its own process
// (bench/children/endpoint.mjs) and this process generates the load:
//   - at saturation (autocannon, keep-alive connections): deliveries per
//     second and p50/p99 latency, wamux beside a bare node:http handler
//     (read, JSON.parse, 200) and, on get.chat's Cloud API bodies,
//     beside whatsapp-api-js's node:http middleware with signature checks;
//   - at a fixed 1,000 deliveries per second (open loop): p50/p99 latency.
// Every delivery carries fresh message ids (the default dedupe store would
// otherwise answer "duplicate" without running the listener) and the
// vendor's authentication (wamux: the secret the adapter is configured
// with; whatsapp-api-js: Meta's X-Hub-Signature-256).
import { setTimeout as sleep } from 'node:timers/promises';
import { localTargets } from 'wamux/emulators';
import { captureInbound } from '../bodies/capture.mjs';
import { deliverySource, deliveryTemplate } from '../bodies/deliveries.mjs';
import { startChild } from '../lib/children.mjs';
import { paced, saturate } from '../lib/load.mjs';
import { formatCount, formatMs, median } from '../lib/stats.mjs';

const APP_SECRET = 'bench-meta-app-secret';
const PACED_RATE = 1_000;
const CONNECTIONS = 16;
// The paced run stops sending while this many deliveries are unanswered: an
// endpoint that cannot keep up is reported, not buried under a growing queue.
const PACED_MAX_IN_FLIGHT = 256;

/** How many events an endpoint's listener stores per delivery of `items` messages. */
function storedPerDelivery(kind, items) {
  if (kind === 'bare') return 0;
  // whatsapp-api-js hands its listener the first message of a delivery only.
  return kind === 'whatsapp-api-js' ? 1 : items;
}

/** The endpoint process's counters: events stored, handler errors, CPU time, its clock. */
async function stats(endpoint) {
  return endpoint.child.ask('stats');
}

/** CPU use of the endpoint's process between two `stats` answers, as a share of one core. */
function cpuShare(before, after) {
  const cpu = after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;
  return cpu / 1000 / (after.at - before.at);
}

/** Sends one delivery and checks the answer and the listener: a failure here is a broken harness, not a slow endpoint. */
async function preflight(endpoint, template) {
  const before = await stats(endpoint);
  const delivery = endpoint.source.next();
  const response = await fetch(`${endpoint.url}${delivery.path}`, { method: 'POST', headers: delivery.headers, body: delivery.body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${endpoint.label}: a well-formed delivery was answered ${response.status}: ${text.slice(0, 200)}`);
  const expected = storedPerDelivery(endpoint.kind, template.items);
  // A handler that acknowledges before its listeners finish stores a moment later.
  for (let i = 0; i < 50; i += 1) {
    const now = await stats(endpoint);
    if (now.stored - before.stored >= expected) return;
    await sleep(20);
  }
  throw new Error(`${endpoint.label}: the listener did not store the ${expected} event(s) of one delivery`);
}

/** Starts the endpoints to compare for `provider`, side by side (all or none). */
async function startEndpoints(provider, config) {
  const kinds = [
    ['wamux', { kind: 'wamux', config }],
    ['bare', { kind: 'bare' }],
    ...(provider === 'getchat' ? [['whatsapp-api-js', { kind: 'whatsapp-api-js', appSecret: APP_SECRET }]] : []),
  ];
  const started = await Promise.allSettled(kinds.map(([, spec]) => startChild('endpoint.mjs', spec)));
  const children = started.filter((s) => s.status === 'fulfilled').map((s) => s.value);
  const failure = started.find((s) => s.status === 'rejected');
  if (failure) {
    await Promise.all(children.map((child) => child.close()));
    throw failure.reason;
  }
  return kinds.map(([kind], i) => {
    const child = started[i].value;
    return { kind, label: `${provider} endpoint (${kind})`, child, url: `http://127.0.0.1:${child.ready.port}` };
  });
}

/** Saturation rounds over `endpoints`, rotating which goes first; returns per-endpoint runs. */
async function saturationRounds(endpoints, { warm, seconds, rounds }) {
  for (const endpoint of endpoints) await saturate({ url: endpoint.url, source: endpoint.source, connections: CONNECTIONS, seconds: warm });
  const runs = new Map(endpoints.map((endpoint) => [endpoint.kind, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < endpoints.length; i += 1) {
      const endpoint = endpoints[(i + round) % endpoints.length];
      const before = await stats(endpoint);
      const run = await saturate({ url: endpoint.url, source: endpoint.source, connections: CONNECTIONS, seconds });
      run.cpu = cpuShare(before, await stats(endpoint));
      runs.get(endpoint.kind).push(run);
    }
  }
  return runs;
}

/** One endpoint's runs summed up: medians over the rounds, failures in all. */
function summarize(runs) {
  return {
    perSecond: median(runs.map((r) => r.perSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    cpu: median(runs.map((r) => r.cpu)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
    ok: runs.reduce((sum, r) => sum + r.ok, 0),
  };
}

const ratioOf = (a, b) => median(a.map((run, i) => run.perSecond / b[i].perSecond));
const saturationText = (s) =>
  `${formatCount(s.perSecond)}/s · p50 ${formatMs(s.p50)} · p99 ${formatMs(s.p99)} · CPU ${(s.cpu * 100).toFixed(0)}%${s.non2xx ? ` · ${s.non2xx} failed` : ''}`;
const pacedText = (p) =>
  `p50 ${formatMs(p.p50)} · p99 ${formatMs(p.p99)} · max ${formatMs(p.max)} · ${formatCount(p.ok)} of ${formatCount(p.total)} answered 2xx${p.skipped ? ` · ${formatCount(p.skipped)} not sent (${PACED_MAX_IN_FLIGHT} unanswered)` : ''}`;

/** The handler's `error` events between two `stats` answers, as "code × n" text; empty when none. */
function errorsBetween(before, after) {
  const lines = Object.entries(after.errors)
    .map(([code, n]) => [code, n - (before.errors[code] ?? 0)])
    .filter(([, n]) => n > 0)
    .map(([code, n]) => `${code} × ${n}`);
  return lines.join(', ');
}

/**
 * Loads every endpoint with deliveries of `template` (saturation rounds,
 * then the paced run) and checks afterwards that each delivery answered 2xx
 * had its events stored. Returns the runs and, per endpoint kind, the
 * events missing and the handler errors seen.
 */
async function measure(endpoints, template, settings) {
  const before = new Map();
  for (const endpoint of endpoints) {
    endpoint.source = deliverySource(template, endpoint.kind === 'whatsapp-api-js' ? { appSecret: APP_SECRET } : {});
    await preflight(endpoint, template);
    before.set(endpoint.kind, await stats(endpoint));
  }
  const runs = await saturationRounds(endpoints, settings);
  const pacedRuns = new Map();
  for (const endpoint of endpoints.filter((e) => e.kind !== 'whatsapp-api-js')) {
    pacedRuns.set(
      endpoint.kind,
      await paced({ url: endpoint.url, source: endpoint.source, rate: PACED_RATE, seconds: settings.pacedSeconds, maxInFlight: PACED_MAX_IN_FLIGHT }),
    );
  }
  // More may have been stored than answered: autocannon drops the answers
  // in flight when a run ends. Fewer means events acknowledged but lost.
  await sleep(50);
  const checks = new Map();
  for (const endpoint of endpoints) {
    const after = await stats(endpoint);
    const answered = runs.get(endpoint.kind).reduce((sum, r) => sum + r.ok, 0) + (pacedRuns.get(endpoint.kind)?.ok ?? 0);
    const expected = answered * storedPerDelivery(endpoint.kind, template.items);
    const stored = after.stored - before.get(endpoint.kind).stored;
    checks.set(endpoint.kind, { missing: Math.max(0, expected - stored), errors: errorsBetween(before.get(endpoint.kind), after) });
  }
  return { runs, pacedRuns, checks };
}

/** Adds the rows of one adapter and delivery size. */
function addRows(report, { provider, items, settings, runs, pacedRuns, checks }) {
  const label = items === 1 ? 'single message' : '100-item delivery';
  const wamux = summarize(runs.get('wamux'));
  const bare = summarize(runs.get('bare'));
  const check = checks.get('wamux');
  const healthy = check.missing === 0;
  const notes = `${check.missing ? ` · ${formatCount(check.missing)} events answered 2xx but not stored` : ''}${check.errors ? ` · handler errors: ${check.errors}` : ''}`;
  const bareRatio = ratioOf(runs.get('wamux'), runs.get('bare'));
  report.add({
    section: 'user',
    suite: '1 · webhook endpoint',
    case: `${provider}, ${label}: at saturation (${CONNECTIONS} connections)`,
    measured: `${saturationText(wamux)}${notes}`,
    baseline: `bare node:http: ${saturationText(bare)}`,
    ratio: bareRatio,
    target: '≥ 0.9× bare',
    met: bareRatio >= 0.9 && wamux.non2xx === 0 && healthy,
    value: { wamux, bare, runs: Object.fromEntries(runs), check },
  });
  if (runs.has('whatsapp-api-js')) {
    const peer = summarize(runs.get('whatsapp-api-js'));
    const peerRatio = ratioOf(runs.get('wamux'), runs.get('whatsapp-api-js'));
    report.add({
      section: 'user',
      suite: '1 · webhook endpoint',
      case: `get.chat Cloud API body, ${label}: vs whatsapp-api-js (signature on${items > 1 ? '; it hands its listener the first item only' : ''})`,
      measured: `${saturationText(wamux)}${notes}`,
      baseline: `whatsapp-api-js: ${saturationText(peer)}`,
      ratio: peerRatio,
      target: '≥ 1.0× whatsapp-api-js',
      met: peerRatio >= 1 && wamux.non2xx === 0 && healthy,
      value: { wamux, peer },
    });
  }
  const fixed = pacedRuns.get('wamux');
  report.add({
    section: 'user',
    suite: '1 · webhook endpoint',
    case: `${provider}, ${label}: at ${formatCount(PACED_RATE)}/s for ${settings.pacedSeconds} s`,
    measured: `${pacedText(fixed)}${notes}`,
    baseline: `bare node:http: ${pacedText(pacedRuns.get('bare'))}`,
    target: 'p99 ≤ 5 ms',
    met: fixed.p99 <= 5 && fixed.ok === fixed.total && healthy,
    value: { wamux: fixed, bare: pacedRuns.get('bare') },
  });
}

/** Runs row 1 for `providers`; adds its rows to `report`. */
export async function webhookEndpoint(report, { quick, providers }) {
  const settings = quick ? { warm: 0.25, seconds: 0.75, rounds: 1, pacedSeconds: 0.5 } : { warm: 1, seconds: 3, rounds: 3, pacedSeconds: 5 };
  for (const provider of providers) {
    const target = await localTargets[provider]({ rateLimit: false });
    let endpoints = [];
    try {
      const captured = await captureInbound(target.emulator);
      endpoints = await startEndpoints(provider, target.config);
      for (const items of [1, 100]) {
        const measured = await measure(endpoints, deliveryTemplate(provider, captured, items), settings);
        addRows(report, { provider, items, settings, ...measured });
      }
    } finally {
      await Promise.all(endpoints.map((endpoint) => endpoint.child.close()));
      await target.emulator.close();
    }
  }
}
