import { isWamuxError, type CallOptions, type PhoneNumber, type RateLimitInfo } from '@wamux/core/adapter';
import * as v from 'valibot';
import {
  contactsBody,
  interactiveBody,
  locationBody,
  locationRequestBody,
  mediaBody,
  readsBody,
  templateBulkBody,
  templateSendBody,
  textBody,
  type ContactsWire,
  type Desk360Body,
  type InteractiveWire,
  type LocationRequestWire,
  type LocationWire,
  type MediaWire,
  type ReadsWire,
  type TemplateBulkWire,
  type TemplateSendWire,
  type TextWire,
} from '../map/outbound';
import { BulkSentSchema, MediaSentSchema, MessageSentSchema, ReadsSchema, type Desk360SentMedia } from '../wire/responses';
import type { Desk360Client } from './index';
import { paths } from './paths';

// One function per Desk360 endpoint: the body from map/outbound, the answer
// read with wire/responses. Input is already validated (by the normalized
// send or the typed operations).

/** What a single-message send answers. */
export interface Desk360MessageSent {
  /** `message_id`: the id status webhooks carry for the message. */
  messageId: string;
  rateLimit?: RateLimitInfo | undefined;
  /** The response body, untouched. */
  raw: unknown;
}

/** What a media send answers: one message per file. */
export interface Desk360MediaSent {
  messages: Desk360SentMedia[];
  rateLimit?: RateLimitInfo | undefined;
  raw: unknown;
}

/** Reads an answer with `schema`, keeping the body as sent for `raw`. */
const withRaw = <TSchema extends v.GenericSchema>(schema: TSchema) =>
  v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }): { value: v.InferOutput<TSchema>; raw: unknown } => {
      const result = v.safeParse(schema, dataset.value);
      if (result.success) return { value: result.output as v.InferOutput<TSchema>, raw: dataset.value };
      addIssue({ message: result.issues[0].message, path: result.issues[0].path });
      return NEVER;
    }),
  );

async function sendMessage(client: Desk360Client, path: string, body: Desk360Body, options: CallOptions): Promise<Desk360MessageSent> {
  const response = await client.http.request({ method: 'POST', path, ...body, schema: withRaw(MessageSentSchema), signal: options.signal });
  return { messageId: response.data.value, rateLimit: response.rateLimit, raw: response.data.raw };
}

/** `POST .../messages`: a text. */
export function postText(client: Desk360Client, input: TextWire, options: CallOptions): Promise<Desk360MessageSent> {
  return sendMessage(client, paths.messages(client.integrationId()), textBody(input), options);
}

/**
 * `POST .../messages/locations` (the examples' path). The document's table
 * names `.../messages` instead: when Desk360 answers the examples' path with
 * a routing 404 (`not_found_exception`), the same body goes there once.
 */
export async function postLocation(client: Desk360Client, input: LocationWire, options: CallOptions): Promise<Desk360MessageSent> {
  const integrationId = client.integrationId();
  const body = locationBody(input);
  try {
    return await sendMessage(client, paths.locations(integrationId), body, options);
  } catch (error) {
    if (!isWamuxError(error) || error.status !== 404 || error.vendorCode !== 'not_found_exception') throw error;
    return sendMessage(client, paths.messages(integrationId), body, options);
  }
}

/** `POST .../messages/contacts`. */
export function postContacts(client: Desk360Client, input: ContactsWire, options: CallOptions): Promise<Desk360MessageSent> {
  return sendMessage(client, paths.contacts(client.integrationId()), contactsBody(input), options);
}

/** `POST .../messages/medias`: Desk360 sends one message per file. */
export async function postMedia(client: Desk360Client, input: MediaWire, options: CallOptions): Promise<Desk360MediaSent> {
  const response = await client.http.request({
    method: 'POST',
    path: paths.medias(client.integrationId()),
    ...mediaBody(input),
    schema: withRaw(MediaSentSchema),
    signal: options.signal,
  });
  return { messages: response.data.value, rateLimit: response.rateLimit, raw: response.data.raw };
}

/** `POST .../messages/interactive`. */
export function postInteractive(client: Desk360Client, input: InteractiveWire, options: CallOptions): Promise<Desk360MessageSent> {
  return sendMessage(client, paths.interactive(client.integrationId()), interactiveBody(input), options);
}

/** `POST .../messages/interactive/location-request`. */
export function postLocationRequest(client: Desk360Client, input: LocationRequestWire, options: CallOptions): Promise<Desk360MessageSent> {
  return sendMessage(client, paths.locationRequest(client.integrationId()), locationRequestBody(input), options);
}

/** `POST .../messages/reads`: marks received messages read. */
export async function postReads(client: Desk360Client, input: ReadsWire, options: CallOptions): Promise<{ messageIds: string[]; raw: unknown }> {
  const response = await client.http.request({
    method: 'POST',
    path: paths.reads(client.integrationId()),
    ...readsBody(input),
    schema: withRaw(ReadsSchema),
    // Marking read twice changes nothing.
    idempotent: true,
    signal: options.signal,
  });
  return { messageIds: response.data.value.message_ids, raw: response.data.raw };
}

/** `POST .../templates/send`: one number. */
export function postTemplate(client: Desk360Client, input: TemplateSendWire, options: CallOptions): Promise<Desk360MessageSent> {
  return sendMessage(client, paths.templateSend(client.integrationId()), templateSendBody(input), options);
}

/** `POST .../templates/send/bulk`: many numbers, one parameter set. */
export async function postTemplateBulk(client: Desk360Client, input: TemplateBulkWire, options: CallOptions): Promise<{ phones: PhoneNumber[]; raw: unknown }> {
  const response = await client.http.request({
    method: 'POST',
    path: paths.templateSendBulk(client.integrationId()),
    ...templateBulkBody(input),
    schema: withRaw(BulkSentSchema),
    signal: options.signal,
  });
  return { phones: response.data.value.phones, raw: response.data.raw };
}
