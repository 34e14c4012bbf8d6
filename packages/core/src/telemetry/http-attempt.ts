import { context, SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { instruments, tracer } from './instruments';

/** What identifies one request's attempts in telemetry: no id, no query, no secret. */
export interface HttpTarget {
  provider: string;
  method: string;
  /** The route template (`/v1/messages/{id}`), never the path itself. */
  template: string;
  serverAddress: string;
  serverPort: number;
}

/** One HTTP attempt being measured; `end` is idempotent. */
export interface HttpAttempt {
  /** Ends the attempt with the status answered (none when no answer came) and the error type when it failed. */
  end(status: number | undefined, errorType?: string): void;
}

/**
 * Starts one HTTP attempt: a CLIENT span `{method} {url.template}` (a child
 * of the active span, the send's) and, when it ends, one
 * `http.client.request.duration` measurement, with the attributes of
 * OpenTelemetry's HTTP client conventions. `resendCount` is the attempt's
 * number after the first (`http.request.resend_count`).
 */
export function startHttpAttempt(target: HttpTarget, resendCount: number): HttpAttempt {
  const attributes: Attributes = {
    'http.request.method': target.method,
    'url.template': target.template,
    'server.address': target.serverAddress,
    'server.port': target.serverPort,
    'wamux.provider': target.provider,
  };
  if (resendCount > 0) attributes['http.request.resend_count'] = resendCount;
  const span = tracer().startSpan(`${target.method} ${target.template}`, { kind: SpanKind.CLIENT, attributes }, context.active());
  const started = performance.now();
  let ended = false;
  return {
    end(status, errorType) {
      if (ended) return;
      ended = true;
      const metric: Attributes = {
        'http.request.method': target.method,
        'url.template': target.template,
        'server.address': target.serverAddress,
        'server.port': target.serverPort,
        'wamux.provider': target.provider,
      };
      if (status !== undefined) metric['http.response.status_code'] = status;
      if (errorType !== undefined) metric['error.type'] = errorType;
      instruments().httpDuration.record((performance.now() - started) / 1000, metric);
      if (!span.isRecording()) return;
      if (status !== undefined) span.setAttribute('http.response.status_code', status);
      if (errorType !== undefined) {
        span.setAttribute('error.type', errorType);
        span.setStatus({ code: SpanStatusCode.ERROR, message: errorType });
      }
      span.end();
    },
  };
}
