import * as v from 'valibot';
import { LenientString, maybe } from './lenient';

/** The answer to `POST /{phone-number-id}/media` (multipart `file`, `type`, `messaging_product`). */
export const MediaUploadResponseSchema = v.object({ id: LenientString });

/**
 * The answer to `GET /{media-id}`: a URL to download the bytes from (with
 * the same Bearer token), valid for a few minutes only.
 */
export const MediaUrlResponseSchema = v.object({
  messaging_product: maybe(v.string()),
  url: v.pipe(v.string(), v.url('must be a URL')),
  mime_type: maybe(v.string()),
  sha256: maybe(v.string()),
  file_size: maybe(LenientString),
  id: maybe(LenientString),
});

/** The answer to `GET /{media-id}`, parsed. */
export type MediaUrlResponse = v.InferOutput<typeof MediaUrlResponseSchema>;
