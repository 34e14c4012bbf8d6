import { isWamuxError, parseInput, type MessageContent, type WamuxError, type WebhookRequest } from '@wamux/core/adapter';
import type { DeliveredMessage, EmulatorFault, SimulatedInbound, SimulatedStatus } from '@wamux/emulator';
import * as v from 'valibot';
import { MEMORY_PROVIDER } from '../options';
import { createInProcessMemoryEmulator, type MemoryEmulator } from './index';

/**
 * The failures `failNext` can make the vendor produce, each as the vendor
 * produces it (an HTTP answer, a dropped connection, no answer), so the
 * error a send rejects with is built by the same path as in production,
 * `delivery` included.
 */
const FAULTS = {
  authentication_failed: { type: 'http_error', status: 401 },
  permission_denied: { type: 'http_error', status: 403 },
  not_found: { type: 'http_error', status: 404 },
  request_rejected: { type: 'http_error', status: 400, code: 'invalid_message' },
  rate_limited: { type: 'http_error', status: 429, retryAfter: 1 },
  provider_error: { type: 'http_error', status: 500 },
  /** The connection drops after the request was written: `delivery: 'unknown'`. */
  network_error: { type: 'drop_connection' },
  /** No answer until the provider's `timeout` gives up. */
  timeout: { type: 'delay', ms: 2 ** 31 - 1 },
} as const satisfies Record<string, EmulatorFault>;

/** An error code `failNext` can produce: what a vendor's answer (or silence) can become. */
export type MemoryFailureCode = keyof typeof FAULTS;

/** What `failNext` takes: a code, or a wamux error whose code, status, message, vendor code and `retryAfter` the vendor's answer carries. */
export type MemoryFailure = MemoryFailureCode | WamuxError;

const FailureCodeSchema = v.picklist(Object.keys(FAULTS) as MemoryFailureCode[], `must be one of ${Object.keys(FAULTS).join(', ')}`);

/** A customer message for `inbound()`: `{ from, text }`, or any content. */
export type MemoryInbound = Omit<SimulatedInbound, 'content'> & ({ text: string; content?: undefined } | { content: MessageContent; text?: undefined });

/** What a test drives and asserts on, beside the provider itself. */
export interface MemoryTestControls {
  /** Messages sent, oldest first: `{ id, message, raw }`, `message` decoded back into the model. */
  readonly sent: readonly DeliveredMessage[];
  /**
   * Makes the next `send` fail: the vendor answers it as `failure` says, and
   * the provider turns that answer into the error it would raise in
   * production (`RateLimitError` with `delivery: 'not_sent'`,
   * `ProviderServerError` with `delivery: 'unknown'`...). Calls queue.
   */
  failNext(failure: MemoryFailure): void;
  /** A signed delivery of a customer message, for the app's webhook handler (`webhooks.handle(request)`). */
  inbound(message: MemoryInbound, options?: { unauthenticated?: boolean | undefined }): Promise<WebhookRequest>;
  /** A signed delivery of a status of a message sent earlier (`{ messageId, status }`). */
  status(status: SimulatedStatus, options?: { unauthenticated?: boolean | undefined }): Promise<WebhookRequest>;
  /** The emulator behind the provider: templates, media, read marks, recorded requests, faults. */
  readonly emulator: MemoryEmulator;
  /** Back to a fresh provider: nothing sent or received, no pending failure or recorded request, the sample templates, no media. */
  reset(): void;
}

/**
 * A memory emulator in process, and the controls a test drives it with. The
 * one place the provider reaches into emulator/: in process, the emulator
 * is the vendor.
 */
export function startInProcess(options: { webhookSecret?: string | undefined }): { emulator: MemoryEmulator; controls: MemoryTestControls } {
  const emulator = createInProcessMemoryEmulator(options);
  return { emulator, controls: testControls(emulator) };
}

function testControls(emulator: MemoryEmulator): MemoryTestControls {
  return {
    get sent() {
      return emulator.delivered();
    },
    failNext(failure) {
      emulator.injectFault({ ...faultFor(failure), method: 'POST', path: '/messages', exactPath: true });
    },
    async inbound(message, options = {}) {
      const { text, content, ...rest } = message;
      const delivery = await emulator.inboundDelivery({ ...rest, content: content ?? { type: 'text', text: text ?? '' } }, options);
      return delivery.request;
    },
    async status(status, options = {}) {
      return (await emulator.statusDelivery(status, options)).request;
    },
    emulator,
    reset: () => emulator.reset(),
  };
}

/** The vendor behaviour that produces `failure`. */
function faultFor(failure: MemoryFailure): EmulatorFault {
  if (!isWamuxError(failure)) return FAULTS[parseInput(FailureCodeSchema, failure, { root: 'failure', provider: MEMORY_PROVIDER })];
  const base: EmulatorFault = FAULTS[parseInput(FailureCodeSchema, failure.code, { root: 'failure.code', provider: MEMORY_PROVIDER })];
  if (base.type !== 'http_error') return base;
  return {
    ...base,
    status: failure.status ?? base.status,
    message: failure.message,
    ...(failure.vendorCode !== undefined ? { code: failure.vendorCode } : {}),
    ...(failure.retryAfter !== undefined ? { retryAfter: Math.ceil(failure.retryAfter / 1000) } : {}),
  };
}
