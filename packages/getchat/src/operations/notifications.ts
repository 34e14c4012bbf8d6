import type { GetchatContext } from '../client';
import { callOperationIgnoringBody } from '../client/call';
import { requestSignal, type RequestOptions } from '../map/input';

/** E-mail notifications. */
export interface GetchatNotificationsOperations {
  /**
   * `resendActivationEmailNotification` (`POST /notifications/email/resend_activation/`,
   * path inferred): sends the account activation e-mail again (after a full
   * mailbox, a corrected address...). The document lists no parameters.
   * @experimental The path of `resendActivationEmailNotification` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
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
