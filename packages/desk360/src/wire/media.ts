import { ValidationError, type CallOptions, type DownloadedMedia, type MediaBytes, type MediaSource, safeParse } from '@wamux/core';
import * as v from 'valibot';
import { match, P } from 'ts-pattern';
import { DESK360 } from '../constants';
import type { Desk360Context } from '../context';
import { LIMITS } from '../limits';
import { paths } from '../paths';

/** The kind of file a MIME type is sent as: Desk360 picks a media message's type from the file. */
export type FileKind = 'image' | 'video' | 'audio' | 'document';

/** The message type Desk360 sends a file of this MIME type as. */
export function fileKindOf(mimeType: string): FileKind {
  const top = mimeType.split('/')[0]?.toLowerCase();
  return top === 'image' || top === 'video' || top === 'audio' ? top : 'document';
}

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
export async function resolveMedia(ctx: Desk360Context, source: MediaSource, target: ResolveTarget, options: CallOptions): Promise<MediaBytes> {
  const file = await match(source)
    .with({ data: P.nonNullable }, async (bytes) => bytes)
    .with({ url: P.string }, async ({ url }) => downloadUrl(ctx, url, options))
    .with({ id: P.string }, async ({ id }) => {
      const downloaded = await downloadDesk360Media(ctx, id, options);
      return { data: downloaded.data, mimeType: downloaded.mimeType, filename: downloaded.filename ?? id };
    })
    .exhaustive();
  if (file.data.byteLength > LIMITS.attachmentBytes) {
    throw new ValidationError([{ path: target.field, message: `is ${file.data.byteLength} bytes; Desk360 takes files up to 20 MB` }], { provider: DESK360 });
  }
  if (file.data.byteLength === 0) throw new ValidationError([{ path: target.field, message: 'is an empty file' }], { provider: DESK360 });
  return { ...file, filename: target.filename ?? file.filename };
}

async function downloadUrl(ctx: Desk360Context, url: string, options: CallOptions): Promise<MediaBytes> {
  const response = await ctx.downloadsFrom(url).request({ method: 'GET', path: url, responseType: 'bytes', signal: options.signal });
  const mimeType = mimeTypeOf(response.headers) ?? 'application/octet-stream';
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  return { data: response.data, mimeType, filename: filenameOf(response.headers) ?? (name || 'file') };
}

/** A JSON answer to the media download: the document shows only `{fileObject}`, so a file description is read too. */
const FileObjectSchema = v.looseObject({
  url: v.pipe(v.string(), v.url()),
  content_type: v.optional(v.string()),
  mime_type: v.optional(v.string()),
  name: v.optional(v.string()),
});

/**
 * `GET .../messages/medias/:mediaId`. The document's answer is `{fileObject}`:
 * read as the file itself, or as JSON describing it (`{ url, content_type,
 * name }`), in which case the file is fetched from that URL.
 */
export async function downloadDesk360Media(ctx: Desk360Context, mediaId: string, options: CallOptions): Promise<DownloadedMedia> {
  const response = await ctx.http.request({
    method: 'GET',
    path: paths.media(ctx.integrationId(), mediaId),
    responseType: 'bytes',
    signal: options.signal,
  });
  const mimeType = mimeTypeOf(response.headers);
  // A JSON answer that describes a file is followed; any other JSON is the file itself (a customer may send a .json).
  const described = mimeType === 'application/json' ? safeParse(FileObjectSchema, parseJson(response.data)) : undefined;
  if (described?.success) {
    const file = await downloadUrl(ctx, described.output.url, options);
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
