import { context, createContextKey, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { isWamuxError, type DeliveryOutcome } from '../errors/wamux-error';
import { OUTBOUND_MESSAGE_TYPES } from '../model/outbound';
import type { SendResult } from '../model/send-result';
import { instruments, tracer } from './instruments';
import { maskPhone } from './mask';

/** How a send ended: the message went out, or the `delivery` of the error it failed with. */
export type SendOutcome = 'sent' | DeliveryOutcome;

/** What the HTTP path tells the send it runs under (through the OpenTelemetry context). */
export interface SendScope {
  /** HTTP attempts repeated. */
  retries: number;
  /** Time spent waiting in the client-side limiter, in ms. */
  limiterWaitMs: number;
  /** The provider's options opted in to personal data in telemetry. */
  personalData: boolean;
}

const SEND_SCOPE = createContextKey('wamux.send');
const KNOWN_TYPES: ReadonlySet<string> = new Set(OUTBOUND_MESSAGE_TYPES);

/** The scope of the send the current code runs under, if any (only with an OpenTelemetry context manager registered). */
export function currentSendScope(): SendScope | undefined {
  return context.active().getValue(SEND_SCOPE) as SendScope | undefined;
}

/**
 * Runs one `send` under its span (`send {provider}`, kind PRODUCER) and
 * records `messaging.client.sent.messages` and
 * `messaging.client.operation.duration`. The span carries the provider,
 * the message type, the outcome, the vendor's message id, the retries and
 * the limiter wait; the recipient only (masked) when the provider opted in
 * to personal data, the message text never. Without an SDK the span does
 * not record and `work` runs directly.
 */
export async function traceSend(provider: string, message: unknown, work: () => Promise<SendResult>): Promise<SendResult> {
  const type = messageType(message);
  const started = performance.now();
  const span = tracer().startSpan(`send ${provider}`, {
    kind: SpanKind.PRODUCER,
    attributes: {
      'messaging.system': 'whatsapp',
      'messaging.operation.type': 'send',
      'messaging.operation.name': 'send',
      'wamux.provider': provider,
      'wamux.message.type': type,
    },
  });
  const recording = span.isRecording();
  const scope: SendScope = { retries: 0, limiterWaitMs: 0, personalData: false };
  let outcome: SendOutcome = 'unknown';
  let errorType: string | undefined;
  try {
    const result = recording ? await context.with(trace.setSpan(context.active(), span).setValue(SEND_SCOPE, scope), work) : await work();
    outcome = 'sent';
    if (recording) span.setAttribute('messaging.message.id', result.id);
    return result;
  } catch (error) {
    outcome = isWamuxError(error) ? (error.delivery ?? 'unknown') : 'unknown';
    errorType = isWamuxError(error) ? error.code : 'unknown';
    if (recording) span.setStatus({ code: SpanStatusCode.ERROR, message: errorType });
    throw error;
  } finally {
    const metricAttributes = {
      'messaging.system': 'whatsapp',
      'messaging.operation.name': 'send',
      'wamux.provider': provider,
      'wamux.message.type': type,
      'wamux.send.outcome': outcome,
      ...(errorType === undefined ? {} : { 'error.type': errorType }),
    };
    const meters = instruments();
    meters.sent.add(1, metricAttributes);
    meters.sendDuration.record((performance.now() - started) / 1000, metricAttributes);
    if (recording) {
      span.setAttributes({ 'wamux.send.outcome': outcome, 'wamux.send.retries': scope.retries, 'wamux.rate_limit.wait_ms': Math.round(scope.limiterWaitMs) });
      if (errorType !== undefined) span.setAttribute('error.type', errorType);
      const to = (message as { to?: unknown } | undefined)?.to;
      if (scope.personalData && typeof to === 'string') span.setAttribute('messaging.destination.name', maskPhone(to));
      span.end();
    }
  }
}

/** The message type as a bounded value: one of the model's, else `invalid`. */
function messageType(message: unknown): string {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' && KNOWN_TYPES.has(type) ? type : 'invalid';
}
