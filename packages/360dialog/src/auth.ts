import { API_KEY_HEADER } from './options';

/** The API key as request headers: `D360-API-KEY: <key>` (360dialog has no login and no token refresh). */
export function authHeaders(apiKey: string): () => Record<string, string> {
  const headers = { [API_KEY_HEADER]: apiKey };
  return () => headers;
}
