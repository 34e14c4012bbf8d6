// What the suite requires of every webhook a provider handles, checked
// after each test and by dedicated tests: statuses within the declared
// ones, and replies the handler can send.
import * as v from 'valibot';
import { toValidationIssues, type WebhookReply } from '@wamux/core/adapter';
import type { ContractContext } from './context';

/** `new Response()` takes statuses 200 to 599; a webhook reply is an answer, never informational. */
const WebhookReplySchema = v.strictObject({
  status: v.pipe(v.number(), v.integer(), v.minValue(200), v.maxValue(599)),
  headers: v.optional(v.record(v.string(), v.string())),
  body: v.optional(v.unknown()),
});

/** Why `reply` is not a `WebhookReply` the handler can send, as `path: message` lines; empty when it is one. */
export function webhookReplyIssues(reply: WebhookReply): string[] {
  const result = v.safeParse(WebhookReplySchema, reply);
  const issues = result.success ? [] : toValidationIssues(result.issues, 'reply').map((issue) => `${issue.path}: ${issue.message}`);
  if (reply.body !== undefined && typeof reply.body !== 'string') {
    try {
      if (JSON.stringify(reply.body) === undefined) issues.push('reply.body: is neither a string nor a JSON value');
    } catch {
      issues.push('reply.body: is neither a string nor a JSON value');
    }
  }
  return issues;
}

/** Status events the provider emitted with a status it does not declare, as `<message id>: <status>`. */
export function undeclaredStatuses(ctx: ContractContext): string[] {
  return ctx.receiver.events.flatMap((event) =>
    event.type === 'status' && !ctx.declared.statuses.includes(event.status.status) ? [`${event.status.messageId}: ${event.status.status}`] : [],
  );
}
