import * as v from 'valibot';
import { IdString, VendorPhone } from './coerce';

/** `{ "message_id": "gBEG..." }`: what every single-message send answers. */
export const MessageSentSchema = v.pipe(
  v.union([v.looseObject({ message_id: IdString }), v.looseObject({ id: IdString })], 'must hold a message_id'),
  v.transform((body): string => String('message_id' in body ? body.message_id : body.id)),
);

/** One file of a media send: `{ url, name, type, aws, content_type, message_id, media_id }`. */
const SentMediaSchema = v.looseObject({
  message_id: IdString,
  media_id: v.optional(IdString),
  url: v.optional(v.string()),
  name: v.optional(v.string()),
  type: v.optional(v.string()),
  content_type: v.optional(v.string()),
});

/** One sent file, as `messages.sendMedia()` reports it. */
export interface Desk360SentMedia {
  messageId: string;
  mediaId?: string | undefined;
  /** `image`, `video`, `audio`, `document`: how Desk360 classified the file. */
  type?: string | undefined;
  url?: string | undefined;
  name?: string | undefined;
  contentType?: string | undefined;
}

/**
 * `{ "medias": { "images": [ {...} ], ... } }`. Liberal: the groups may be
 * one object instead of an array, and `medias` may itself be a flat array.
 */
export const MediaSentSchema = v.pipe(
  v.looseObject({
    medias: v.union([v.array(SentMediaSchema), v.record(v.string(), v.union([v.array(SentMediaSchema), SentMediaSchema]))]),
  }),
  v.transform(({ medias }): Desk360SentMedia[] => {
    const items = Array.isArray(medias) ? medias : Object.values(medias).flatMap((group) => (Array.isArray(group) ? group : [group]));
    return items.map((item) => ({
      messageId: item.message_id,
      mediaId: item.media_id,
      type: item.type,
      url: item.url,
      name: item.name,
      contentType: item.content_type,
    }));
  }),
  v.check((items) => items.length > 0, 'must list the sent files'),
);

/** Bulk send answers `{ "phones": ["+90..."] }`. */
export const BulkSentSchema = v.looseObject({ phones: v.optional(v.array(VendorPhone), []) });

/** Read receipts answer `{ "message_ids": [...] }`. */
export const ReadsSchema = v.looseObject({ message_ids: v.optional(v.array(IdString), []) });

/** A JSON answer to the media download: the document shows only `{fileObject}`, so a file description is read too. */
export const FileObjectSchema = v.looseObject({
  url: v.pipe(v.string(), v.url()),
  content_type: v.optional(v.string()),
  mime_type: v.optional(v.string()),
  name: v.optional(v.string()),
});
