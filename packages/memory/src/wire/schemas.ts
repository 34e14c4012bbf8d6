import { MessageContentSchema } from '@wamux/core/adapter';
import * as v from 'valibot';

/** A timestamp on the wire: an ISO string (or epoch ms, liberally), revived as a Date. */
export const WireDateSchema = v.pipe(
  v.union([v.string(), v.number()]),
  v.transform((value) => new Date(value)),
  v.date('must be a valid timestamp'),
);

/** `{ id }`: the answer to a send or an upload. */
export const IdSchema = v.object({ id: v.union([v.string(), v.pipe(v.number(), v.transform(String))]) });

/** The answer to a bulk template send. */
export const BulkAnswerSchema = v.object({ accepted: v.array(v.object({ to: v.string(), id: v.optional(v.string()) })) });

/** The template statuses the memory vendor uses: the model's own. */
export const TEMPLATE_STATUSES = ['approved', 'pending', 'rejected', 'paused', 'disabled', 'unknown'] as const;

/** One template as `GET /templates` lists it. */
export const WireTemplateSchema = v.object({
  id: v.string(),
  name: v.string(),
  language: v.string(),
  status: v.picklist(TEMPLATE_STATUSES),
  category: v.optional(v.string()),
  header: v.optional(v.string()),
  body: v.optional(v.string()),
  footer: v.optional(v.string()),
});
export type WireTemplate = v.InferOutput<typeof WireTemplateSchema>;

/** A page of `GET /templates`; `next` is the cursor of the next page. */
export const TemplatePageSchema = v.object({ items: v.array(WireTemplateSchema), next: v.nullish(v.string()) });

/** One message of `GET /messages` (history). */
export const WireHistoryItemSchema = v.object({
  id: v.string(),
  direction: v.picklist(['inbound', 'outbound']),
  contact: v.string(),
  timestamp: WireDateSchema,
  content: MessageContentSchema,
});
export type WireHistoryItem = v.InferOutput<typeof WireHistoryItemSchema>;

/** A page of `GET /messages`. */
export const HistoryPageSchema = v.object({ items: v.array(WireHistoryItemSchema), next: v.nullish(v.string()) });

/** The body of every error answer: `{ error: { code, message } }`. */
export const ErrorBodySchema = v.object({ error: v.object({ code: v.string(), message: v.string() }) });
