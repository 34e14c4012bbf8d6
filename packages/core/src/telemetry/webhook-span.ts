import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import type { WebhookEvent } from '../model/events';
import type { ListenersResult } from '../webhook/listeners';
import { instruments, tracer } from './instruments';

/** What a delivery's answer meant, as a bounded label. */
export type WebhookAnswer = 'accepted' | 'rejected' | 'unauthorized' | 'method_not_allowed' | 'failed' | 'retry_later';

/** What {@link traceDelivery} needs to know of a handled delivery. */
export interface DeliveryReport {
  status: number;
  events: readonly WebhookEvent[];
  failed: readonly WebhookEvent[];
  duplicates: number;
  inFlight: number;
  statusDrops: number;
  errorType: string | undefined;
}

/** The label of an answered status. */
export function answerOf(status: number): WebhookAnswer {
  if (status < 300) return 'accepted';
  if (status === 401) return 'unauthorized';
  if (status === 405) return 'method_not_allowed';
  if (status === 503) return 'retry_later';
  if (status >= 500) return 'failed';
  return 'rejected';
}

/**
 * Runs the handling of one webhook delivery under its span (`webhook
 * {provider}`, kind CONSUMER) and records `wamux.webhook.deliveries`,
 * `wamux.webhook.duplicates` and `wamux.webhook.status_order.drops`. The
 * span carries the event counts by type, the duplicates, the answer given;
 * `work` gets the span to parent the listener spans (none when nothing records).
 */
export async function traceDelivery<T>(provider: string, work: (span: Span | undefined) => Promise<T>, report: (result: T) => DeliveryReport): Promise<T> {
  const span = tracer().startSpan(`webhook ${provider}`, {
    kind: SpanKind.CONSUMER,
    attributes: { 'messaging.system': 'whatsapp', 'messaging.operation.type': 'process', 'messaging.operation.name': 'webhook', 'wamux.provider': provider },
  });
  const recording = span.isRecording();
  let result: T;
  try {
    result = await work(recording ? span : undefined);
  } catch (error) {
    // The handler never rejects; this is the net under it.
    if (recording) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'unhandled' });
      span.end();
    }
    throw error;
  }
  const done = report(result);
  const answer = answerOf(done.status);
  const meters = instruments();
  meters.deliveries.add(1, { 'wamux.provider': provider, 'wamux.webhook.answer': answer, 'http.response.status_code': done.status });
  const dedupeHits = done.duplicates - done.statusDrops;
  if (dedupeHits > 0) meters.duplicates.add(dedupeHits, { 'wamux.provider': provider });
  if (done.statusDrops > 0) meters.statusDrops.add(done.statusDrops, { 'wamux.provider': provider });
  if (recording) {
    const attributes: Attributes = {
      'http.response.status_code': done.status,
      'wamux.webhook.answer': answer,
      'messaging.batch.message_count': done.events.length + done.failed.length,
      'wamux.webhook.duplicates': done.duplicates,
      'wamux.webhook.status_order.drops': done.statusDrops,
      'wamux.webhook.in_flight': done.inFlight,
      'wamux.webhook.failed': done.failed.length,
    };
    for (const event of [...done.events, ...done.failed]) {
      const key = `wamux.webhook.events.${event.type}`;
      attributes[key] = ((attributes[key] as number | undefined) ?? 0) + 1;
    }
    if (done.errorType !== undefined) attributes['error.type'] = done.errorType;
    span.setAttributes(attributes);
    if (done.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: done.errorType ?? answer });
    span.end();
  }
  return result;
}

/**
 * Calls one event's listeners under a child span of the delivery's
 * (`listeners {event type}`), so the spans of the app's own work nest
 * under it. Without a recording delivery span the listeners are called
 * directly, with nothing added.
 */
export function traceListeners(
  parent: Span | undefined,
  provider: string,
  event: WebhookEvent,
  call: () => ListenersResult | Promise<ListenersResult>,
): Promise<ListenersResult> {
  if (parent === undefined) return Promise.resolve(call());
  const span = tracer().startSpan(
    `listeners ${event.type}`,
    { attributes: { 'wamux.provider': provider, 'wamux.event.type': event.type } },
    trace.setSpan(context.active(), parent),
  );
  const finish = (result: ListenersResult): ListenersResult => {
    span.setAttribute('wamux.listeners.outcome', result.ok ? 'ok' : 'failed');
    if (!result.ok) {
      span.setAttribute('wamux.listeners.failures', result.failures);
      span.setAttribute('error.type', errorName(result.cause));
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'listener failed' });
    }
    span.end();
    return result;
  };
  return Promise.resolve(context.with(trace.setSpan(context.active(), span), call)).then(finish);
}

/** A bounded name for what a listener threw: the error's class name, never its message (it may hold personal data). */
export function errorName(cause: unknown): string {
  if (cause instanceof Error) return /^[A-Za-z_$][\w$]{0,63}$/.test(cause.name) ? cause.name : 'Error';
  return typeof cause;
}

/** Counts an event whose listeners failed or missed the deadline (`wamux.webhook.listener.failures`). */
export function countListenerFailure(provider: string, event: WebhookEvent, reason: 'error' | 'deadline'): void {
  instruments().listenerFailures.add(1, { 'wamux.provider': provider, 'wamux.event.type': event.type, 'wamux.failure.reason': reason });
}
