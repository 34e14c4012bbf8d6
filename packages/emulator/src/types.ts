import type { Customer, CustomerAddress, DeliveryStatus, InboundMessage, MessageContent, OutboundMessage, StatusError } from '@wamux/core/adapter';

/** A message the emulator accepted, decoded from the vendor's wire format back into the model. */
export interface DeliveredMessage {
  /** The id the emulator answered the send with (what `SendResult.id` should be). */
  id: string;
  message: OutboundMessage;
  /** The request body as the emulator received it (JSON, or the multipart fields). */
  raw: unknown;
}

/** An API request the emulator received. Secrets are not recorded. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  path: string;
  /** Header names lower-cased; auth header values replaced by `[redacted]`. */
  headers: Record<string, string>;
  /** Parsed JSON, multipart fields (files as `{ filename, mimeType, size }`), or text. */
  body: unknown;
  at: Date;
}

/** Media held by the emulator (uploaded through the API, or added to simulate inbound media). */
export interface StoredMedia {
  data: Uint8Array;
  mimeType: string;
  filename?: string | undefined;
}

/** A template to preload, vendor-neutral. */
export interface TemplateSeed {
  id: string;
  name: string;
  language: string;
  category?: string | undefined;
  /** Header text, with `{{1}}` placeholders. */
  header?: string | undefined;
  /** Body text, with `{{1}}` placeholders. */
  body: string;
  footer?: string | undefined;
  status?: 'approved' | 'pending' | 'rejected' | undefined;
}

/**
 * A customer message to simulate. Missing `id` and `timestamp` are generated.
 * A username user who hides their number is simulated with their BSUID as
 * `from` (and, optionally, `customer.parentBsuid` / `customer.username`).
 */
export interface SimulatedInbound {
  id?: string | undefined;
  /** The customer: an E.164 number, or a BSUID for a username user whose number the vendor does not send. */
  from: CustomerAddress;
  /**
   * More of what the vendor says about the customer: a BSUID beside the
   * phone number, the parent BSUID, the username. `from` and `profileName`
   * fill the rest (see `simulatedCustomer`).
   */
  customer?: SimulatedCustomer | undefined;
  profileName?: string | undefined;
  timestamp?: Date | undefined;
  content: MessageContent;
  context?: InboundMessage['context'];
  referral?: InboundMessage['referral'];
}

/** The identifiers and username of a simulated customer, beside its address (`from` / `recipient`). */
export type SimulatedCustomer = Partial<Omit<Customer, 'name'>>;

/** A delivery status to simulate for a message sent earlier. */
export interface SimulatedStatus {
  messageId: string;
  status: DeliveryStatus;
  /** The recipient's address: an E.164 number or a BSUID. */
  recipient?: CustomerAddress | undefined;
  /** More of what the vendor says about the recipient (BSUID, parent BSUID, username), for vendors that say it. */
  customer?: SimulatedCustomer | undefined;
  timestamp?: Date | undefined;
  errors?: StatusError[] | undefined;
}

/** Where and how to post a simulated webhook. */
export interface SimulateOptions {
  /** Overrides the emulator's configured webhook URL. */
  webhookUrl?: string | undefined;
  /** Leave out the signature / shared secret / verify token, to test that the app refuses it. */
  unauthenticated?: boolean | undefined;
}

/** What a simulated webhook post did. */
export interface SimulationResult {
  /** The id of the simulated message (generated when not given). */
  id: string;
  /** The HTTP status the webhook receiver answered. */
  status: number;
  /** The receiver's response body. */
  responseBody: string;
  /** The vendor-format payload that was posted. */
  payload: unknown;
}

/** Which requests a fault applies to: all by default. */
export interface FaultTarget {
  /** How many matching requests it applies to. Default 1. */
  times?: number | undefined;
  /** Only requests whose path contains this text. */
  path?: string | undefined;
  /** With `path`: only requests whose path ends with it (`/messages` then spares `/messages/1/read`). */
  exactPath?: boolean | undefined;
  /** Only requests with this HTTP method. */
  method?: string | undefined;
}

/** A fault to inject into the next matching API requests. */
export type EmulatorFault = FaultTarget &
  (
    | {
        type: 'http_error';
        status: number;
        /** Seconds, sent as `Retry-After`. */
        retryAfter?: number | undefined;
        /** The message of the vendor's error body. Default `injected HTTP <status>`. */
        message?: string | undefined;
        /** The vendor error code of the body, where the emulator's error body has one. */
        code?: string | undefined;
      }
    | { type: 'delay'; ms: number }
    | { type: 'drop_connection' }
  );

/**
 * The vendor-neutral control surface every wamux emulator implements, so one
 * contract suite can drive any adapter's emulator.
 */
export interface Emulator {
  /** The adapter's name. */
  readonly provider: string;
  /** The API base URL to configure the adapter with (`http://127.0.0.1:<port>/...`). */
  readonly url: string;
  /** Messages accepted, oldest first. */
  delivered(): DeliveredMessage[];
  /** API requests received, oldest first (fault-injected ones included). */
  requests(): RecordedRequest[];
  /** Media stored under `id`. */
  media(id: string): StoredMedia | undefined;
  /** Stores media as if a customer had sent it; returns its id. */
  addMedia(media: StoredMedia): string;
  /** Preloads message templates (replacing any). */
  seedTemplates(templates: readonly TemplateSeed[]): void;
  /** Posts a customer message to the webhook URL in the vendor's format. */
  simulateInbound(message: SimulatedInbound, options?: SimulateOptions): Promise<SimulationResult>;
  /** Posts a delivery status to the webhook URL in the vendor's format. */
  simulateStatus(status: SimulatedStatus, options?: SimulateOptions): Promise<SimulationResult>;
  /** Makes the next matching API requests fail or stall. */
  injectFault(fault: EmulatorFault): void;
  clearFaults(): void;
  /** Forgets delivered messages, requests, media, templates and faults. */
  reset(): void;
  close(): Promise<void>;
}
