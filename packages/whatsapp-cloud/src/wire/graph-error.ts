import * as v from 'valibot';
import { LenientString, maybe } from './lenient';

/**
 * The Graph API error body every failed Cloud API call answers with:
 * `{ error: { message, type, code, error_subcode, error_data, fbtrace_id } }`.
 * `error_subcode` is no longer sent from v16.0 on; `error_data.details`
 * carries the useful text.
 */
export const GraphErrorBodySchema = v.object({
  error: v.object({
    message: maybe(v.string()),
    type: maybe(v.string()),
    code: maybe(LenientString),
    error_subcode: maybe(LenientString),
    error_user_title: maybe(v.string()),
    error_user_msg: maybe(v.string()),
    error_data: maybe(
      v.union([
        v.object({ messaging_product: maybe(v.string()), details: maybe(v.string()) }),
        // Older answers put a JSON text here.
        v.pipe(
          v.string(),
          v.transform((details) => ({ messaging_product: undefined, details })),
        ),
      ]),
    ),
    fbtrace_id: maybe(v.string()),
  }),
});

/** A Graph API error body, parsed. */
export type GraphErrorBody = v.InferOutput<typeof GraphErrorBodySchema>;

/** An explanatory text of a webhook error: one that is not text is dropped, not fatal to the item it explains. */
const ErrorText = v.fallback(maybe(v.string()), undefined);

/**
 * One error as webhooks carry it (`value.errors[]`, `statuses[].errors[]`,
 * `messages[].errors[]`). Only `code` is required to be readable; a
 * malformed text (`href`, `title`...) loses only itself.
 */
export const WebhookErrorSchema = v.object({
  code: maybe(LenientString),
  title: ErrorText,
  message: ErrorText,
  href: ErrorText,
  details: ErrorText,
  error_data: v.fallback(maybe(v.object({ details: ErrorText })), undefined),
});

/** One webhook error, parsed. */
export type WebhookError = v.InferOutput<typeof WebhookErrorSchema>;
