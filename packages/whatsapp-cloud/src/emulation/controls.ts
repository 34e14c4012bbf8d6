import type { Customer } from '@wamux/core/adapter';
import { simulatedCustomer, type Emulator, type EmulatorServer, type SimulateOptions, type SimulationResult } from '@wamux/emulator';
import { fieldDelivery, inboundPayload, messagesDelivery, statusPayload, type CloudWebhookAccount } from './payloads';
import type { CloudEmulatorState, InjectedMetaError, ReadMark } from './state';

/** A webhook post's outcome: the app's answer. */
export interface DeliveryOutcome {
  status: number;
  responseBody: string;
}

/** Posts a webhook body the way the vendor does (its URL, its signature or headers; none with `unauthenticated`). */
export type CloudDeliver = (body: Record<string, unknown>, options?: SimulateOptions) => Promise<DeliveryOutcome>;

/** The control surface every Cloud API emulator has: the wamux `Emulator` plus Meta's error codes, read marks and webhook fields. */
export interface CloudEmulator extends Emulator {
  /** Read receipts received, oldest first. */
  readMarks(): ReadMark[];
  /** Makes the next matching requests (message sends by default) fail with a Meta error code (130429, 131056, 131047...). */
  injectMetaError(error: InjectedMetaError): void;
  /** Makes every media URL handed out so far stop working, as if minutes had passed. */
  expireMediaUrls(): void;
  /** Posts a change of another webhook field (`message_template_status_update`, `account_update`...), as the vendor posts deliveries. */
  simulateField(field: string, value: Record<string, unknown>, options?: SimulateOptions): Promise<DeliveryOutcome>;
  /** Posts any body as the vendor posts deliveries (unauthenticated with `unauthenticated`). */
  deliver(body: Record<string, unknown>, options?: SimulateOptions): Promise<DeliveryOutcome>;
}

/** What a Cloud API emulator's controls are built from. */
export interface CloudEmulatorParts {
  state: CloudEmulatorState;
  server: EmulatorServer;
  /** The number and account webhooks name. */
  account: CloudWebhookAccount;
  deliver: CloudDeliver;
}

/**
 * The controls of a Cloud API emulator (all of {@link CloudEmulator} but its
 * `provider` and `url`): simulated webhooks in Meta's payloads, posted
 * through the vendor's `deliver`, and the state and server behind them.
 */
export function cloudEmulatorControls({ state, server, account, deliver }: CloudEmulatorParts): Omit<CloudEmulator, 'provider' | 'url'> {
  let inbound = 0;
  return {
    delivered: () => [...state.delivered],
    requests: () => server.requests(),
    media: (id) => state.media.get(id),
    addMedia: (media) => state.store(media),
    seedTemplates: (seeds) => state.seed(seeds),
    readMarks: () => [...state.reads],
    injectMetaError(error) {
      state.errors.push({ ...error, remaining: error.times ?? 1 });
    },
    expireMediaUrls() {
      for (const link of state.mediaUrls.values()) link.expiresAt = 0;
    },
    async simulateInbound(message, options): Promise<SimulationResult> {
      inbound += 1;
      const id = message.id ?? `wamid.HBgLMTU1NTE5ODc2NTQVAgASGBQ${inbound.toString(36).padStart(16, '0')}AA==`;
      const customer = simulatedCustomer(message.from, message.customer, message.profileName);
      const draft = {
        id,
        timestamp: message.timestamp ?? new Date(),
        customer,
        content: message.content,
        context: message.context,
        referral: message.referral,
      };
      const payload = messagesDelivery(account, inboundPayload(draft));
      return { id, payload, ...(await deliver(payload, options)) };
    },
    async simulateStatus(status, options): Promise<SimulationResult> {
      const address = status.recipient ?? state.recipients.get(status.messageId);
      const customer: Customer | undefined =
        address === undefined ? undefined : simulatedCustomer(address as Parameters<typeof simulatedCustomer>[0], status.customer);
      const payload = messagesDelivery(account, statusPayload(status, customer, address));
      return { id: status.messageId, payload, ...(await deliver(payload, options)) };
    },
    simulateField: (field, value, options) => deliver(fieldDelivery(account, field, value), options),
    deliver,
    injectFault: (fault) => server.injectFault(fault),
    clearFaults() {
      server.clearFaults();
      state.errors = [];
    },
    reset() {
      server.reset();
      state.clear();
    },
    close: () => server.close(),
  };
}
