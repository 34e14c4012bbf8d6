import { metrics, trace, type Counter, type Histogram, type Meter, type MeterProvider, type Tracer } from '@opentelemetry/api';

/** The instrumentation scope wamux's spans and metrics are reported under. */
export const INSTRUMENTATION_SCOPE = '@wamux/core';

/** Histogram buckets, in seconds, for request and processing durations (OpenTelemetry's recommended HTTP boundaries). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** The metric instruments wamux records to. */
export interface Instruments {
  /** `messaging.client.sent.messages`: sends by provider, message type and outcome. */
  sent: Counter;
  /** `messaging.client.operation.duration`: how long a send took, limiter wait and retries included. */
  sendDuration: Histogram;
  /** `http.client.request.duration`: one HTTP attempt. */
  httpDuration: Histogram;
  /** `wamux.http.retries`: attempts repeated, by reason. */
  retries: Counter;
  /** `wamux.http.rate_limited`: answers that said "too many requests" (429 or a vendor's rate-limit code). */
  rateLimited: Counter;
  /** `wamux.rate_limit.wait.duration`: time a request waited in the client-side limiter. */
  limiterWait: Histogram;
  /** `wamux.webhook.deliveries`: webhook deliveries by the answer given. */
  deliveries: Counter;
  /** `wamux.webhook.listener.failures`: events whose listeners failed, by event type. */
  listenerFailures: Counter;
  /** `wamux.webhook.duplicates`: events skipped as already processed (dedupe hits). */
  duplicates: Counter;
  /** `wamux.webhook.status_order.drops`: statuses dropped because the message was already past them. */
  statusDrops: Counter;
}

let cachedFor: MeterProvider | undefined;
let cached: Instruments | undefined;

/**
 * The instruments of the global meter provider. Created again when the
 * provider changes (an SDK registered after wamux was imported), else
 * reused: without an SDK they are the API's no-op instruments.
 */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (cached !== undefined && cachedFor === provider) return cached;
  cachedFor = provider;
  cached = createInstruments(provider.getMeter(INSTRUMENTATION_SCOPE));
  return cached;
}

/** The tracer wamux's spans start from (the API's proxy: it follows an SDK registered at any time). */
export function tracer(): Tracer {
  return trace.getTracer(INSTRUMENTATION_SCOPE);
}

function createInstruments(meter: Meter): Instruments {
  const seconds = (name: string, description: string): Histogram =>
    meter.createHistogram(name, { description, unit: 's', advice: { explicitBucketBoundaries: DURATION_BUCKETS } });
  return {
    sent: meter.createCounter('messaging.client.sent.messages', {
      description: 'Messages given to a vendor, by provider, message type and outcome.',
      unit: '{message}',
    }),
    sendDuration: seconds('messaging.client.operation.duration', 'Duration of a send, limiter wait and retries included.'),
    httpDuration: seconds('http.client.request.duration', 'Duration of one HTTP attempt to a vendor.'),
    retries: meter.createCounter('wamux.http.retries', { description: 'HTTP attempts repeated, by provider and reason.', unit: '{retry}' }),
    rateLimited: meter.createCounter('wamux.http.rate_limited', {
      description: 'Vendor answers saying too many requests (HTTP 429 or a rate-limit error code).',
      unit: '{response}',
    }),
    limiterWait: seconds('wamux.rate_limit.wait.duration', 'Time a request waited in the client-side rate limiter.'),
    deliveries: meter.createCounter('wamux.webhook.deliveries', { description: 'Webhook deliveries, by provider and the answer given.', unit: '{delivery}' }),
    listenerFailures: meter.createCounter('wamux.webhook.listener.failures', {
      description: 'Events whose listeners threw, rejected or missed the deadline.',
      unit: '{event}',
    }),
    duplicates: meter.createCounter('wamux.webhook.duplicates', { description: 'Events skipped as already processed (dedupe hits).', unit: '{event}' }),
    statusDrops: meter.createCounter('wamux.webhook.status_order.drops', {
      description: 'Statuses dropped because the message was already past them.',
      unit: '{event}',
    }),
  };
}
