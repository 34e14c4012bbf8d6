import { toFormData, type CallOptions, type DownloadedMedia, type MediaUpload, type UploadedMedia } from '@wamux/core/adapter';
import { MediaUploadResponseSchema, MediaUrlResponseSchema, SuccessResponseSchema, type MediaUrlResponse } from '../wire';
import type { CloudApiClient } from './index';

/** `POST /{phone-number-id}/media` (multipart: `file`, `type`, `messaging_product`) → the media id to send it by. */
export async function uploadMedia(client: CloudApiClient, media: MediaUpload, options: CallOptions): Promise<UploadedMedia> {
  const form = toFormData({ messaging_product: 'whatsapp', type: media.mimeType, file: media });
  const response = await client.http.request({ method: 'POST', path: client.paths.media, form, schema: MediaUploadResponseSchema, signal: options.signal });
  return { id: response.data.id, raw: response.data };
}

/** `GET /{media-id}`: the media's download URL (valid for minutes), MIME type, hash and size. */
export async function mediaUrl(client: CloudApiClient, mediaId: string, options: CallOptions): Promise<MediaUrlResponse> {
  const response = await client.http.request({ method: 'GET', path: client.paths.mediaItem(mediaId), schema: MediaUrlResponseSchema, signal: options.signal });
  return response.data;
}

/**
 * Downloads media by id: `GET /{media-id}` for its URL, then the bytes from
 * that URL at once, with the same Bearer token (the URL expires within
 * minutes, so it is never cached).
 */
export async function downloadMedia(client: CloudApiClient, mediaId: string, options: CallOptions): Promise<DownloadedMedia> {
  const described = await mediaUrl(client, mediaId, options);
  const url = new URL(described.url);
  const response = await client.mediaHost(url).request({ method: 'GET', path: url.href, responseType: 'bytes', signal: options.signal });
  const mimeType = described.mime_type ?? response.headers.get('content-type') ?? 'application/octet-stream';
  return { data: response.data, mimeType };
}

/** `DELETE /{media-id}`: removes uploaded media from Meta's store. */
export async function deleteMedia(client: CloudApiClient, mediaId: string, options: CallOptions): Promise<void> {
  await client.http.request({
    method: 'DELETE',
    path: client.paths.mediaItem(mediaId),
    query: { phone_number_id: client.phoneNumberId },
    schema: SuccessResponseSchema,
    signal: options.signal,
  });
}
