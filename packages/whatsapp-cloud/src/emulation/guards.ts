import type { EmulatorRequest, EmulatorResponse } from '@wamux/emulator';
import { graphErrorResponse, statusForCode } from './graph-error';
import type { CloudEmulatorState } from './state';

/** A check a route runs first: an error response refuses the request, `undefined` lets it through. */
export type RouteGuard = (request: EmulatorRequest) => EmulatorResponse | undefined;

/** Graph's answer for an id that does not exist (or is not this emulator's number or account). */
export function unknownObject(method: string, id: string): EmulatorResponse {
  return graphErrorResponse(
    400,
    100,
    `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
  );
}

/** Refuses a request whose path parameter `param` is not `expected` (Graph's paths name the phone number or the account). */
export function requireId(param: string, expected: string): RouteGuard {
  return (request) => (request.params[param] === expected ? undefined : unknownObject(request.method, request.params[param] ?? ''));
}

/** The injected Meta error for this request, rendered as Graph's body, if one is pending (consumed). */
export function injectedError(state: CloudEmulatorState, request: EmulatorRequest): EmulatorResponse | undefined {
  const error = state.takeError(request.url.pathname);
  return error === undefined ? undefined : graphErrorResponse(error.status ?? statusForCode(error.code), error.code);
}
