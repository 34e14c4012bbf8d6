import { toFormData, type CallOptions, type DownloadedMedia, type MediaUpload, type UploadedMedia } from '@wamux/core/adapter';
import { MediaUploadResponseSchema, MediaUrlResponseSchema, SuccessResponseSchema, type MediaUrlResponse } from '@wamux/whatsapp-cloud';
import { PATHS, type D360Client } from './index';

/** `POST /media` (multipart: `file`, `type`, `messaging_product`) → the media id to send it by. */
export async function uploadMedia(client: D360Client, media: MediaUpload, options: CallOptions): Promise<UploadedMedia> {
  const form = toFormData({ messaging_product: 'whatsapp', type: media.mimeType, file: media });
  const response = await client.http.request({ method: 'POST', path: PATHS.media, form, schema: MediaUploadResponseSchema, signal: options.signal });
  return { id: response.data.id, raw: response.data };
}

/** `GET /{media-id}`: Meta's download URL for the media (valid for minutes), MIME type, hash and size. */
export async function mediaUrl(client: D360Client, mediaId: string, options: CallOptions): Promise<MediaUrlResponse> {
  const response = await client.http.request({ method: 'GET', path: PATHS.mediaItem(mediaId), schema: MediaUrlResponseSchema, signal: options.signal });
  return response.data;
}

/**
 * Downloads media by id: `GET /{media-id}` for Meta's URL, then the bytes
 * at once from the same path on 360dialog's host (Meta's host replaced, as
 * 360dialog documents), with the API key. The URL expires within minutes,
 * so it is never cached.
 */
export async function downloadMedia(client: D360Client, mediaId: string, options: CallOptions): Promise<DownloadedMedia> {
  const described = await mediaUrl(client, mediaId, options);
  const response = await client.downloads.request({ method: 'GET', path: client.downloadUrl(described.url), responseType: 'bytes', signal: options.signal });
  const mimeType = described.mime_type ?? response.headers.get('content-type') ?? 'application/octet-stream';
  return { data: response.data, mimeType };
}

/** `DELETE /{media-id}`: removes uploaded media. */
export async function deleteMedia(client: D360Client, mediaId: string, options: CallOptions): Promise<void> {
  await client.http.request({ method: 'DELETE', path: PATHS.mediaItem(mediaId), schema: SuccessResponseSchema, signal: options.signal });
}
