import { ValidationError, type CallOptions, type DownloadedMedia, type MediaBytes, type MediaSource } from '@wamux/core/adapter';
import { match, P } from 'ts-pattern';
import * as v from 'valibot';
import { LIMITS } from '../map/limits';
import { DESK360 } from '../options';
import { FileObjectSchema } from '../wire/responses';
import type { Desk360Client } from './index';
import { paths } from './paths';

/** Where a media source is resolved for, so errors name the field. */
export interface ResolveTarget {
  /** Dotted path of the media field, e.g. `message.media`. */
  field: string;
  /** A filename to send the file under, overriding the source's. */
  filename?: string | undefined;
}

/**
 * Turns any media source into bytes to upload, since Desk360 takes files,
 * never links: `{ data }` as given, `{ url }` downloaded (without Desk360's
 * credentials), `{ id }` downloaded from Desk360's media store. Files over
 * 20 MB are refused with a `ValidationError` on the field.
 */
export async function resolveMedia(client: Desk360Client, source: MediaSource, target: ResolveTarget, options: CallOptions): Promise<MediaBytes> {
  const file = await match(source)
    .with({ data: P.nonNullable }, async (bytes) => bytes)
    .with({ url: P.string }, async ({ url }) => downloadUrl(client, url, options))
    .with({ id: P.string }, async ({ id }) => {
      const downloaded = await downloadDesk360Media(client, id, options);
      return { data: downloaded.data, mimeType: downloaded.mimeType, filename: downloaded.filename ?? id };
    })
    .exhaustive();
  if (file.data.byteLength > LIMITS.attachmentBytes) {
    throw new ValidationError([{ path: target.field, message: `is ${file.data.byteLength} bytes; Desk360 takes files up to 20 MB` }], { provider: DESK360 });
  }
  if (file.data.byteLength === 0) throw new ValidationError([{ path: target.field, message: 'is an empty file' }], { provider: DESK360 });
  return { ...file, filename: target.filename ?? file.filename };
}

async function downloadUrl(client: Desk360Client, url: string, options: CallOptions): Promise<MediaBytes> {
  const response = await client.downloadsFrom(url).request({ method: 'GET', path: url, responseType: 'bytes', signal: options.signal });
  const mimeType = mimeTypeOf(response.headers) ?? 'application/octet-stream';
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  return { data: response.data, mimeType, filename: filenameOf(response.headers) ?? (name || 'file') };
}

/**
 * `GET .../messages/medias/:mediaId`. The document's answer is `{fileObject}`:
 * read as the file itself, or as JSON describing it (`{ url, content_type,
 * name }`), in which case the file is fetched from that URL.
 */
export async function downloadDesk360Media(client: Desk360Client, mediaId: string, options: CallOptions): Promise<DownloadedMedia> {
  const response = await client.http.request({
    method: 'GET',
    path: paths.media(client.integrationId(), mediaId),
    responseType: 'bytes',
    signal: options.signal,
  });
  const mimeType = mimeTypeOf(response.headers);
  // A JSON answer that describes a file is followed; any other JSON is the file itself (a customer may send a .json).
  const described = mimeType === 'application/json' ? v.safeParse(FileObjectSchema, parseJson(response.data)) : undefined;
  if (described?.success) {
    const file = await downloadUrl(client, described.output.url, options);
    return {
      data: file.data,
      mimeType: described.output.content_type ?? described.output.mime_type ?? file.mimeType,
      filename: described.output.name ?? file.filename,
    };
  }
  return { data: response.data, mimeType: mimeType ?? 'application/octet-stream', filename: filenameOf(response.headers) };
}

function mimeTypeOf(headers: Headers): string | undefined {
  const value = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return value === '' ? undefined : value;
}

/** The filename of `Content-Disposition: attachment; filename="x.pdf"` (or `filename*=UTF-8''x.pdf`). */
function filenameOf(headers: Headers): string | undefined {
  const disposition = headers.get('content-disposition') ?? '';
  const extended = /filename\*\s*=\s*[^']*''([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      return extended.trim();
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1]?.trim();
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}
