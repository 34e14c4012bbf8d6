import type { EmulatorRoute } from '@wamux/emulator';
import { desk360Error, validateBody } from '../errors';
import { bodyOf } from '../fields';
import { LoginBodySchema } from '../schemas';
import type { EmulatorState } from '../state';
import { page } from './paging';

/** "The maximum wrong login attempt is fixed to 5 per minute." */
const LOGIN_ATTEMPTS = 5;
const LOGIN_WINDOW_MS = 60_000;

/** `POST /v1/login` (the older document's flow) and `GET /v1/integrations`. */
export function accountRoutes(state: EmulatorState, server: { origin: string }): EmulatorRoute[] {
  return [
    {
      method: 'POST',
      pattern: '/login',
      public: true,
      handler: async (request) => {
        const body = validateBody(LoginBodySchema, await bodyOf(request));
        if (!body.ok) return body.response;
        const { email, password } = body.value;
        const now = Date.now();
        const failures = (state.loginFailures.get(email) ?? []).filter((at) => now - at < LOGIN_WINDOW_MS);
        if (failures.length >= LOGIN_ATTEMPTS) {
          const retryAfter = Math.ceil((LOGIN_WINDOW_MS - (now - (failures[0] as number))) / 1000);
          return {
            ...desk360Error(429, 'Too many login attempts. Please try again in a minute.', 'too_many_attempts'),
            headers: { 'retry-after': String(retryAfter) },
          };
        }
        if (email !== state.user.email || password !== state.user.password) {
          state.loginFailures.set(email, [...failures, now]);
          return desk360Error(401, 'These credentials do not match our records.', 'invalid_credentials');
        }
        const token = `${state.tokens.size + 1}|${crypto.randomUUID().replace(/-/g, '')}`;
        state.tokens.add(token);
        return { json: { access_token: token, token_type: 'Bearer' } };
      },
    },
    {
      method: 'GET',
      pattern: '/integrations',
      handler: (request) =>
        page(
          request,
          server.origin,
          state.integrations.map((i) => ({ id: i.id, display_name: i.name, phone_number: i.phoneNumber })),
        ),
    },
  ];
}
