import type { GetchatContext } from '../context';
import { callOperationIgnoringBody } from './shared/call';
import { requestSignal, type RequestOptions } from './shared/input';

/** E-mail notifications. */
export interface GetchatNotificationsOperations {
  /**
   * `resendActivationEmailNotification` (`POST /notifications/email/resend_activation/`,
   * path inferred): sends the account activation e-mail again (after a full
   * mailbox, a corrected address...). The document lists no parameters.
   */
  resendActivationEmail(options?: RequestOptions): Promise<void>;
}

/** Creates the `notifications` namespace. */
export function createNotificationsOperations(ctx: GetchatContext): GetchatNotificationsOperations {
  return {
    async resendActivationEmail(options) {
      await callOperationIgnoringBody(ctx, 'resendActivationEmailNotification', { json: {}, signal: requestSignal(options) });
    },
  };
}
