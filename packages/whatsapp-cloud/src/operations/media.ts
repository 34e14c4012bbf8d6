import type { CallOptions, DownloadedMedia, MediaUpload, UploadedMedia } from '@wamux/core/adapter';
import type { MediaUrlResponse } from '../wire/media';
import { mediaIdInput, mediaInput } from './inputs';

/** The Cloud API's media endpoints, as a provider's `media` operations. */
export interface CloudMediaOperations {
  /** `POST .../media`: uploads bytes, returns the id to send them by (kept 30 days). */
  upload(media: MediaUpload, options?: CallOptions): Promise<UploadedMedia>;
  /** `GET /{media-id}`: the download URL (valid for minutes), MIME type, sha256 and size. */
  url(mediaId: string, options?: CallOptions): Promise<MediaUrlResponse>;
  /** The URL, then the bytes at once, with the provider's credential. */
  download(mediaId: string, options?: CallOptions): Promise<DownloadedMedia>;
  /** `DELETE /{media-id}`: removes uploaded media. */
  delete(mediaId: string, options?: CallOptions): Promise<void>;
}

/** An adapter's media calls over its own client (its paths, its download host). */
export interface CloudMediaCalls<Client> {
  uploadMedia(client: Client, media: MediaUpload, options: CallOptions): Promise<UploadedMedia>;
  mediaUrl(client: Client, mediaId: string, options: CallOptions): Promise<MediaUrlResponse>;
  downloadMedia(client: Client, mediaId: string, options: CallOptions): Promise<DownloadedMedia>;
  deleteMedia(client: Client, mediaId: string, options: CallOptions): Promise<void>;
}

/** Builds the media operations of one provider: the app's input checked (errors name `provider`), then the adapter's calls. */
export function cloudMediaOperations<Client>(provider: string, client: Client, calls: CloudMediaCalls<Client>): CloudMediaOperations {
  return {
    upload: (media, options = {}) => calls.uploadMedia(client, mediaInput(media, provider), options),
    url: (mediaId, options = {}) => calls.mediaUrl(client, mediaIdInput(mediaId, provider), options),
    download: (mediaId, options = {}) => calls.downloadMedia(client, mediaIdInput(mediaId, provider), options),
    delete: (mediaId, options = {}) => calls.deleteMedia(client, mediaIdInput(mediaId, provider), options),
  };
}
