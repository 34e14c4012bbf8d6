import { issueMessage } from '@wamux/core/adapter';
import * as v from 'valibot';

// Liberal building blocks for reading get.chat responses. The document is a
// Redoc render of a Django REST Framework API: integers sometimes arrive as
// strings, booleans as text or 0/1, nullable fields as `null` or missing.
// The readers WhatsApp's own payloads need too (ids as numbers, booleans as
// text or 0/1, timestamps in seconds or milliseconds, one object for an
// array) are @wamux/whatsapp-cloud's.
export { LenientBoolean, LenientString, LenientTimestamp, lenientArray, maybe } from '@wamux/whatsapp-cloud';

/** An integer sent as a number or a numeric string. */
export const LenientInt = v.pipe(
  v.union([v.pipe(v.number(), v.integer()), v.pipe(v.string(), v.regex(/^\s*-?\d+\s*$/))]),
  v.transform((value) => Number(value)),
);

/** A JSON object whose fields get.chat does not define (WhatsApp payloads, `extra`...), kept as received. */
export const OpaqueObject = v.record(v.string(), v.unknown());

/**
 * Parses an object with `schema` and keeps the object as received beside the
 * result, for objects whose fields vary (contact providers' contacts).
 */
export function withRaw<TSchema extends v.GenericSchema>(schema: TSchema) {
  return v.pipe(
    OpaqueObject,
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const result = v.safeParse(schema, dataset.value);
      if (result.success) return { parsed: result.output as v.InferOutput<TSchema>, raw: dataset.value };
      addIssue({ message: `${v.getDotPath(result.issues[0]) ?? '(object)'}: ${issueMessage(result.issues[0])}` });
      return NEVER;
    }),
  );
}
