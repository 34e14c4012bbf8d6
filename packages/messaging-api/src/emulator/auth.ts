import type { EmulatorRequest, EmulatorResponse, EmulatorRoute } from '@wamux/emulator';
import { renderHttpError } from './envelope';

/** The credentials the emulator accepts. */
export interface EmulatorCredentials {
  apiKey: string;
  /** The `x-api-id` it requires; without one, requests need none (the header is optional in the document). */
  apiId: string | undefined;
}

/**
 * Why a request is not authenticated, or `undefined` when it is. Each
 * reason names the header at fault and the adapter option (and wamux
 * environment variable) that sets it: a 401 that only said "authentication
 * failed" left people guessing which of the two headers was wrong.
 */
function authFailure(request: EmulatorRequest, credentials: EmulatorCredentials): string | undefined {
  const key = request.headers['x-api-key'];
  if (key === undefined || key === '') return 'the x-api-key header is missing: set apiKey (MESSAGING_API_KEY)';
  if (key !== credentials.apiKey) return "the x-api-key header does not match the emulator's api key";
  if (credentials.apiId === undefined) return undefined;
  const id = request.headers['x-api-id'];
  if (id === undefined || id === '') return 'the x-api-id header is missing: this emulator was started with an api id; set apiId (MESSAGING_API_ID) to it';
  if (id !== credentials.apiId) return "the x-api-id header does not match the emulator's api id";
  return undefined;
}

/**
 * The routes behind the emulator's own authentication, which answers 401
 * with the reason in the vendor's failure envelope. (The emulator server's
 * `authenticate` hook can only say yes or no.) Public routes pass as they are.
 */
export function authenticated(routes: readonly EmulatorRoute[], credentials: EmulatorCredentials): EmulatorRoute[] {
  return routes.map((route) =>
    route.public
      ? route
      : {
          ...route,
          handler: (request: EmulatorRequest): EmulatorResponse | Promise<EmulatorResponse> => {
            const reason = authFailure(request, credentials);
            return reason === undefined ? route.handler(request) : renderHttpError(401, { message: reason });
          },
        },
  );
}
