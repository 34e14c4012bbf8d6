import type { DeliveryOutcome, HttpFailure, ProviderErrorKind, VendorErrorInfo } from '@wamux/core/adapter';
import * as v from 'valibot';
import { GraphErrorBodySchema } from '../wire/graph-error';

/** What wamux does with one Cloud API error code, and what the app should do about it. */
export interface CloudErrorRule {
  /** Meta's title for the code. */
  title: string;
  /** The normalized kind (decides the error class, and whether the HTTP path retries). */
  kind: ProviderErrorKind;
  /** Whether the message may have been delivered; omitted where the HTTP status decides. */
  delivery?: DeliveryOutcome;
  /** What to do, as Meta's error code reference says. */
  action: string;
}

/**
 * The Cloud API error codes wamux treats specially (Meta's "Error codes"
 * reference). Every other code takes its kind from the HTTP status. A rate
 * limit code is retried by the HTTP path after backoff (it proves the
 * message was not sent); the others are thrown with their action in the
 * message.
 */
export const CLOUD_ERROR_CODES: Readonly<Record<string, CloudErrorRule>> = {
  '0': { title: 'AuthException', kind: 'authentication', delivery: 'not_sent', action: 'the access token is invalid or expired: get a new access token' },
  '3': { title: 'API method', kind: 'permission', delivery: 'not_sent', action: 'check the permissions granted to the app (access token debugger)' },
  '4': { title: 'Too many calls', kind: 'rate_limit', delivery: 'not_sent', action: 'the app reached its API call rate limit: retry later or call less often' },
  '10': {
    title: 'Permission denied',
    kind: 'permission',
    delivery: 'not_sent',
    action: 'the permission is not granted or was removed: check the app permissions',
  },
  '100': {
    title: 'Invalid parameter',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'fix the request: the details name the unsupported or misspelled parameter',
  },
  '190': {
    title: 'Access token has expired',
    kind: 'authentication',
    delivery: 'not_sent',
    action: 'refresh the access token (or use a system user token that does not expire)',
  },
  '368': {
    title: 'Temporarily blocked for policies violations',
    kind: 'permission',
    delivery: 'not_sent',
    action: 'the account is restricted for a policy violation: see the Policy Enforcement document',
  },
  '80007': {
    title: 'Rate limit issues',
    kind: 'rate_limit',
    delivery: 'not_sent',
    action: 'the WhatsApp Business Account reached its rate limit: retry later',
  },
  '130429': {
    title: 'Rate limit hit',
    kind: 'rate_limit',
    delivery: 'not_sent',
    action: 'the phone number reached its throughput limit: retry after backoff, or send less often',
  },
  '130472': {
    title: "User's number is part of an experiment",
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'Meta held this marketing message back for an experiment: do not resend it at once',
  },
  '131000': { title: 'Something went wrong', kind: 'server', action: 'Meta failed to process the request: check the message status before sending it again' },
  '131005': {
    title: 'Access denied',
    kind: 'permission',
    delivery: 'not_sent',
    action: 'the permission is not granted or was removed: check the app permissions',
  },
  '131008': { title: 'Required parameter is missing', kind: 'rejected', delivery: 'not_sent', action: 'fix the request: add the parameter the details name' },
  '131009': {
    title: 'Parameter value is not valid',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'fix the request: a parameter value is not valid (the details say which)',
  },
  '131016': {
    title: 'Service unavailable',
    kind: 'server',
    action: 'a service is temporarily unavailable: check the WhatsApp Business Platform status, then retry',
  },
  '131021': { title: 'Recipient cannot be sender', kind: 'rejected', delivery: 'not_sent', action: 'send to a number other than the business number' },
  '131026': {
    title: 'Message undeliverable',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'the recipient cannot receive it (not on WhatsApp, old app, terms not accepted, or blocked the business): confirm the number',
  },
  '131030': {
    title: 'Recipient phone number not in allowed list',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'add the number to the test number allowed list',
  },
  '131031': {
    title: 'Account has been locked',
    kind: 'permission',
    delivery: 'not_sent',
    action: 'the business account is locked (policy or wrong data): see the Policy Enforcement document',
  },
  '131037': {
    title: 'Display name approval needed',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'the business display name must be approved before sending',
  },
  '131042': { title: 'Business eligibility payment issue', kind: 'rejected', delivery: 'not_sent', action: 'fix the payment method of the business account' },
  '131045': { title: 'Incorrect certificate', kind: 'rejected', delivery: 'not_sent', action: 'register the phone number again' },
  '131047': {
    title: 'Re-engagement message',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'more than 24 hours passed since the customer last replied: send a template message instead',
  },
  '131048': {
    title: 'Spam rate limit hit',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'too many messages from this number were blocked or flagged as spam: check the quality rating in WhatsApp Manager before sending more',
  },
  '131049': {
    title: 'Meta chose not to deliver',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'Meta held back this marketing message to protect engagement: do not resend it at once',
  },
  '131050': {
    title: 'User stopped marketing messages',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'the customer opted out of marketing messages: do not send them marketing templates',
  },
  '131051': { title: 'Unsupported message type', kind: 'rejected', delivery: 'not_sent', action: 'send a message type WhatsApp supports' },
  '131052': { title: 'Media download error', kind: 'rejected', action: 'the media could not be downloaded: ask the customer to send it again' },
  '131053': { title: 'Media upload error', kind: 'rejected', delivery: 'not_sent', action: 'the media could not be uploaded: check its type and size' },
  '131056': {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    kind: 'rate_limit',
    delivery: 'not_sent',
    action: 'too many messages to this customer in a short time: wait before sending to them again',
  },
  '131057': { title: 'Account in maintenance mode', kind: 'server', delivery: 'not_sent', action: 'the business account is in maintenance: retry later' },
  '131062': {
    title: 'Business-scoped user ID recipients not supported',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'send this message to the phone number, not the business-scoped user ID',
  },
  '132000': {
    title: 'Template param count mismatch',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'send as many parameters as the template has placeholders',
  },
  '132001': {
    title: 'Template does not exist',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'check the template name and language, and that it is approved',
  },
  '132005': { title: 'Template hydrated text too long', kind: 'rejected', delivery: 'not_sent', action: 'shorten the parameters' },
  '132007': {
    title: 'Template format character policy violated',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'fix the parameters (no newlines, tabs or more than four spaces in a row)',
  },
  '132012': {
    title: 'Template parameter format mismatch',
    kind: 'rejected',
    delivery: 'not_sent',
    action: 'send parameters in the formats the template declares',
  },
  '132015': { title: 'Template is paused', kind: 'rejected', delivery: 'not_sent', action: 'the template is paused for low quality: edit it or use another' },
  '132016': { title: 'Template is disabled', kind: 'rejected', delivery: 'not_sent', action: 'the template is disabled: use another template' },
  '133010': { title: 'Phone number not registered', kind: 'rejected', delivery: 'not_sent', action: 'register the business phone number on the Cloud API' },
};

/** The rule for a Cloud API error code, or `undefined` for a code the table does not hold. */
export function cloudErrorRule(code: string | number | undefined): CloudErrorRule | undefined {
  if (code === undefined) return undefined;
  return Object.hasOwn(CLOUD_ERROR_CODES, String(code)) ? CLOUD_ERROR_CODES[String(code)] : undefined;
}

/**
 * A failed Graph API answer → what the HTTP path needs to build the typed
 * error: the kind (from the code table, else the HTTP status), whether the
 * message may have been delivered, Meta's code as `vendorCode`, its
 * `fbtrace_id` as `requestId`, and a message that ends with what to do.
 * A body that is not a Graph error is left to the HTTP status.
 */
export function graphErrorInfo(failure: Pick<HttpFailure, 'body' | 'status' | 'method' | 'path'>): VendorErrorInfo | undefined {
  const parsed = v.safeParse(GraphErrorBodySchema, failure.body);
  if (!parsed.success) return undefined;
  const error = parsed.output.error;
  const rule = cloudErrorRule(error.code);
  const details = error.error_data?.details ?? error.error_user_msg;
  const title = rule?.title ?? error.message ?? 'Graph API error';
  const what = `${failure.method} ${failure.path} failed with Cloud API error ${error.code ?? 'without a code'} (${title})`;
  const message = [what, details === undefined || details === title ? undefined : details, rule === undefined ? undefined : `Action: ${rule.action}`]
    .filter((part): part is string => part !== undefined)
    .join('. ');
  return {
    ...(rule === undefined ? {} : { kind: rule.kind }),
    ...(rule?.delivery === undefined ? {} : { delivery: rule.delivery }),
    message,
    ...(error.code === undefined ? {} : { vendorCode: error.code }),
    ...(error.fbtrace_id === undefined ? {} : { requestId: error.fbtrace_id }),
    details: failure.body,
  };
}
