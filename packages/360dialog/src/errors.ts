import type { HttpFailure, VendorErrorInfo } from '@wamux/core/adapter';
import { graphErrorInfo } from '@wamux/whatsapp-cloud';
import * as v from 'valibot';
import { API_KEY_HEADER } from './options';
import { D360ErrorBodySchema } from './wire/error';

// The Cloud API error-code table lives in @wamux/whatsapp-cloud (360dialog
// passes Meta's Graph error body through unchanged); this file only reads
// the bodies 360dialog writes itself.
export { CLOUD_ERROR_CODES, cloudErrorRule, type CloudErrorRule } from '@wamux/whatsapp-cloud';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * A failed 360dialog answer → what the HTTP path needs to build the typed
 * error. Meta's Graph error body (sends, media, templates) goes through the
 * Cloud API table; 360dialog's own bodies give their message, code and
 * trace id, and the HTTP status decides the kind. A 401 says which header
 * to check. A body neither reads is left to the HTTP status.
 */
export function d360ErrorInfo(failure: Pick<HttpFailure, 'body' | 'status' | 'method' | 'path'>): VendorErrorInfo | undefined {
  const graph = graphErrorInfo(failure);
  if (graph !== undefined) return failure.status === 401 ? { ...graph, message: `${graph.message ?? ''}. Check the ${API_KEY_HEADER} API key` } : graph;
  const parsed = v.safeParse(D360ErrorBodySchema, failure.body);
  const body = parsed.success ? parsed.output : undefined;
  const first = body?.errors?.[0];
  const said =
    text(body?.meta?.developer_message) ?? text(body?.error) ?? text(first?.details) ?? text(first?.title) ?? text(body?.message) ?? text(body?.detail);
  if (said === undefined && failure.status !== 401) return undefined;
  const action = failure.status === 401 ? `Action: check the ${API_KEY_HEADER} API key of the phone number (360dialog Hub)` : undefined;
  const message = [`${failure.method} ${failure.path} failed with HTTP ${failure.status}`, said, action]
    .filter((part): part is string => part !== undefined)
    .join('. ');
  const requestId = body?.meta?.['360dialog_trace_id'];
  return {
    message,
    ...(first?.code === undefined ? {} : { vendorCode: first.code }),
    ...(requestId === undefined ? {} : { requestId }),
    details: failure.body,
  };
}
