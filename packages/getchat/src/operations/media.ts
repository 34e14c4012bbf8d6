import type { DownloadedMedia, MediaUpload } from '@wamux/core/adapter';
import type { GetchatContext } from '../client';
import { downloadMediaFile, uploadMediaFile, type GetchatDownloadOptions, type GetchatMediaFile } from '../client/media';
import type { RequestOptions } from '../map/input';

/** The Media Files section of the document. */
export interface GetchatMediaOperations {
  /**
   * `createMediaFile` (`POST /media/`, multipart field `file_encoded`):
   * stores a file in the inbox, to attach to a message afterwards.
   */
  upload(media: MediaUpload, options?: RequestOptions): Promise<GetchatMediaFile>;
  /** `retrieveMediaFile` (`GET /media/{id}`): the raw bytes of a media file. */
  download(id: string, options?: GetchatDownloadOptions): Promise<DownloadedMedia>;
}

/** Creates the `media` namespace. */
export function createMediaOperations(ctx: GetchatContext): GetchatMediaOperations {
  return {
    upload: (media, options) => uploadMediaFile(ctx, media, options),
    download: (id, options) => downloadMediaFile(ctx, id, options),
  };
}
