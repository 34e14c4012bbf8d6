import * as v from 'valibot';

/**
 * A raw message request an app sends through an adapter's `sendRaw`: an
 * object with `type` and `to` (digits) or `recipient` (a business-scoped
 * user ID); the rest is the app's, as Meta documents it.
 */
export const RawMessageRequestSchema = v.pipe(
  v.looseObject({
    type: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')),
    to: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
    recipient: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
  }),
  v.check((body) => body.to !== undefined || body.recipient !== undefined, 'needs to (a phone number) or recipient (a business-scoped user ID)'),
);
