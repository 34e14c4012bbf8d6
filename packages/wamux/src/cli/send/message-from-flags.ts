import { toE164, type CustomerAddress, type InteractiveContent, type InteractiveHeader, type OutboundMessage } from '@wamux/core/adapter';
import { match } from 'ts-pattern';
import { UsageError } from '../command';
import { mediaSourceFromArg } from '../media-file';
import { recipientFromInput } from '../phone';
import { KIND_FLAGS, type KindFlag, type MessageFlags } from './flags';
import { templateFromFlags, wantsTemplate } from './template-flags';

/**
 * The `--to` recipient: a phone number whose country is certain, as E.164
 * (`+90 555 ...`, `905551112233`, or a national number with a default
 * country), or a WhatsApp business-scoped user ID (`US.13491208655302741918`)
 * as it is. Anything else is a `ValidationError` naming `--to`.
 */
export function recipient(value: string, defaultCountry?: string, field = '--to'): CustomerAddress {
  return recipientFromInput(value, { defaultCountry, field });
}

/** Which message-type flag was given; exactly one must be. */
export function kindOf(flags: MessageFlags): KindFlag {
  const given = KIND_FLAGS.filter((flag) => (flag === 'template' ? wantsTemplate(flags) : flags[flag] !== undefined && flags[flag] !== false));
  if (given.length === 0) throw new UsageError(`say what to send: one of ${KIND_FLAGS.map((f) => `--${f}`).join(', ')} (or --json <file>)`);
  if (given.length > 1) throw new UsageError(`give one message type, not ${given.map((f) => `--${f}`).join(' and ')}`);
  return given[0] as KindFlag;
}

/**
 * Builds the OutboundMessage the flags describe. Local file paths are read
 * as bytes; `defaultCountry` is the country of a national `--to` number.
 */
export async function messageFromFlags(flags: MessageFlags, defaultCountry?: string): Promise<OutboundMessage> {
  if (flags.to === undefined) throw new UsageError('--to <phone> is required');
  const to = recipient(flags.to, defaultCountry);
  const replyTo = flags['reply-to'] !== undefined ? { replyTo: flags['reply-to'] } : {};
  const media = async (type: 'image' | 'video' | 'audio' | 'document' | 'sticker', value: string): Promise<OutboundMessage> => ({
    type,
    to,
    ...replyTo,
    media: await mediaSourceFromArg(value, `--${type}`, { filename: flags.filename, mimeType: flags['mime-type'] }),
    ...(flags.caption !== undefined ? { caption: flags.caption } : {}),
    ...(flags.filename !== undefined ? { filename: flags.filename } : {}),
  });
  const interactive = (content: InteractiveContent): OutboundMessage => ({ type: 'interactive', to, ...replyTo, interactive: content });

  return match(kindOf(flags))
    .with('text', (): OutboundMessage => ({ type: 'text', to, ...replyTo, text: flags.text ?? '', ...(flags['preview-url'] ? { previewUrl: true } : {}) }))
    .with('image', 'video', 'audio', 'document', 'sticker', (type) => media(type, flags[type] ?? ''))
    .with('location', (): OutboundMessage => {
      const [latitude, longitude] = coordinates(flags.location ?? '');
      return {
        type: 'location',
        to,
        ...replyTo,
        latitude,
        longitude,
        ...(flags.name ? { name: flags.name } : {}),
        ...(flags.address ? { address: flags.address } : {}),
      };
    })
    .with('contact', (): OutboundMessage => ({ type: 'contacts', to, ...replyTo, contacts: (flags.contact ?? []).map(contactCard) }))
    .with('buttons', () =>
      interactive({
        kind: 'buttons',
        body: needBody(flags, '--buttons'),
        buttons: pairs(flags.buttons ?? '', '--buttons').map(([id, title]) => ({ id, title })),
        ...headerAndFooter(flags),
      }),
    )
    .with('list', () => {
      if (!flags['button-text']) throw new UsageError('--list needs --button-text <label> (the button that opens the list)');
      const { header, footer } = headerAndFooter(flags);
      return interactive({
        kind: 'list',
        body: needBody(flags, '--list'),
        buttonText: flags['button-text'],
        sections: [
          {
            ...(flags['section-title'] ? { title: flags['section-title'] } : {}),
            rows: pairs(flags.list ?? '', '--list').map(([id, title]) => ({ id, title })),
          },
        ],
        ...(header?.type === 'text' ? { header } : {}),
        ...(footer !== undefined ? { footer } : {}),
      });
    })
    .with('location-request', () => interactive({ kind: 'location_request', body: needBody(flags, '--location-request') }))
    .with('template', (): OutboundMessage => ({ type: 'template', to, ...replyTo, template: templateFromFlags(flags) }))
    .with('reaction', (): OutboundMessage => {
      const value = flags.reaction ?? '';
      const colon = value.lastIndexOf(':');
      if (colon <= 0) throw new UsageError('--reaction: expected <messageId>:<emoji> (an empty emoji removes a reaction)');
      return { type: 'reaction', to, messageId: value.slice(0, colon), emoji: value.slice(colon + 1) };
    })
    .exhaustive();
}

function needBody(flags: MessageFlags, flag: string): string {
  if (!flags.body) throw new UsageError(`${flag} needs --body <text>`);
  return flags.body;
}

function headerAndFooter(flags: MessageFlags): { header?: InteractiveHeader; footer?: string } {
  return {
    ...(flags.header ? { header: { type: 'text' as const, text: flags.header } } : {}),
    ...(flags.footer !== undefined ? { footer: flags.footer } : {}),
  };
}

/** Parses `id:title,id:title` (an item without `:` uses its text as both). */
function pairs(value: string, flag: string): Array<[string, string]> {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new UsageError(`${flag}: expected id:title,id:title,...`);
  return items.map((item) => {
    const colon = item.indexOf(':');
    return colon < 0 ? [item, item] : [item.slice(0, colon).trim(), item.slice(colon + 1).trim()];
  });
}

function coordinates(value: string): [number, number] {
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) throw new UsageError(`--location: expected "lat,lng", e.g. 41.0082,28.9784`);
  return parts as [number, number];
}

function contactCard(value: string): { name: { formatted: string }; phones?: Array<{ phone: string }> } {
  const colon = value.lastIndexOf(':');
  const name = (colon < 0 ? value : value.slice(0, colon)).trim();
  const phone = colon < 0 ? '' : value.slice(colon + 1).trim();
  if (name === '') throw new UsageError('--contact: expected "Name:+phone"');
  // A card's number is shown to the customer, not sent to: kept as written when it cannot be E.164.
  return { name: { formatted: name }, ...(phone ? { phones: [{ phone: toE164(phone) ?? phone }] } : {}) };
}
