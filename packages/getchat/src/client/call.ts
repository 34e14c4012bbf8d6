import type * as v from 'valibot';
import type { HttpMethod, QueryValue } from '@wamux/core/adapter';
import type { GetchatContext } from './context';
import { operationOf, resolvePath, type GetchatOperationName } from './paths';

/** What one operation call sends besides its method and path (both from the path table). */
export interface OperationCall {
  /** Values of the `{param}` placeholders of the operation's path. */
  params?: Record<string, string | number> | undefined;
  query?: Record<string, QueryValue> | undefined;
  json?: unknown;
  form?: FormData | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * The method and path of `operation` on `ctx`: the method from the path
 * table, the path with the user's overrides applied and `{param}`s filled.
 */
export function routeOf(ctx: GetchatContext, operation: GetchatOperationName, params?: Record<string, string | number>): { method: HttpMethod; path: string } {
  return { method: operationOf(operation).method, path: resolvePath(ctx.overrides, operation, params) };
}

/** Calls a get.chat operation and validates its JSON response with `schema`. */
export async function callOperation<TSchema extends v.GenericSchema>(
  ctx: GetchatContext,
  operation: GetchatOperationName,
  call: OperationCall & { schema: TSchema },
): Promise<v.InferOutput<TSchema>> {
  const response = await ctx.http.request({
    ...routeOf(ctx, operation, call.params),
    query: call.query,
    json: call.json,
    form: call.form,
    schema: call.schema,
    signal: call.signal,
  });
  return response.data;
}

/** Calls an operation whose response body carries nothing (`204`, or the document's `{ }`). */
export async function callOperationIgnoringBody(ctx: GetchatContext, operation: GetchatOperationName, call: OperationCall = {}): Promise<void> {
  await ctx.http.request({
    ...routeOf(ctx, operation, call.params),
    query: call.query,
    json: call.json,
    form: call.form,
    responseType: 'none',
    signal: call.signal,
  });
}

/** Calls an operation that answers with a binary body; returns its bytes and content type. */
export async function callOperationForBytes(
  ctx: GetchatContext,
  operation: GetchatOperationName,
  call: OperationCall = {},
): Promise<{ data: Uint8Array; mimeType: string | undefined }> {
  const response = await ctx.http.request({
    ...routeOf(ctx, operation, call.params),
    query: call.query,
    responseType: 'bytes',
    signal: call.signal,
  });
  const contentType = response.headers.get('content-type')?.split(';')[0]?.trim();
  return { data: response.data, mimeType: contentType === '' ? undefined : contentType };
}
