// The two ways the webhook endpoint is loaded.
//
// `saturate`: autocannon, N keep-alive connections, each sending its next
// delivery as soon as the previous one is answered (closed loop). What the
// endpoint sustains is the deliveries answered 2xx per second. Latencies are
// taken from autocannon's per-response event, in fractional milliseconds
// (its own histogram keeps whole milliseconds, too coarse below 5 ms).
//
// `paced`: an open loop at a fixed rate. autocannon's `overallRate` does not
// pace: each connection sends its share of the second back to back and then
// waits for the next second, so "1,000 per second" would be 1,000 requests
// at saturation followed by idleness. Here delivery i leaves at start +
// i / rate (a 1 ms timer, catching up when it fires late), over node:http
// keep-alive sockets; latency runs from the moment the request is handed to
// the client, so a request waiting for a free socket is charged to the
// endpoint, and a late timer is not.
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { percentile } from './stats.mjs';

const REQUEST_TIMEOUT_MS = 10_000;

/** Summary of a latency sample, in ms. */
function latencySummary(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN, samples: sorted.length };
}

/**
 * Drives `url` at saturation for `seconds` with `connections` keep-alive
 * connections; `source.next()` gives each request. Returns deliveries
 * answered 2xx per second, latency percentiles (ms), and the count of
 * non-2xx answers, errors and timeouts.
 */
export async function saturate({ url, source, connections, seconds }) {
  const latencies = [];
  let ok = 0;
  let non2xx = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const delivery = source.next();
          return { ...req, path: delivery.path, headers: delivery.headers, body: delivery.body };
        },
      },
    ],
    setupClient: (client) => {
      client.on('response', (status, _bytes, ms) => {
        if (status >= 200 && status < 300) {
          ok += 1;
          latencies.push(ms);
        } else non2xx += 1;
      });
    },
  });
  return {
    perSecond: ok / result.duration,
    ...latencySummary(latencies),
    ok,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
  };
}

/**
 * Sends `rate` deliveries per second to `url` for `seconds`, open loop,
 * over at most `connections` keep-alive sockets. A delivery due while
 * `maxInFlight` are still unanswered is skipped and counted (the endpoint
 * is not keeping up); the run never queues without bound.
 */
export function paced({ url, source, rate, seconds, connections = 64, maxInFlight = 512 }) {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const spacing = 1000 / rate;
  const latencies = [];
  let issued = 0;
  let skipped = 0;
  let settled = 0;
  let inFlight = 0;
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let timer;
  const start = performance.now();

  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      agent.destroy();
      const elapsed = (performance.now() - start) / 1000;
      resolve({ ...latencySummary(latencies), total, ok, non2xx, errors, skipped, seconds: elapsed });
    };
    const settle = () => {
      inFlight -= 1;
      settled += 1;
      if (issued + skipped === total && settled === issued) finish();
    };
    const fire = () => {
      const delivery = source.next();
      const sentAt = performance.now();
      inFlight += 1;
      issued += 1;
      let done = false;
      const fail = () => {
        if (done) return;
        done = true;
        errors += 1;
        settle();
      };
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: delivery.path,
          headers: { ...delivery.headers, 'content-length': Buffer.byteLength(delivery.body) },
        },
        (res) => {
          res.resume();
          res.on('error', fail);
          res.on('end', () => {
            if (done) return;
            done = true;
            if (res.statusCode >= 200 && res.statusCode < 300) {
              ok += 1;
              latencies.push(performance.now() - sentAt);
            } else non2xx += 1;
            settle();
          });
        },
      );
      // A delivery never answered fails instead of holding the run open.
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('no answer')));
      req.on('error', fail);
      req.end(delivery.body);
    };
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / spacing) + 1);
      while (issued + skipped < due) {
        if (inFlight >= maxInFlight) skipped += 1;
        else fire();
      }
      if (issued + skipped < total) timer = setTimeout(tick, Math.max(0, start + (issued + skipped) * spacing - performance.now()));
      else if (settled === issued) finish();
    };
    tick();
  });
}
