import type { EmulatorRequest, EmulatorRoute } from '@wamux/emulator';
import { drfError, drfFieldError } from './drf';

/** The emulated inbox's single admin user and its credentials. */
export interface EmulatorCredentials {
  username: string;
  password: string;
  /** The user's auth token (`Authorization: Token <token>`). */
  token: string;
  /** The 360dialog API key (`D360-Api-Key`). */
  d360ApiKey: string;
  /** The user's current refresh token; converting it resets it unless asked not to. */
  refreshToken: string;
}

/** Reads a field from a JSON, urlencoded or multipart body (the document accepts all three). */
function field(request: EmulatorRequest, name: string): unknown {
  if (request.form) return request.form.get(name) ?? undefined;
  return (request.json as Record<string, unknown> | undefined)?.[name];
}

/** Whether a request carries valid credentials: the token, or the 360dialog API key. */
export function isAuthenticated(request: EmulatorRequest, credentials: EmulatorCredentials): boolean {
  return request.headers.authorization === `Token ${credentials.token}` || request.headers['d360-api-key'] === credentials.d360ApiKey;
}

/** The Authorization section: token login, refresh token conversion and retrieval. */
export function authRoutes(credentials: EmulatorCredentials, rotateRefreshToken: () => string): EmulatorRoute[] {
  const convert = (request: EmulatorRequest, tokenField: string, keep: boolean) => {
    const value = field(request, tokenField);
    if (typeof value !== 'string' || value === '') return drfFieldError(tokenField, 'This field is required.');
    if (value !== credentials.refreshToken) return drfError(401, 'Invalid refresh token.');
    if (!keep) rotateRefreshToken();
    return { json: { token: credentials.token } };
  };
  return [
    {
      method: 'POST',
      pattern: '/auth/token',
      public: true,
      handler: (request) => {
        const username = field(request, 'username');
        const password = field(request, 'password');
        if (typeof username !== 'string' || username === '') return drfFieldError('username', 'This field is required.');
        if (typeof password !== 'string' || password === '') return drfFieldError('password', 'This field is required.');
        if (username !== credentials.username || password !== credentials.password) {
          return drfFieldError('non_field_errors', 'Unable to log in with provided credentials.');
        }
        return { json: { token: credentials.token } };
      },
    },
    {
      method: 'POST',
      pattern: '/auth/convert_refresh_token',
      public: true,
      handler: (request) => {
        const keep = field(request, 'keep_refresh_token');
        return convert(request, 'refresh_token', keep === true || keep === 'true');
      },
    },
    { method: 'POST', pattern: '/auth/convert_id_token', public: true, handler: (request) => convert(request, 'id_token', false) },
    {
      method: 'GET',
      pattern: '/users/:id/refresh_token',
      // The emulator models one refresh token; every user id shares it.
      handler: (request) => (/^\d+$/.test(request.params.id ?? '') ? { json: { refresh_token: credentials.refreshToken } } : drfError(404, 'Not found.')),
    },
  ];
}
