import type { RateLimitInfo } from '../http/response-headers';

/** What `send()` returns. */
export interface SendResult {
  /** The id the vendor gave the message; status updates for it carry the same id. */
  id: string;
  /** WhatsApp's own id (`wamid...`) when the vendor gave one that differs from `id`. */
  whatsappMessageId?: string | undefined;
  /** The rate-limit headers of the response, when the vendor sent them. */
  rateLimit?: RateLimitInfo | undefined;
  /** The vendor response body, untouched. */
  raw: unknown;
}
