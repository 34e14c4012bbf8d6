import type { EmulatorRoute } from '@wamux/emulator';
import { errorResponse } from '../errors';
import type { MemoryState } from '../state';

/** `POST /media` (multipart `file`), `GET /media/:id` (the bytes). */
export function mediaRoutes(state: MemoryState): EmulatorRoute[] {
  return [
    {
      method: 'POST',
      pattern: '/media',
      handler: async (request) => {
        const file = request.form?.get('file');
        if (!file || typeof file === 'string') return errorResponse(400, 'invalid_media', 'file: a file field is required');
        const id = state.ids.media();
        state.media.set(id, { data: new Uint8Array(await file.arrayBuffer()), mimeType: file.type || 'application/octet-stream', filename: file.name });
        return { status: 201, json: { id } };
      },
    },
    {
      method: 'GET',
      pattern: '/media/:id',
      handler: (request) => {
        const stored = state.media.get(request.params.id as string);
        if (!stored) return errorResponse(404, 'not_found', 'no such media');
        return { body: stored.data, headers: { 'content-type': stored.mimeType } };
      },
    },
  ];
}
