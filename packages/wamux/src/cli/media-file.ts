import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { MediaBytes, MediaSource } from '@wamux/core/adapter';
import { UsageError } from './command';

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.3gp': 'video/3gpp',
  '.mov': 'video/quicktime',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.aac': 'audio/aac',
  '.m4a': 'audio/mp4',
  '.amr': 'audio/amr',
  '.wav': 'audio/wav',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.zip': 'application/zip',
};

/** The MIME type of a file name by its extension; `application/octet-stream` when unknown. */
export function mimeTypeOf(filename: string): string {
  return MIME_BY_EXTENSION[extname(filename).toLowerCase()] ?? 'application/octet-stream';
}

/** A file extension (with the dot) for a MIME type, or `''` when unknown. */
export function extensionOf(mimeType: string): string {
  const base = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  return Object.entries(MIME_BY_EXTENSION).find(([, mime]) => mime === base)?.[0] ?? '';
}

/** Reads a local file as `{ data, filename, mimeType }`, the form the model takes bytes in. */
export async function readMediaFile(
  path: string,
  flag: string,
  overrides: { filename?: string | undefined; mimeType?: string | undefined } = {},
): Promise<MediaBytes> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(`${flag}: ${code === 'ENOENT' ? 'no such file' : 'cannot read'} "${path}" (give an http(s) URL, id:<mediaId> or a file path)`);
  }
  const filename = overrides.filename ?? basename(path);
  return { data: new Uint8Array(data), filename, mimeType: overrides.mimeType ?? mimeTypeOf(filename) };
}

/**
 * Turns a media flag's value into a media source: an `http(s)://` URL
 * becomes `{ url }`, `id:<mediaId>` becomes `{ id }`, anything else is a
 * local file read as `{ data, filename, mimeType }`.
 */
export async function mediaSourceFromArg(
  value: string,
  flag: string,
  overrides: { filename?: string | undefined; mimeType?: string | undefined } = {},
): Promise<MediaSource> {
  if (/^https?:\/\//i.test(value)) return { url: value };
  if (value.startsWith('id:')) return { id: value.slice(3) };
  return readMediaFile(value, flag, overrides);
}
