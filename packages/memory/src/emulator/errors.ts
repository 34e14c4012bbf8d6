import type { EmulatorResponse } from '@wamux/emulator';

/** The memory vendor's error body: `{ error: { code, message } }`. */
export function errorResponse(status: number, code: string, message: string): EmulatorResponse {
  return { status, json: { error: { code, message } } };
}

/** The error the emulator answers for a status it raises itself (auth, rate limit, faults, unknown routes). */
export function renderError(status: number, info: { message: string; code?: string }): EmulatorResponse {
  return errorResponse(status, info.code ?? codeForStatus(status), info.message);
}

function codeForStatus(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return `http_${status}`;
}
