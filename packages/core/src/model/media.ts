import * as v from 'valibot';

/** Media referenced by a public HTTPS (or HTTP) URL the vendor or adapter can fetch. */
export const MediaUrlSchema = v.strictObject({
  url: v.pipe(v.string(), v.url('must be an absolute URL')),
});

/** Media already uploaded to the provider, by the id the provider gave it. */
export const MediaIdSchema = v.strictObject({
  id: v.pipe(v.string(), v.nonEmpty('must not be empty')),
});

/** Media given as bytes; the adapter uploads it. */
export const MediaBytesSchema = v.strictObject({
  data: v.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be a Uint8Array (a Buffer is one)'),
  filename: v.pipe(v.string(), v.nonEmpty('must not be empty')),
  mimeType: v.pipe(v.string(), v.regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as image/jpeg')),
});

/** Where outbound media comes from: `{ url }`, `{ id }` or `{ data, filename, mimeType }`. */
export const MediaSourceSchema = v.union([MediaUrlSchema, MediaIdSchema, MediaBytesSchema], 'must be { url }, { id } or { data, filename, mimeType }');

export type MediaUrl = v.InferOutput<typeof MediaUrlSchema>;
export type MediaId = v.InferOutput<typeof MediaIdSchema>;
export type MediaBytes = v.InferOutput<typeof MediaBytesSchema>;
/** Where outbound media comes from: `{ url }`, `{ id }` or `{ data, filename, mimeType }`. */
export type MediaSource = v.InferOutput<typeof MediaSourceSchema>;

/** The three ways to give media, as capabilities name them. */
export type MediaSourceKind = 'url' | 'id' | 'data';

/** Which of the three forms a media source is. */
export function mediaSourceKind(source: MediaSource): MediaSourceKind {
  if ('url' in source) return 'url';
  if ('id' in source) return 'id';
  return 'data';
}

/** Inbound media as the vendor described it; any field may be missing. */
export const MediaRefSchema = v.object({
  id: v.optional(v.string()),
  url: v.optional(v.string()),
  mimeType: v.optional(v.string()),
  sha256: v.optional(v.string()),
  caption: v.optional(v.string()),
  filename: v.optional(v.string()),
  /** True for a voice note (audio recorded in WhatsApp). */
  voice: v.optional(v.boolean()),
});

/** Inbound media: an id to download it by and/or a URL, with what the vendor said about it. */
export type MediaRef = v.InferOutput<typeof MediaRefSchema>;

/** Bytes to upload to a provider's media store. */
export type MediaUpload = MediaBytes;

/** Media downloaded from a provider. */
export interface DownloadedMedia {
  data: Uint8Array;
  mimeType: string;
  filename?: string | undefined;
}

/** What a media upload returns: the id to send the media by. */
export interface UploadedMedia {
  id: string;
  raw: unknown;
}
