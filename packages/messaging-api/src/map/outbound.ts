import {
  compact,
  contactCardToWhatsApp,
  e164Digits,
  parseInput,
  UnsupportedFeatureError,
  type ContactCard,
  type InteractiveMessage,
  type MediaMessage,
  type MediaSource,
  type OutboundMessage,
  type TemplateMessage,
} from '@wamux/core/adapter';
import type * as v from 'valibot';
import { match } from 'ts-pattern';
import { MESSAGING_API_PROVIDER } from '../options';
import type { OutBoundMsgContactCardSchema, OutBoundMsgMediaSchema, OutBoundMsgWire } from '../wire/outbound';
import { ButtonsLimitsSchema, MediaLimitsSchema, TextLimitsSchema } from './limits';
import { templateData } from './template';

type WireMedia = v.InferOutput<typeof OutBoundMsgMediaSchema>;
type WireContactCard = v.InferOutput<typeof OutBoundMsgContactCardSchema>;
type Common = Pick<OutBoundMsgWire, 'channelId' | 'to' | 'mask'>;

/**
 * Translates a normalized message (already validated by the core) into the
 * vendor's `OutBoundMsg`, checking WhatsApp's limits on the way. Recipients
 * go as `to.phone` digits without `+`, as the vendor writes numbers.
 */
export function toOutBoundMsg(message: OutboundMessage, channelId: string): OutBoundMsgWire {
  const common: Common = { channelId, to: { phone: e164Digits(message.to) }, mask: false };
  const checked = <TSchema extends v.GenericSchema>(schema: TSchema) => parseInput(schema, message, { root: 'message', provider: MESSAGING_API_PROVIDER });
  return match<OutboundMessage, OutBoundMsgWire>(message)
    .with({ type: 'text' }, (m) => {
      checked(TextLimitsSchema);
      return { ...common, type: 'text', text: { body: m.text } };
    })
    .with({ type: 'image' }, (m) => ({ ...common, type: 'image', image: media(m, checked) }))
    .with({ type: 'video' }, (m) => ({ ...common, type: 'video', video: media(m, checked) }))
    .with({ type: 'audio' }, (m) => ({ ...common, type: 'audio', audio: media(m, checked) }))
    .with({ type: 'document' }, (m) => ({ ...common, type: 'document', document: media(m, checked) }))
    .with({ type: 'location' }, (m) => ({
      ...common,
      type: 'location',
      location: compact({ latitude: m.latitude, longitude: m.longitude, name: m.name, address: m.address }),
    }))
    .with({ type: 'contacts' }, (m) => ({ ...common, type: 'contacts', contacts: m.contacts.map(contactCard) }))
    .with({ type: 'interactive' }, (m) => {
      checked(ButtonsLimitsSchema);
      return { ...common, type: 'text', ...buttons(m) };
    })
    .with({ type: 'template' }, (m) => ({ ...common, type: 'template', template: template(m) }))
    .with({ type: 'sticker' }, { type: 'reaction' }, (m) => {
      throw new UnsupportedFeatureError(`${m.type} messages`, { provider: MESSAGING_API_PROVIDER });
    })
    .exhaustive();
}

function media(message: MediaMessage, checked: (schema: typeof MediaLimitsSchema) => unknown): WireMedia {
  checked(MediaLimitsSchema);
  return compact({ link: mediaLink(message.media), caption: message.caption, filename: message.filename });
}

/** The vendor fetches media by URL; it has no upload and no media ids. */
function mediaLink(source: MediaSource): string {
  if ('url' in source) return source.url;
  throw new UnsupportedFeatureError(`media given as { ${'id' in source ? 'id' : 'data'} }`, { provider: MESSAGING_API_PROVIDER });
}

/**
 * The card in WhatsApp's snake_case. The vendor's name has only formatted,
 * first and last names: middle name, prefix and suffix are part of
 * `formatted_name` already and are not sent separately.
 */
function contactCard(card: ContactCard): WireContactCard {
  const whatsApp = contactCardToWhatsApp(card);
  return { ...whatsApp, name: compact({ formatted_name: card.name.formatted, first_name: card.name.first, last_name: card.name.last }) };
}

/**
 * Reply buttons are a text message with `options.buttons` shown as
 * `buttons`. Each button's id is its `code` (the reply's `reply_id`) and its
 * `name`; its title is its `label`. The vendor has no header or footer: a
 * header is refused here, and a footer never gets this far (the provider
 * does not declare `interactive.footer`, so the core refuses it).
 */
function buttons(message: InteractiveMessage): Pick<Extract<OutBoundMsgWire, { type: 'text' }>, 'text' | 'options'> {
  return match(message.interactive)
    .with({ kind: 'buttons' }, (interactive) => {
      if (interactive.header !== undefined) throw new UnsupportedFeatureError('headers on interactive messages', { provider: MESSAGING_API_PROVIDER });
      return {
        text: { body: interactive.body },
        options: {
          buttonDisplayScheme: 'buttons' as const,
          buttons: interactive.buttons.map((button) => ({ name: button.id, code: button.id, label: button.title, type: 'QUICK_REPLY' })),
        },
      };
    })
    .with({ kind: 'list' }, { kind: 'location_request' }, (interactive) => {
      throw new UnsupportedFeatureError(`interactive ${interactive.kind} messages`, { provider: MESSAGING_API_PROVIDER });
    })
    .exhaustive();
}

/**
 * The template by `code` (the normalized `name`) and/or `id`, its language
 * as `lang`, and its parameters as `data`. Template buttons and header media
 * come from the approved template: the vendor has no field for them.
 */
function template(message: TemplateMessage): Extract<OutBoundMsgWire, { type: 'template' }>['template'] {
  const spec = message.template;
  if (spec.buttons !== undefined && spec.buttons.length > 0)
    throw new UnsupportedFeatureError('template button parameters', { provider: MESSAGING_API_PROVIDER });
  if (spec.headerMedia !== undefined) throw new UnsupportedFeatureError('template header media', { provider: MESSAGING_API_PROVIDER });
  return compact({ code: spec.name, id: spec.id, lang: spec.language, data: templateData(spec) });
}
