import type { EmulatorResponse } from '@wamux/emulator';
import { API_KEY_HEADER } from '../options';

let trace = 0;

/**
 * An error 360dialog writes itself (a missing or wrong API key, its
 * configuration endpoints): `{ meta: { success, http_code,
 * developer_message, 360dialog_trace_id } }`.
 */
export function d360Error(status: number, message: string): EmulatorResponse {
  trace += 1;
  return {
    status,
    json: { meta: { success: false, http_code: status, developer_message: message, '360dialog_trace_id': `emu-${trace.toString(36).padStart(8, '0')}` } },
  };
}

/** 360dialog's answer to a request without a valid API key: it names the header. */
export function invalidApiKey(): EmulatorResponse {
  return d360Error(401, `Invalid API key: send the phone number's API key in the ${API_KEY_HEADER} header`);
}
