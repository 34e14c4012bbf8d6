import { createHash } from 'node:crypto';
import type { EmulatorRoute } from '@wamux/emulator';
import { graphErrorResponse } from './graph-error';
import { injectedError, unknownObject, type RouteGuard } from './guards';
import type { CloudEmulatorState } from './state';

/** The path Meta serves media downloads under: `lookaside.fbsbx.com/whatsapp_business/attachments/?mid=...`. */
export const MEDIA_DOWNLOAD_PATH = '/whatsapp_business/attachments';

/** Where a Cloud API emulator's media routes sit, and what differs between the vendors serving them. */
export interface CloudMediaRoutesOptions {
  /** The upload path: `/:phoneNumberId/media` on Graph, `/media` where the credential names the number. */
  uploadPattern: string;
  /** Checked before an upload (the phone number id of the path). */
  uploadGuard?: RouteGuard | undefined;
  /** The origin the URLs `GET /{media-id}` hands out point to (this emulator's, or Meta's host that a vendor rewrites to its own). */
  mediaOrigin: () => string;
  /** How long a media URL works, in ms. */
  urlTtl: () => number;
}

/** Media: upload (multipart), URL (expiring), download (by the URL's `mid`), delete. */
export function cloudMediaRoutes(state: CloudEmulatorState, options: CloudMediaRoutesOptions): EmulatorRoute[] {
  return [
    {
      method: 'POST',
      pattern: options.uploadPattern,
      handler: async (request) => {
        const refused = options.uploadGuard?.(request) ?? injectedError(state, request);
        if (refused) return refused;
        const file = request.form?.get('file');
        if (request.form?.get('messaging_product') !== 'whatsapp')
          return graphErrorResponse(400, 100, 'Invalid parameter', 'messaging_product must be "whatsapp"');
        if (file === null || file === undefined || typeof file === 'string') return graphErrorResponse(400, 100, 'Invalid parameter', 'file is required');
        const type = request.form?.get('type');
        const mimeType = typeof type === 'string' && type !== '' ? type : file.type;
        const id = state.store({ data: new Uint8Array(await file.arrayBuffer()), mimeType, filename: file.name });
        return { json: { id } };
      },
    },
    {
      method: 'GET',
      pattern: MEDIA_DOWNLOAD_PATH,
      handler: (request) => {
        const link = state.mediaUrls.get(request.query.get('mid') ?? '');
        const media = link === undefined ? undefined : state.media.get(link.mediaId);
        if (link === undefined || media === undefined) return graphErrorResponse(404, 100, 'Invalid parameter', 'This media URL does not exist');
        if (Date.now() >= link.expiresAt)
          return graphErrorResponse(404, 100, 'Invalid parameter', 'This media URL has expired: get a new one with GET /{media-id}');
        return { body: media.data, headers: { 'content-type': media.mimeType, 'content-length': String(media.data.byteLength) } };
      },
    },
    {
      method: 'GET',
      pattern: '/:mediaId',
      handler: (request) => {
        const fault = injectedError(state, request);
        if (fault) return fault;
        const mediaId = request.params.mediaId ?? '';
        const media = state.media.get(mediaId);
        if (media === undefined) return unknownObject('GET', mediaId);
        const token = state.nextToken();
        state.mediaUrls.set(token, { mediaId, expiresAt: Date.now() + options.urlTtl() });
        return {
          json: {
            messaging_product: 'whatsapp',
            url: `${options.mediaOrigin()}${MEDIA_DOWNLOAD_PATH}/?mid=${token}&ext=${Math.floor(Date.now() / 1000)}&hash=ATu${token.slice(-6)}`,
            mime_type: media.mimeType,
            sha256: createHash('sha256').update(media.data).digest('hex'),
            file_size: media.data.byteLength,
            id: mediaId,
          },
        };
      },
    },
    {
      method: 'DELETE',
      pattern: '/:mediaId',
      handler: (request) => {
        const mediaId = request.params.mediaId ?? '';
        if (!state.media.delete(mediaId)) return unknownObject('DELETE', mediaId);
        for (const [token, link] of state.mediaUrls) if (link.mediaId === mediaId) state.mediaUrls.delete(token);
        return { json: { success: true } };
      },
    },
  ];
}
