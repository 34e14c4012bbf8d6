import type { EmulatorRequest, EmulatorResponse, EmulatorRoute } from '@wamux/emulator';
import type * as v from 'valibot';
import { contactCard, interactiveMessage, kindOfFile, mediaMessage } from '../decode';
import { desk360Error, validateBody } from '../errors';
import { bodyOf } from '../fields';
import {
  ContactsBodySchema,
  InteractiveBodySchema,
  LocationBodySchema,
  LocationRequestBodySchema,
  MediaBodySchema,
  ReadsBodySchema,
  TextBodySchema,
} from '../schemas';
import { describeBody, forIntegration, type EmulatorState } from '../state';

const BASE = '/integrations/:integrationId/conversations/messages';

/** The WhatsApp Messages endpoints: every send, read receipts, media download. */
export function messageRoutes(state: EmulatorState): EmulatorRoute[] {
  /** Validates the body with `schema`, then records the message `decode` makes of it. */
  const sendRoute = <TSchema extends v.GenericSchema>(
    pattern: string,
    schema: TSchema,
    decode: (body: v.InferOutput<TSchema>) => Parameters<EmulatorState['accept']>[0],
  ): EmulatorRoute => ({
    method: 'POST',
    pattern,
    handler: forIntegration(state, async (request) => {
      const raw = await bodyOf(request);
      const body = validateBody(schema, raw);
      if (!body.ok) return body.response;
      return { json: { message_id: state.accept(decode(body.value), describeBody(raw)) } };
    }),
  });

  const location = (body: v.InferOutput<typeof LocationBodySchema>) => ({
    type: 'location' as const,
    to: body.to,
    latitude: body.location.latitude,
    longitude: body.location.longitude,
    name: body.location.name,
    address: body.location.address,
  });

  return [
    {
      method: 'POST',
      pattern: BASE,
      // The document's table sends locations here too: a body with `location` is one.
      handler: forIntegration(state, async (request) => {
        const raw = await bodyOf(request);
        const body = 'location' in raw ? validateBody(LocationBodySchema, raw) : validateBody(TextBodySchema, raw);
        if (!body.ok) return body.response;
        const message = 'location' in body.value ? location(body.value) : { type: 'text' as const, to: body.value.to, text: body.value.text };
        return { json: { message_id: state.accept(message, describeBody(raw)) } };
      }),
    },
    sendRoute(`${BASE}/locations`, LocationBodySchema, location),
    sendRoute(`${BASE}/contacts`, ContactsBodySchema, (body) => ({ type: 'contacts', to: body.to, contacts: body.contacts.map(contactCard) })),
    sendRoute(`${BASE}/interactive`, InteractiveBodySchema, interactiveMessage),
    sendRoute(`${BASE}/interactive/location-request`, LocationRequestBodySchema, (body) => ({
      type: 'interactive',
      to: body.to,
      interactive: { kind: 'location_request', body: body.body },
    })),
    {
      method: 'POST',
      pattern: `${BASE}/medias`,
      handler: forIntegration(state, async (request) => {
        const raw = await bodyOf(request);
        const body = validateBody(MediaBodySchema, raw);
        if (!body.ok) return body.response;
        const medias: Record<string, unknown[]> = {};
        for (const file of body.value.attachments) {
          const kind = kindOfFile(file.mimeType);
          const mediaId = state.store({ data: file.data, mimeType: file.mimeType, filename: file.filename });
          const messageId = state.accept(mediaMessage(body.value.to, file), describeBody(raw));
          const group = medias[`${kind}s`] ?? [];
          medias[`${kind}s`] = group;
          group.push({
            url: `https://my-cdn.desk360.com/integrations/${request.params.integrationId}/attachments/${mediaId}`,
            name: file.filename,
            type: kind,
            aws: true,
            content_type: file.mimeType,
            message_id: messageId,
            media_id: mediaId,
          });
        }
        return { json: { medias } };
      }),
    },
    {
      method: 'GET',
      pattern: `${BASE}/medias/:mediaId`,
      handler: forIntegration(state, (request: EmulatorRequest): EmulatorResponse => {
        const stored = state.media.get(request.params.mediaId ?? '');
        if (!stored) return desk360Error(404, 'Requested resource not found.', 'model_not_found_exception');
        const disposition: Record<string, string> = stored.filename
          ? { 'content-disposition': `attachment; filename="${stored.filename.replace(/"/g, '')}"` }
          : {};
        return { body: stored.data, headers: { 'content-type': stored.mimeType, ...disposition } };
      }),
    },
    {
      method: 'POST',
      pattern: `${BASE}/reads`,
      handler: forIntegration(state, async (request) => {
        const body = validateBody(ReadsBodySchema, await bodyOf(request));
        if (!body.ok) return body.response;
        state.reads.push({ to: body.value.to, messageIds: body.value.message_ids });
        return { json: { message_ids: body.value.message_ids } };
      }),
    },
  ];
}
