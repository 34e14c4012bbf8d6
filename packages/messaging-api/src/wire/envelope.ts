import * as v from 'valibot';
import { LooseString, listOf, opt } from './liberal';

/** One field error or warning of the response envelope (`ApiFieldError`). */
export const ApiFieldErrorSchema = v.looseObject({
  field: opt(LooseString),
  code: opt(LooseString),
  codeKey: opt(LooseString),
  codes: listOf(LooseString),
  description: opt(LooseString),
  descriptionKey: opt(LooseString),
  /** Sic: the vendor's name for the object the field belongs to. */
  obzect: opt(LooseString),
  possibleValues: listOf(v.unknown()),
  body: opt(v.unknown()),
});

/** A field error or warning of the response envelope. */
export type ApiFieldError = v.InferOutput<typeof ApiFieldErrorSchema>;

/**
 * The response envelope every operation answers with, in both of the
 * document's forms: `ApiResponse_*` (`data` plus `results`, `errors`,
 * `warnings`, ...) and `ApiResultsMetaCompactResponse_*` (`results`,
 * `meta`, `status`, `statusKey`, ...). Items stay `unknown` here: each
 * operation validates its own once the envelope is known to be a success.
 * A bare array body is read as `results`, an empty body as an empty envelope.
 */
export const EnvelopeSchema = v.pipe(
  v.unknown(),
  v.transform((body): unknown => (body === undefined || body === null ? {} : Array.isArray(body) ? { results: body } : body)),
  v.looseObject({
    /** A number (`200`) in the samples, a string in the schema table. */
    status: opt(LooseString),
    statusKey: opt(LooseString),
    message: opt(LooseString),
    messageKey: opt(LooseString),
    error: opt(v.unknown()),
    exception: opt(v.unknown()),
    traceid: opt(LooseString),
    timestamp: opt(v.unknown()),
    errors: listOf(ApiFieldErrorSchema),
    warnings: listOf(ApiFieldErrorSchema),
    results: opt(v.unknown()),
    data: opt(v.unknown()),
    meta: opt(v.unknown()),
  }),
);

/** The response envelope, parsed. */
export type Envelope = v.InferOutput<typeof EnvelopeSchema>;
