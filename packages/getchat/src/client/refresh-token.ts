import * as v from 'valibot';
import type { GetchatContext } from './context';
import { callOperation } from './call';

// A user's refresh token: the websocket flow of a D360-Api-Key provider
// (live/) and the provider's `auth` namespace (operations/auth.ts).

/** A user's refresh token, for the password-less flow (`https://{inbox}/app/?idt=<refreshToken>`). */
export interface GetchatRefreshToken {
  refreshToken: string;
}

const RefreshTokenWire = v.pipe(
  v.object({ refresh_token: v.string() }),
  v.transform((body): GetchatRefreshToken => ({ refreshToken: body.refresh_token })),
);

/** `retrieveRefreshToken` (`GET /users/{id}/refresh_token/`, an inferred path), once the id is valid. */
export function retrieveRefreshToken(ctx: GetchatContext, userId: number, signal: AbortSignal | undefined): Promise<GetchatRefreshToken> {
  return callOperation(ctx, 'retrieveRefreshToken', { params: { id: userId }, schema: RefreshTokenWire, signal });
}
