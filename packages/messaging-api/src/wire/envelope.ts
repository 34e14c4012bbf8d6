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

/** `statusKey` values that mean success; anything else is a failure, whatever the HTTP status. */
const SUCCESS_KEY = /^(SUCCESS|OK|CREATED|ACCEPTED)\b/i;

/**
 * True when the envelope reports a failure: a `statusKey` that is not a
 * success, any `errors` entry, or a numeric `status` of 400 or more.
 * Warnings alone are not failures.
 */
export function isFailedEnvelope(envelope: Envelope): boolean {
  if (envelope.statusKey !== undefined && envelope.statusKey !== '' && !SUCCESS_KEY.test(envelope.statusKey)) return true;
  if (envelope.errors.length > 0) return true;
  const status = Number(envelope.status);
  return Number.isFinite(status) && status >= 400;
}

/** Every item of a list answer: `results`, else `data` (an array, or one object). */
export function envelopeItems(envelope: Envelope): unknown[] {
  const pick = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
  const results = pick(envelope.results);
  return results.length > 0 ? results : pick(envelope.data);
}

/** The one item of a single-object answer: `data`, else the first of `results`. */
export function envelopeItem(envelope: Envelope): unknown {
  if (envelope.data !== undefined && envelope.data !== null && !Array.isArray(envelope.data)) return envelope.data;
  return envelopeItems(envelope)[0];
}
