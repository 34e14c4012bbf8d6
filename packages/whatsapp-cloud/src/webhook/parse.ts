import { throughputEvent, toE164, WebhookPayloadError, type WebhookEvent } from '@wamux/core/adapter';
import * as v from 'valibot';
import { throughputFromQualityUpdate } from '../map/throughput';
import { inboundFromCloud } from '../map/inbound';
import { valueContacts, type ValueContacts } from '../map/customer';
import { statusFromCloud } from '../map/status';
import { WebhookErrorSchema } from '../wire/graph-error';
import { isRecord, itemsOf, LenientString } from '../wire/lenient';
import { StatusItemSchema } from '../wire/status';
import { MetadataSchema, OTHER_WEBHOOK_FIELDS, type OtherWebhookField } from '../wire/webhook';
import type { CloudProviderEvent } from './events';

/** Options of {@link parseCloudWebhook}. */
export interface ParseCloudWebhookOptions {
  /** The adapter's name, stamped on every event and error. */
  provider: string;
}

type Draft = CloudProviderEvent extends infer E ? (E extends CloudProviderEvent ? Omit<E, 'type' | 'provider' | 'raw'> : never) : never;

const OTHER_FIELDS: ReadonlySet<string> = new Set(OTHER_WEBHOOK_FIELDS);

/** Calls `read` for each item of `value` (an array, or one object where an array was promised) with its dotted path. */
function eachItem(value: unknown, path: string, read: (item: unknown, itemPath: string) => void): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    read(value, path);
    return;
  }
  for (let index = 0; index < value.length; index += 1) read(value[index], `${path}.${index}`);
}

/**
 * Turns a parsed Cloud API webhook body into events: every entry, every
 * change, every message and status of a batch, in delivery order. A
 * `messages` change gives `message` and `status` events (and a
 * `waba_errors` event for `value.errors`); any other field (template
 * status, number quality, account update...) becomes a provider event
 * with its `value`. One unreadable item becomes an `unrecognized` provider
 * event naming its path, so the rest of the batch still counts.
 *
 * Throws `WebhookPayloadError` (400) when the body is not an object with
 * an `entry` list. Verify the signature first ({@link verifySignature}).
 */
export function parseCloudWebhook(body: unknown, options: ParseCloudWebhookOptions): WebhookEvent[] {
  const { provider } = options;
  if (!isRecord(body)) throw new WebhookPayloadError('the webhook body is not a JSON object', { provider, status: 400 });
  if (body.entry === undefined || body.entry === null) {
    throw new WebhookPayloadError('the webhook body has no entry list (a Cloud API delivery is { object, entry: [{ changes }] })', {
      provider,
      status: 400,
      field: 'entry',
    });
  }
  const events: WebhookEvent[] = [];
  const providerEvent = (draft: Draft, raw: unknown) => events.push({ type: 'provider_event', provider, ...draft, raw } as CloudProviderEvent);
  const unrecognized = (field: string, reason: string, raw: unknown, path: string) =>
    providerEvent({ kind: 'unrecognized', payload: { field, reason, path } }, raw);

  eachItem(body.entry, 'entry', (entry, entryPath) => {
    if (!isRecord(entry)) return unrecognized('entry', 'an entry is not an object', entry, entryPath);
    const wabaId = v.safeParse(LenientString, entry.id);
    eachItem(entry.changes, `${entryPath}.changes`, (change, changePath) => {
      if (!isRecord(change) || !isRecord(change.value)) return unrecognized('changes', 'a change has no value object', change, `${changePath}.value`);
      const field = typeof change.field === 'string' ? change.field : 'messages';
      const value = change.value;
      if (field === 'messages') return readMessagesValue(value, `${changePath}.value`);
      const payload = { field, value, ...(wabaId.success ? { wabaId: wabaId.output } : {}) };
      if (OTHER_FIELDS.has(field)) providerEvent({ kind: field as OtherWebhookField, payload: { ...payload, field: field as OtherWebhookField } }, change);
      else providerEvent({ kind: 'waba_change', payload }, change);
      // A throughput upgrade also becomes core's well-known event, which the throughput limiter follows.
      const throughput = field === 'phone_number_quality_update' ? throughputFromQualityUpdate(value) : undefined;
      if (throughput !== undefined) events.push(throughputEvent(provider, throughput, change));
    });
  });
  return events;

  function readMessagesValue(value: Record<string, unknown>, base: string): void {
    const metadata = v.safeParse(MetadataSchema, value.metadata);
    const display = metadata.success ? metadata.output.display_phone_number : undefined;
    const to = display === undefined ? undefined : toE164(display);
    const contacts: ValueContacts = valueContacts(itemsOf(value.contacts));
    eachItem(value.messages, `${base}.messages`, (payload, path) => {
      if (!isRecord(payload)) return unrecognized('messages', 'a message is not an object', payload, path);
      const result = inboundFromCloud(payload, { contacts, to });
      if (result.ok) events.push({ type: 'message', provider, message: result.message, raw: payload });
      else unrecognized('messages', result.reason, payload, `${path}.${result.field}`);
    });
    eachItem(value.statuses, `${base}.statuses`, (item, path) => {
      const parsed = v.safeParse(StatusItemSchema, item);
      if (!parsed.success) return unrecognized('statuses', `a status item is malformed at ${v.getDotPath(parsed.issues[0]) ?? '(status)'}`, item, path);
      const status = statusFromCloud(parsed.output, contacts);
      if (status) events.push({ type: 'status', provider, status, raw: item });
      else if (parsed.output.id === undefined || parsed.output.id.trim() === '') unrecognized('statuses', 'a status item has no id', item, `${path}.id`);
      else
        providerEvent(
          { kind: 'unknown_status', id: `${parsed.output.id}:${parsed.output.status}`, payload: { status: parsed.output.status, messageId: parsed.output.id } },
          item,
        );
    });
    const errors = itemsOf(value.errors);
    if (errors.length > 0) {
      const parsed = errors.map((error) => v.safeParse(WebhookErrorSchema, error)).flatMap((result) => (result.success ? [result.output] : []));
      providerEvent({ kind: 'waba_errors', payload: { errors: parsed } }, value.errors);
    }
  }
}
