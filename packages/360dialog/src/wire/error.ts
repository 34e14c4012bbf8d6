import { lenientArray, LenientString, maybe } from '@wamux/whatsapp-cloud';
import * as v from 'valibot';

/**
 * 360dialog's own error bodies (its configuration endpoints, its gateway),
 * beside the Graph error body it passes through from Meta. Seen in its
 * documents: `{ meta: { success, http_code, developer_message,
 * 360dialog_trace_id } }`, `{ error: "..." }`, `{ errors: [{ code, title,
 * details }] }` (the on-premise shape) and `{ message }` / `{ detail }`.
 * Every field is optional: the mapper takes what is there.
 */
export const D360ErrorBodySchema = v.object({
  meta: maybe(
    v.object({
      success: maybe(v.unknown()),
      http_code: maybe(LenientString),
      developer_message: maybe(v.string()),
      '360dialog_trace_id': maybe(LenientString),
    }),
  ),
  error: maybe(v.unknown()),
  errors: maybe(lenientArray(v.object({ code: maybe(LenientString), title: maybe(v.string()), details: maybe(v.string()) }))),
  message: maybe(v.unknown()),
  detail: maybe(v.unknown()),
});

/** A 360dialog error body, parsed. */
export type D360ErrorBody = v.InferOutput<typeof D360ErrorBodySchema>;
