import * as v from 'valibot';

/** A code or message sent as a string or a number. */
const Text = v.pipe(v.union([v.string(), v.number()]), v.transform(String));

/** `{ "error": { "code", "message", "doc_url" } }`, the documented error body. */
export const ErrorEnvelopeSchema = v.looseObject({
  error: v.looseObject({ code: v.optional(Text), message: v.optional(Text), doc_url: v.optional(v.string()) }),
});

/** A flat `{ code, message }` body, or Laravel's `{ message, errors: { field: [..] } }`. */
export const FlatErrorSchema = v.looseObject({
  code: v.optional(Text),
  message: v.optional(Text),
  doc_url: v.optional(v.string()),
  errors: v.optional(v.record(v.string(), v.unknown())),
});
