import { MediaBytesSchema, toFormData, type DownloadedMedia, type MediaUpload } from '@wamux/core/adapter';
import * as v from 'valibot';
import type { GetchatContext } from './context';
import { callOperation, routeOf } from './call';
import { parseArgs, RequestOptionsInput, StringIdInput, type RequestOptions } from '../map/input';
import { LenientString, maybe } from '../wire/lenient';

/** A media file stored in the inbox. */
export interface GetchatMediaFile {
  /** get.chat's media id (a UUID): send media by it, or download it. */
  id: string;
  /** A direct URL of the file in the inbox (`file`); messages can link to it. */
  url?: string | undefined;
}

const MediaFileWire = v.pipe(
  v.object({ id: LenientString, file: maybe(v.string()) }),
  v.transform((media): GetchatMediaFile => ({ id: media.id, url: media.file })),
);

/** Options of `media.download`. */
export interface GetchatDownloadOptions extends RequestOptions {
  /**
   * The content type to ask for (`mime_type_type` / `mime_type_subtype`),
   * e.g. from the message's `mime_type`. get.chat answers with it.
   */
  mimeType?: string | undefined;
}

const DownloadOptionsInput = v.optional(
  v.strictObject({
    signal: v.optional(v.instance(AbortSignal, 'must be an AbortSignal')),
    mimeType: v.optional(v.pipe(v.string(), v.regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as image/jpeg'))),
  }),
  {},
);

// The Media Files calls the driver's `send`, `uploadMedia` and
// `downloadMedia` are built on; the provider's `media` namespace
// (operations/media.ts) exposes them as they are.

/**
 * `createMediaFile` (`POST /media/`, multipart field `file_encoded`): stores
 * a file in the inbox, to attach to a message afterwards.
 */
export async function uploadMediaFile(ctx: GetchatContext, media: MediaUpload, options?: RequestOptions): Promise<GetchatMediaFile> {
  const file = parseArgs(MediaBytesSchema, media, 'media');
  const { signal } = parseArgs(RequestOptionsInput, options, 'options') ?? {};
  // The document's example (and get.chat's web inbox) sends the raw file
  // as multipart, although the schema's prose says "Encoded in Base64".
  return callOperation(ctx, 'createMediaFile', { form: toFormData({ file_encoded: file }), schema: MediaFileWire, signal });
}

/** `retrieveMediaFile` (`GET /media/{id}`): the raw bytes of a media file. */
export async function downloadMediaFile(ctx: GetchatContext, id: string, options?: GetchatDownloadOptions): Promise<DownloadedMedia> {
  const mediaId = parseArgs(StringIdInput, id, 'id');
  const { signal, mimeType } = parseArgs(DownloadOptionsInput, options, 'options');
  const [type, subtype] = mimeType?.split('/') ?? [];
  const response = await ctx.http.request({
    ...routeOf(ctx, 'retrieveMediaFile', { id: mediaId }),
    query: { mime_type_type: type, mime_type_subtype: subtype },
    responseType: 'bytes',
    signal,
  });
  const contentType = response.headers.get('content-type')?.split(';')[0]?.trim();
  return {
    data: response.data,
    mimeType: contentType || mimeType || 'application/octet-stream',
    filename: filenameOf(response.headers.get('content-disposition')),
  };
}

/** The filename of a `Content-Disposition` header (`filename*=UTF-8''...` or `filename="..."`). */
function filenameOf(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      return undefined;
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/.exec(header)?.[1]?.trim();
}
