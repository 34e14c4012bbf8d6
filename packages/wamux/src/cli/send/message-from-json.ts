import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { OutboundMessage } from '@wamux/core/adapter';
import { UsageError } from '../command';
import { readMediaFile } from '../media-file';
import { recipient } from './message-from-flags';

/**
 * Reads an OutboundMessage from a JSON file (or stdin for `-`). Media given
 * as `{ "path": "photo.jpg" }` (relative to the file) is read as bytes; the
 * recipient (`--to`, else the file's `to`) is checked like `--to`; the core
 * validates the rest and names the field at fault.
 */
export async function messageFromJson(source: string, to: string | undefined, defaultCountry?: string): Promise<OutboundMessage> {
  const text =
    source === '-'
      ? await readStdin()
      : await readFile(source, 'utf8').catch(() => {
          throw new UsageError(`--json: cannot read "${source}"`);
        });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--json: ${source === '-' ? 'stdin' : source} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError('--json: expected one message object, e.g. {"type":"text","to":"+90...","text":"Hi"}');
  const base = source === '-' ? process.cwd() : dirname(resolve(source));
  const message = (await readPaths(value, base)) as Record<string, unknown>;
  if (to !== undefined) message.to = recipient(to, defaultCountry);
  else if (typeof message.to === 'string') message.to = recipient(message.to, defaultCountry, 'to');
  return message as OutboundMessage;
}

/** Replaces every `{ "path": ... }` object under a `media` key with the file's bytes. */
async function readPaths(value: unknown, base: string, key = ''): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((item) => readPaths(item, base)));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (key === 'media' && typeof record.path === 'string') {
    const { path, filename, mimeType } = record as { path: string; filename?: string; mimeType?: string };
    return readMediaFile(resolve(base, path), 'media.path', { filename, mimeType });
  }
  const out: Record<string, unknown> = {};
  for (const [k, item] of Object.entries(record)) out[k] = await readPaths(item, base, k);
  return out;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
