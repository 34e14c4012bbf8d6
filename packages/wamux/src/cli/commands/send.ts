import { redactValue, type OutboundMessage, type SendResult } from '@wamux/core';
import { match } from 'ts-pattern';
import { parseCommandLine, UsageError, type Command } from '../command';
import { out, outJson } from '../io';
import { MESSAGE_OPTIONS } from '../send/flags';
import { messageFromFlags } from '../send/message-from-flags';
import { messageFromJson } from '../send/message-from-json';
import { openTarget } from '../target';
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
  --to <phone>            Recipient, E.164 (+905551112233; 905551112233 is accepted),
                          or a WhatsApp BSUID (US.13491208655302741918) where the provider sends to one
  --reply-to <messageId>  Quote an earlier message (providers with messages.replyTo)
  --dry-run               Print the message that would be sent, send nothing
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
    const message = values.json !== undefined ? await messageFromJson(values.json, values.to) : await messageFromFlags(values);
    if (values['dry-run']) {
      outJson(redactValue(message));
      return 0;
    }
    const target = await openTarget(values);
    try {
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
    .with('text', () => out(`✓ sent ${message.type} to ${message.to}: id ${result.id}${result.whatsappMessageId ? ` (WhatsApp id ${result.whatsappMessageId})` : ''}`))
    .exhaustive();
}
