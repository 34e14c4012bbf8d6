import { compact, toE164, type ContactCard, type OutboundMessage, type PhoneNumber, type TemplateParameters } from '@wamux/core/adapter';
import { match } from 'ts-pattern';
import type * as v from 'valibot';
import type { OutBoundMsgContactCardSchema, OutBoundMsgMediaSchema, OutBoundMsgWire } from '../wire/outbound';

type WireMedia = v.InferOutput<typeof OutBoundMsgMediaSchema>;
type WireCard = v.InferOutput<typeof OutBoundMsgContactCardSchema>;

/**
 * Decodes a message the emulator accepted back into the normalized model,
 * as far as the wire carries it. Returns `undefined` for what the model
 * cannot hold: a recipient by contact id or email, a `list` or more than
 * three buttons, `system`/`optin`/`optout` messages.
 */
export function decodeOutbound(wire: OutBoundMsgWire): OutboundMessage | undefined {
  const to = toE164(wire.to.phone);
  if (to === undefined) return undefined;
  return match(wire)
    .returnType<OutboundMessage | undefined>()
    .with({ type: 'text' }, (m) => (m.options ? decodeButtons(to, m.text.body, m.options) : { type: 'text', to, text: m.text.body }))
    .with({ type: 'image' }, (m) => ({ type: 'image', to, ...media(m.image) }))
    .with({ type: 'video' }, (m) => ({ type: 'video', to, ...media(m.video) }))
    .with({ type: 'audio' }, { type: 'voice' }, (m) => ({ type: 'audio', to, ...media(m.audio) }))
    .with({ type: 'document' }, (m) => ({ type: 'document', to, ...media(m.document) }))
    .with({ type: 'location' }, (m) =>
      compact({
        type: 'location' as const,
        to,
        latitude: m.location.latitude,
        longitude: m.location.longitude,
        name: m.location.name,
        address: m.location.address,
      }),
    )
    .with({ type: 'contacts' }, (m) => ({ type: 'contacts', to, contacts: m.contacts.map(card) }))
    .with({ type: 'template' }, (m) => ({
      type: 'template',
      to,
      template: compact({ name: m.template.code, id: m.template.id, language: m.template.lang ?? '', body: parametersFromData(m.template.data) }),
    }))
    .with({ type: 'system' }, { type: 'optin' }, { type: 'optout' }, () => undefined)
    .exhaustive();
}

function decodeButtons(
  to: PhoneNumber,
  body: string,
  options: NonNullable<Extract<OutBoundMsgWire, { type: 'text' }>['options']>,
): OutboundMessage | undefined {
  if (options.buttonDisplayScheme === 'list' || options.buttons.length > 3) return undefined;
  return {
    type: 'interactive',
    to,
    interactive: { kind: 'buttons', body, buttons: options.buttons.map((button) => ({ id: button.code ?? button.name, title: button.label ?? button.name })) },
  };
}

function media(wire: WireMedia) {
  return compact({ media: { url: wire.link }, caption: wire.caption, filename: wire.filename });
}

function card(wire: WireCard): ContactCard {
  return compact({
    name: compact({ formatted: wire.name.formatted_name, first: wire.name.first_name, last: wire.name.last_name }),
    phones: wire.phones?.map((phone) => compact({ phone: phone.phone, type: phone.type, waId: phone.wa_id === undefined ? undefined : String(phone.wa_id) })),
    emails: wire.emails?.map((email) => compact({ email: email.email, type: email.type })),
    addresses: wire.addresses?.map((address) =>
      compact({
        street: address.street,
        city: address.city,
        state: address.state,
        zip: address.zip === undefined ? undefined : String(address.zip),
        country: address.country,
        countryCode: address.country_code,
        type: address.type,
      }),
    ),
    org: wire.org ? compact({ ...wire.org }) : undefined,
    urls: wire.urls?.map((url) => compact({ url: url.url, type: url.type })),
    birthday: wire.birthday,
  });
}

/**
 * A template's `data` map as normalized parameters: keys `1`..`n` (all of them)
 * are positional parameters, anything else is named.
 */
function parametersFromData(data: Record<string, string | number | boolean> | undefined): TemplateParameters | undefined {
  if (data === undefined) return undefined;
  const keys = Object.keys(data);
  if (keys.length === 0) return undefined;
  const positional =
    keys.every((key) => /^[1-9]\d*$/.test(key)) &&
    keys
      .map(Number)
      .sort((a, b) => a - b)
      .every((n, i) => n === i + 1);
  if (positional)
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((n) => String(data[String(n)]));
  return Object.fromEntries(keys.map((key) => [key, String(data[key])]));
}
