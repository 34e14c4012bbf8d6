import { WamuxError, type WamuxErrorOptions } from '../errors/wamux-error';

/**
 * A free-form message (anything but a template: text, media, interactive,
 * a reaction...) to a customer whose 24-hour customer service window is
 * known to be closed: WhatsApp would refuse it (Cloud API error 131047).
 * Refused before any I/O (`delivery: 'not_sent'`). Send an approved
 * template instead; the window opens again when the customer writes.
 */
export class CustomerWindowClosedError extends WamuxError {
  static override readonly errorName: string = 'CustomerWindowClosedError';
  /** When the window closed: 24 hours after the customer's last message. */
  readonly closedAt: Date;

  constructor(message: string, options: WamuxErrorOptions & { closedAt: Date }) {
    super('window_closed', message, { retryable: false, ...options, delivery: 'not_sent' });
    this.closedAt = options.closedAt;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), closedAt: this.closedAt.toISOString() };
  }
}
