import type { ProviderEvent } from '@wamux/core/adapter';
import type { WebhookError } from '../wire/graph-error';
import type { OtherWebhookField } from '../wire/webhook';

/**
 * The provider events a Cloud API delivery becomes besides messages and
 * statuses. `provider` is the adapter's name (`cloud-api`, `360dialog`...).
 */
export type CloudProviderEvent =
  /** A change of another webhook field (template status, number quality, account update...), its `value` as sent. */
  | ProviderEvent<OtherWebhookField, { field: OtherWebhookField; value: Record<string, unknown>; wabaId?: string | undefined }>
  /** A field Meta documents after this library was written, kept as sent. */
  | ProviderEvent<'waba_change', { field: string; value: Record<string, unknown>; wabaId?: string | undefined }>
  /** `value.errors`: an error about the app or the number, not about one message (e.g. 130429 throughput). */
  | ProviderEvent<'waba_errors', { errors: WebhookError[] }>
  /** A status whose word the status table does not know. */
  | ProviderEvent<'unknown_status', { status: string; messageId: string }>
  /** An item that could not be read; `path` is where it sits in the delivery. */
  | ProviderEvent<'unrecognized', { field: string; reason: string; path: string }>;

/** The `kind` of a Cloud API provider event. */
export type CloudProviderEventKind = CloudProviderEvent['kind'];
