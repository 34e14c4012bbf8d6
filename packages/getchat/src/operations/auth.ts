import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { retrieveRefreshToken, type GetchatRefreshToken } from '../client/refresh-token';
import { convertRefreshToken, login, type GetchatAuthToken } from '../client/token-exchanges';
import { TokenWire } from '../wire/users';
import { callOperation } from '../client/call';
import { IntIdInput, parseArgs, RequestOptionsInput, type RequestOptions } from '../map/input';
import { withBodySecrets } from '../client/scrub';

/** The input of `auth.createToken`. */
export interface GetchatLoginInput {
  username: string;
  password: string;
}

/** The input of `auth.convertRefreshToken`. */
export interface GetchatConvertRefreshTokenInput {
  refreshToken: string;
  /** Keep the refresh token valid after converting it. Default `false` (get.chat's default: it is reset). */
  keepRefreshToken?: boolean | undefined;
}

const Secret = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));
const LoginInput = v.strictObject({ username: Secret, password: Secret });
const ConvertInput = v.strictObject({ refreshToken: Secret, keepRefreshToken: v.optional(v.boolean('must be a boolean')) });
const ConvertIdInput = v.strictObject({ idToken: Secret });

/** The Authorization section of the document. */
export interface GetchatAuthOperations {
  /**
   * `createAuthToken` (`POST /auth/token/`): the (new or existing) token of
   * a user. The adapter does this itself when configured with username and password.
   */
  createToken(input: GetchatLoginInput, options?: RequestOptions): Promise<GetchatAuthToken>;
  /**
   * `convertRefreshToken` (`POST /auth/convert_refresh_token/`): a refresh
   * token → the user's auth token. Resets the refresh token unless `keepRefreshToken`.
   */
  convertRefreshToken(input: GetchatConvertRefreshTokenInput, options?: RequestOptions): Promise<GetchatAuthToken>;
  /**
   * `convertIdToken` (`POST /auth/convert_id_token/`).
   * @deprecated get.chat deprecated it in favour of {@link GetchatAuthOperations.convertRefreshToken}.
   */
  convertIdToken(input: { idToken: string }, options?: RequestOptions): Promise<GetchatAuthToken>;
  /**
   * `retrieveRefreshToken` (`GET /users/{id}/refresh_token/`, an inferred
   * path): the current refresh token of a user (admins: any user; others:
   * their own). Inactive, `app` and configurator users have none.
   * @experimental The path of `retrieveRefreshToken` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  retrieveRefreshToken(userId: number, options?: RequestOptions): Promise<GetchatRefreshToken>;
}

/**
 * Creates the `auth` namespace. `publicCtx` sends no credentials (the login
 * endpoints must not need the token they produce); `ctx` is authenticated.
 */
export function createAuthOperations(publicCtx: GetchatContext, ctx: GetchatContext): GetchatAuthOperations {
  return {
    async createToken(input, options) {
      const credentials = parseArgs(LoginInput, input, 'input');
      const { signal } = parseArgs(RequestOptionsInput, options, 'options') ?? {};
      return login(publicCtx, credentials.username, credentials.password, signal);
    },

    async convertRefreshToken(input, options) {
      const convert = parseArgs(ConvertInput, input, 'input');
      const { signal } = parseArgs(RequestOptionsInput, options, 'options') ?? {};
      return convertRefreshToken(publicCtx, convert.refreshToken, convert.keepRefreshToken ?? false, signal);
    },

    async convertIdToken(input, options) {
      const convert = parseArgs(ConvertIdInput, input, 'input');
      const { signal } = parseArgs(RequestOptionsInput, options, 'options') ?? {};
      return withBodySecrets([convert.idToken], () =>
        callOperation(publicCtx, 'convertIdToken', { json: { id_token: convert.idToken }, schema: TokenWire, signal }),
      );
    },

    async retrieveRefreshToken(userId, options) {
      const id = parseArgs(IntIdInput, userId, 'userId');
      const { signal } = parseArgs(RequestOptionsInput, options, 'options') ?? {};
      return retrieveRefreshToken(ctx, id, signal);
    },
  };
}
