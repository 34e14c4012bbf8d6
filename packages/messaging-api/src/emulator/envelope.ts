import type { EmulatorResponse } from '@wamux/emulator';

// The vendor's response envelope in its two forms, and its failure form.

let traceCounter = 0;

/** A trace id like the vendor's `traceid`. */
function traceId(): string {
  traceCounter += 1;
  return `emu-trace-${Date.now().toString(36)}-${traceCounter}`;
}

/** `ApiResponse_*` for one object: it is in `data` and in `results`. */
export function dataEnvelope(data: unknown): EmulatorResponse {
  return apiResponse(data, data === undefined ? [] : [data]);
}

/** `ApiResponse_*` for a list: the items in `results`, the first also in `data`. */
export function listEnvelope(items: readonly unknown[]): EmulatorResponse {
  return apiResponse(items[0], items);
}

function apiResponse(data: unknown, results: readonly unknown[]): EmulatorResponse {
  return {
    status: 200,
    json: {
      status: 200,
      statusKey: 'SUCCESS',
      message: 'Success',
      messageKey: 'SUCCESS',
      timestamp: Date.now(),
      traceid: traceId(),
      data,
      results,
      errors: [],
      warnings: [],
    },
  };
}

/** `ApiResultsMetaCompactResponse_*`: the items in `results`. */
export function resultsEnvelope(results: readonly unknown[]): EmulatorResponse {
  return {
    status: 200,
    json: { status: 200, statusKey: 'SUCCESS', message: 'Success', messageKey: 'SUCCESS', meta: {}, results, timestamp: Date.now(), traceid: traceId() },
  };
}

/** One field error of a failure envelope. */
export interface EmulatorFieldError {
  field: string;
  code: string;
  description: string;
}

/**
 * A failure envelope. `httpStatus` is what the HTTP layer answers: the
 * vendor reports business failures inside HTTP 200, so that is the default.
 */
export function failureEnvelope(
  status: number,
  statusKey: string,
  message: string,
  errors: readonly EmulatorFieldError[] = [],
  httpStatus = 200,
): EmulatorResponse {
  return {
    status: httpStatus,
    json: { status, statusKey, message, messageKey: statusKey, errors, warnings: [], timestamp: Date.now(), traceid: traceId() },
  };
}

const STATUS_KEYS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  429: 'TOO_MANY_REQUESTS',
  500: 'SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/** The server's error renderer: an HTTP error status with the failure envelope as body. */
export function renderHttpError(status: number, info: { message: string }): EmulatorResponse {
  return failureEnvelope(status, STATUS_KEYS[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'ERROR'), info.message, [], status);
}
