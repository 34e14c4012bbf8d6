import { compact, type ContactCard, type InteractiveHeader, type OutboundMessage, type PhoneNumber, type TemplateParameters } from '@wamux/core/adapter';
import { match } from 'ts-pattern';
import type { CatalogTemplate, CatalogTranslation } from './catalog';
import type { UploadedFile } from './fields';
import type { ContactWire, InteractiveWire } from './schemas';

// Decodes what Desk360 received back into the normalized model, so tests can
// compare it with what the app sent. Written apart from the adapter's
// encoders on purpose: a mapping bug must not cancel itself out.

/** The message type Desk360 sends a file as, from its MIME type. */
export function kindOfFile(mimeType: string): 'image' | 'video' | 'audio' | 'document' {
  const top = mimeType.split('/')[0];
  return top === 'image' || top === 'video' || top === 'audio' ? top : 'document';
}

/** One uploaded attachment as a media message. */
export function mediaMessage(to: PhoneNumber, file: UploadedFile): OutboundMessage {
  const type = kindOfFile(file.mimeType);
  const media = { data: file.data, filename: file.filename, mimeType: file.mimeType };
  // Only documents show a filename in WhatsApp.
  return type === 'document' ? { type, to, media, filename: file.filename } : { type, to, media };
}

/** A Desk360 contact as a normalized card. */
export function contactCard(contact: ContactWire): ContactCard {
  const { name } = contact;
  return compact({
    name: compact({
      formatted: name.formatted_name,
      first: name.first_name,
      last: name.last_name,
      middle: name.middle_name,
      prefix: name.prefix,
      suffix: name.suffix,
    }),
    phones: contact.phones?.map((p) => compact({ phone: p.phone, type: p.type, waId: p.wa_id })),
    emails: contact.emails?.map((e) => compact({ email: e.email, type: e.type })),
    addresses: contact.addresses?.map((a) =>
      compact({ street: a.street, city: a.city, state: a.state, zip: a.zip, country: a.country, countryCode: a.country_code, type: a.type }),
    ),
    org: contact.org && compact({ company: contact.org.company, department: contact.org.department, title: contact.org.title }),
    urls: contact.urls?.map((u) => compact({ url: u.url, type: u.type })),
    birthday: contact.birthday,
  }) as ContactCard;
}

/** An interactive (reply buttons) request as a normalized message. */
export function interactiveMessage(body: InteractiveWire): OutboundMessage {
  return {
    type: 'interactive',
    to: body.to,
    interactive: compact({
      kind: 'buttons' as const,
      body: body.body,
      header: body.header && headerOf(body.header),
      footer: body.footer?.text,
      buttons: body.buttons.map((b) => ({ id: b.id, title: b.title })),
    }),
  };
}

function headerOf(header: NonNullable<InteractiveWire['header']>): InteractiveHeader {
  return match(header)
    .with({ type: 'text' }, (h): InteractiveHeader => ({ type: 'text', text: h.text }))
    .with({ type: 'image' }, (h): InteractiveHeader => ({ type: 'image', media: { url: h.image.link } }))
    .with({ type: 'video' }, (h): InteractiveHeader => ({ type: 'video', media: { url: h.video.link } }))
    .with(
      { type: 'document' },
      (h): InteractiveHeader => compact({ type: 'document' as const, media: { url: h.document.link }, filename: h.document.filename }),
    )
    .exhaustive();
}

/** A template send to one number as a normalized message, named as it was seeded. */
export function templateMessage(
  to: PhoneNumber,
  template: CatalogTemplate,
  translation: CatalogTranslation,
  parameters: Readonly<Record<string, string>>,
  attachment: UploadedFile | undefined,
): OutboundMessage {
  const header = positional(parameters, 'header');
  const body = positional(parameters, 'body');
  const named = Object.fromEntries(Object.entries(parameters).filter(([key]) => !/^(header|body)-\d+$/.test(key)));
  const headerKind = attachment ? kindOfFile(attachment.mimeType) : undefined;
  return {
    type: 'template',
    to,
    template: compact({
      name: template.name,
      id: translation.seed.id,
      language: translation.seed.language,
      header,
      body:
        Object.keys(named).length > 0
          ? ({ ...named, ...Object.fromEntries((body ?? []).map((value, i) => [`body-${i + 1}`, value])) } as TemplateParameters)
          : body,
      headerMedia:
        attachment && headerKind !== 'audio' && headerKind !== undefined
          ? { type: headerKind, media: { data: attachment.data, filename: attachment.filename, mimeType: attachment.mimeType } }
          : undefined,
    }),
  };
}

/** `body-1`, `body-2` → `['…', '…']`; `undefined` when there are none. */
function positional(parameters: Readonly<Record<string, string>>, component: 'header' | 'body'): string[] | undefined {
  const entries = Object.entries(parameters)
    .map(([key, value]) => [new RegExp(`^${component}-(\\d+)$`).exec(key)?.[1], value] as const)
    .filter((entry): entry is readonly [string, string] => entry[0] !== undefined);
  if (entries.length === 0) return undefined;
  const out: string[] = [];
  for (const [index, value] of entries) out[Number(index) - 1] = value;
  return Array.from(out, (value) => value ?? '');
}
