import type { EmulatorRequest } from '@wamux/emulator';

/** A file part of a multipart request, read into bytes. */
export interface UploadedFile {
  data: Uint8Array;
  filename: string;
  mimeType: string;
}

/**
 * A request body as Desk360 (a Laravel app) reads it, whichever way it came:
 * JSON as is, or multipart / urlencoded fields with bracketed names
 * (`destinations[0][parameters][body-1]`, `attachments[]`) nested into
 * objects and arrays, files as {@link UploadedFile}s.
 */
export async function bodyOf(request: EmulatorRequest): Promise<Record<string, unknown>> {
  if (!request.form) return isRecord(request.json) ? request.json : {};
  const root: Record<string, unknown> = {};
  for (const [name, value] of request.form.entries()) {
    const leaf =
      typeof value === 'string'
        ? value
        : { data: new Uint8Array(await value.arrayBuffer()), filename: value.name, mimeType: value.type || 'application/octet-stream' };
    assign(root, keysOf(name), leaf);
  }
  return arraysFrom(root) as Record<string, unknown>;
}

/** `a[0][b]` → `['a', '0', 'b']`; `a[]` → `['a', '']` (append). */
function keysOf(name: string): string[] {
  const first = name.split('[')[0] as string;
  const rest = [...name.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] as string);
  return [first, ...rest];
}

function assign(target: Record<string, unknown>, keys: string[], value: unknown): void {
  const [key, ...rest] = keys as [string, ...string[]];
  const slot = key === '' ? String(Object.keys(target).length) : key;
  if (rest.length === 0) {
    target[slot] = value;
    return;
  }
  const child = isRecord(target[slot]) ? (target[slot] as Record<string, unknown>) : {};
  target[slot] = child;
  assign(child, rest, value);
}

/** Objects whose keys are all indexes become arrays, as PHP reads them. */
function arraysFrom(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, arraysFrom(item)] as const);
  if (entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, item]) => item);
  }
  return Object.fromEntries(entries);
}

/** True for a plain object (not an array, not a file). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isFile(value);
}

/** True for a file part. */
export function isFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && (value as { data?: unknown }).data instanceof Uint8Array;
}
