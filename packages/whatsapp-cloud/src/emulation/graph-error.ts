import { CLOUD_ERROR_CODES } from '../map/errors';

// What a Cloud API emulator answers when it refuses a request: Graph's error
// body, shared by every emulator that speaks the Cloud API (Meta's own,
// 360dialog's proxy), so their errors read the same to the adapters.

/** An emulator's answer, shaped like `@wamux/emulator`'s `EmulatorResponse`. */
export interface GraphErrorResponse {
  status: number;
  json: { error: { message: string; type: string; code: number; error_data: { messaging_product: 'whatsapp'; details: string }; fbtrace_id: string } };
}

/** Meta's own wording of the errors emulators inject, from the Cloud API error codes reference. */
const DETAILS: Readonly<Record<string, string>> = {
  '130429': 'Message failed to send because there were too many messages sent from this phone number in a short period of time',
  '131056': 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time',
  '131047': 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  '131026': 'Message Undeliverable.',
  '131048': 'Message failed to send because there are restrictions on how many messages can be sent from this phone number.',
  '131049': 'In order to maintain healthy ecosystem engagement, the message failed to be delivered.',
  '132001': 'template name does not exist in the translation',
  '132000': 'Number of parameters does not match the expected number of params',
  '190': 'Error validating access token',
  '100': 'Invalid parameter',
};

let trace = 0;

/** A Graph API error body: `{ error: { message, type, code, error_data, fbtrace_id } }`. */
export function graphErrorResponse(status: number, code: number, message?: string, details?: string): GraphErrorResponse {
  const title = message ?? CLOUD_ERROR_CODES[String(code)]?.title ?? 'Unknown error';
  trace += 1;
  return {
    status,
    json: {
      error: {
        message: `(#${code}) ${title}`,
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details: details ?? DETAILS[String(code)] ?? title },
        fbtrace_id: `AemuTrace${trace.toString(36).padStart(8, '0')}`,
      },
    },
  };
}

/** The HTTP status Graph answers an injected error code with: 401 for an expired token, 500 for 131000, else 400. */
export function statusForCode(code: number): number {
  if (code === 190 || code === 0) return 401;
  if (code === 131000) return 500;
  return 400;
}

/** The Graph error code a bare HTTP status stands for (injected HTTP faults, unknown routes, bad credentials). */
export function graphCodeForStatus(status: number): number {
  if (status === 401) return 190;
  if (status === 429) return 130429;
  if (status === 503) return 2;
  if (status >= 500) return 1;
  return 100;
}
