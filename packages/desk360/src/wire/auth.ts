import * as v from 'valibot';

/** `POST /v1/login` answers `{ access_token, token_type }`. */
export const LoginResponseSchema = v.looseObject({
  access_token: v.pipe(v.string(), v.nonEmpty()),
  token_type: v.optional(v.nullable(v.string())),
});
