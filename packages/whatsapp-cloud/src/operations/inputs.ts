import { MediaBytesSchema, NonEmptyStringSchema, parseInput, type MediaUpload } from '@wamux/core/adapter';

/** A media id given to a vendor operation: a non-empty string. */
export function mediaIdInput(mediaId: unknown, provider: string): string {
  return parseInput(NonEmptyStringSchema, mediaId, { root: 'mediaId', provider });
}

/** Bytes to upload: `{ data, filename, mimeType }`. */
export function mediaInput(media: unknown, provider: string): MediaUpload {
  return parseInput(MediaBytesSchema, media, { root: 'media', provider });
}

/** A message id to mark read. */
export function messageIdInput(messageId: unknown, provider: string): string {
  return parseInput(NonEmptyStringSchema, messageId, { root: 'messageId', provider });
}
