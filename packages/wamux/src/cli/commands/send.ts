import { checkOutbound, redactValue, type OutboundMessage, type SendResult } from '@wamux/core/adapter';
import { match } from 'ts-pattern';
import { parseCommandLine, UsageError, type Command } from '../command';
import { out, outJson } from '../io';
import { MESSAGE_OPTIONS } from '../send/flags';
import { messageFromFlags } from '../send/message-from-flags';
import { messageFromJson } from '../send/message-from-json';
import { openResolved, resolveTarget } from '../target';
import { TARGET_OPTIONS, TARGET_USAGE } from '../target-flags';

const OPTIONS = {
  ...TARGET_OPTIONS,
  ...MESSAGE_OPTIONS,
  json: { type: 'string' },
  'dry-run': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
} as const;

const USAGE = `Usage: wamux send --to <phone> <message> [options]

Message (exactly one):
  --text <text> [--preview-url]
  --image|--video|--audio|--document|--sticker <url|path|id:<mediaId>>
        [--caption <text>] [--filename <name>] [--mime-type <type>]
        a local path is uploaded as bytes; id:<mediaId> sends media already uploaded
  --location <lat,lng> [--name <text>] [--address <text>]
  --contact <name:phone>                 (repeatable)
  --buttons <id:title,...> --body <text> [--header <text>] [--footer <text>]
  --list <id:title,...> --body <text> --button-text <label> [--section-title <text>] [--header] [--footer]
  --location-request --body <text>
  --template <name> [--template-id <id>] [--lang <code>] (default en)
        [--param <value>]... (positional body parameters {{1}}, {{2}}...)
        [--var <name>=<value>]... (named body parameters) [--header-param <value>]...
  --reaction <messageId>:<emoji>         (an empty emoji removes the reaction)
  --json <file|->                        An OutboundMessage as JSON; media {"path": "..."} is read as bytes

Options:
  --to <phone>            Recipient: a phone number with its country code (+905551112233,
                          0090..., or 905551112233 as WhatsApp writes it), a national number
                          with --country (e.g. --country US --to "(415) 555-0123"), or a
                          WhatsApp BSUID (US.13491208655302741918) where the provider sends to one
  --reply-to <messageId>  Quote an earlier message (providers with messages.replyTo)
  --dry-run               Check the message as a send would (recipient, message, provider's
                          capabilities), print it, send nothing
  -o, --output <format>   text (default), id (just the message id) or json (the SendResult)

${TARGET_USAGE}`;

/** `wamux send`: one message of any outbound type, from flags or JSON. */
export const sendCommand: Command = {
  name: 'send',
  summary: 'Send one message of any type (text, media, location, contacts, buttons, list, template, reaction)',
  usage: USAGE,
  async run(args) {
    const { values } = parseCommandLine(args, OPTIONS);
    const format = values.output ?? 'text';
    if (format !== 'text' && format !== 'id' && format !== 'json') throw new UsageError(`--output: expected text, id or json, got "${format}"`);
    const resolved = await resolveTarget(values, process.env, process.cwd());
    const message =
      values.json !== undefined
        ? await messageFromJson(values.json, values.to, resolved.defaultCountry)
        : await messageFromFlags(values, resolved.defaultCountry);
    const target = await openResolved(resolved);
    try {
      if (values['dry-run']) {
        // The checks `send` makes before any I/O, so a dry run fails exactly where the send would.
        outJson(redactValue(checkOutbound(message, target.provider.capabilities, target.name)));
        return 0;
      }
      const result = await target.provider.send(message);
      printResult(message, result, format);
      return 0;
    } finally {
      await target.close();
    }
  },
};

function printResult(message: OutboundMessage, result: SendResult, format: 'text' | 'id' | 'json'): void {
  match(format)
    .with('id', () => out(result.id))
    .with('json', () => outJson({ id: result.id, whatsappMessageId: result.whatsappMessageId, rateLimit: result.rateLimit }))
    .with('text', () =>
      out(`✓ sent ${message.type} to ${message.to}: id ${result.id}${result.whatsappMessageId ? ` (WhatsApp id ${result.whatsappMessageId})` : ''}`),
    )
    .exhaustive();
}
