import { contactCardToWhatsApp, parseInput, type CallOptions, type DownloadedMedia } from '@wamux/core/adapter';
import * as v from 'valibot';
import { DESK360 } from '../options';
import type { Desk360Client } from '../client';
import { downloadDesk360Media, resolveMedia } from '../client/media';
import {
  postContacts,
  postInteractive,
  postLocation,
  postLocationRequest,
  postMedia,
  postReads,
  postText,
  type Desk360MediaSent,
  type Desk360MessageSent,
} from '../client/requests';
import {
  MarkReadInputSchema,
  SendContactsInputSchema,
  SendInteractiveInputSchema,
  SendLocationInputSchema,
  SendLocationRequestInputSchema,
  SendMediaInputSchema,
  SendTextInputSchema,
  type MarkReadInput,
  type SendContactsInput,
  type SendInteractiveInput,
  type SendLocationInput,
  type SendLocationRequestInput,
  type SendMediaInput,
  type SendTextInput,
} from './inputs';

/** The WhatsApp Messages section of the document, one method per endpoint. */
export interface Desk360MessageOperations {
  /** `POST .../messages`: a text of up to 4096 characters. */
  sendText(input: SendTextInput, options?: CallOptions): Promise<Desk360MessageSent>;
  /** `POST .../messages/locations`: a location with its name and address. */
  sendLocation(input: SendLocationInput, options?: CallOptions): Promise<Desk360MessageSent>;
  /** `POST .../messages/contacts`: contact cards. */
  sendContacts(input: SendContactsInput, options?: CallOptions): Promise<Desk360MessageSent>;
  /** `POST .../messages/medias`: 1 to 5 files (multipart); Desk360 sends one message per file. */
  sendMedia(input: SendMediaInput, options?: CallOptions): Promise<Desk360MediaSent>;
  /** `POST .../messages/interactive`: up to 10 reply buttons, with an optional header and footer. */
  sendInteractive(input: SendInteractiveInput, options?: CallOptions): Promise<Desk360MessageSent>;
  /** `POST .../messages/interactive/location-request`: asks the customer to share a location. */
  sendLocationRequest(input: SendLocationRequestInput, options?: CallOptions): Promise<Desk360MessageSent>;
  /** `POST .../messages/reads`: marks received messages read. */
  markRead(input: MarkReadInput, options?: CallOptions): Promise<{ messageIds: string[]; raw: unknown }>;
  /** `GET .../messages/medias/:mediaId`: a received (or sent) file's bytes and type. */
  getMedia(mediaId: string, options?: CallOptions): Promise<DownloadedMedia>;
}

const check = <TSchema extends v.GenericSchema>(schema: TSchema, input: unknown): v.InferOutput<TSchema> =>
  parseInput(schema, input, { root: 'input', provider: DESK360 });

const MediaIdSchema = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));

/** Creates the WhatsApp Messages operations. */
export function createMessageOperations(client: Desk360Client): Desk360MessageOperations {
  return {
    sendText: (input, options = {}) => postText(client, check(SendTextInputSchema, input), options),
    sendLocation: (input, options = {}) => postLocation(client, check(SendLocationInputSchema, input), options),
    sendContacts: (input, options = {}) => {
      const valid = check(SendContactsInputSchema, input);
      return postContacts(client, { to: valid.to, contacts: valid.contacts.map(contactCardToWhatsApp) }, options);
    },
    async sendMedia(input, options = {}) {
      const valid = check(SendMediaInputSchema, input);
      const attachments = await Promise.all(
        valid.attachments.map((source, index) => resolveMedia(client, source, { field: `input.attachments.${index}` }, options)),
      );
      return postMedia(client, { to: valid.to, attachments }, options);
    },
    sendInteractive: (input, options = {}) => postInteractive(client, check(SendInteractiveInputSchema, input), options),
    sendLocationRequest: (input, options = {}) => postLocationRequest(client, check(SendLocationRequestInputSchema, input), options),
    markRead: (input, options = {}) => postReads(client, check(MarkReadInputSchema, input), options),
    getMedia: (mediaId, options = {}) => downloadDesk360Media(client, parseInput(MediaIdSchema, mediaId, { root: 'mediaId', provider: DESK360 }), options),
  };
}
