import { UnsupportedFeatureError } from '../errors/classes';
import { isBsuid } from '../model/customer';
import { mediaSourceKind, type MediaSource } from '../model/media';
import { OutboundMessageSchema, type OutboundMessage } from '../model/outbound';
import { parseInput } from '../model/validate';
import type { ProviderCapabilities } from './capabilities';

/**
 * Validates one outbound message against the model and against a
 * provider's capabilities, exactly as `send` does before any I/O, and
 * returns the parsed message. Lets a caller that sends later (a queue)
 * refuse a bad message when it is accepted, with the same typed errors:
 * `ValidationError` naming the field, `UnsupportedFeatureError` naming
 * the capability.
 */
export function checkOutbound(message: unknown, capabilities: ProviderCapabilities, provider: string): OutboundMessage {
  const valid = parseInput(OutboundMessageSchema, message, { root: 'message', provider });
  checkSupported(valid, capabilities, provider);
  return valid;
}

/** Throws `UnsupportedFeatureError` when `capabilities` cannot carry a recipient given as a BSUID. */
export function checkRecipient(to: string, field: string, capabilities: ProviderCapabilities, provider: string): void {
  // A BSUID is refused where the vendor cannot address one, rather than sent where a phone number goes.
  if (isBsuid(to) && !capabilities.features.includes('recipients.bsuid')) unsupported(`sending to a business-scoped user ID (${field})`, provider);
}

function unsupported(feature: string, provider: string): never {
  throw new UnsupportedFeatureError(feature, { provider });
}

function checkSupported(message: OutboundMessage, caps: ProviderCapabilities, provider: string): void {
  const feature = unsupportedFeature(message, caps);
  if (feature !== undefined) unsupported(feature, provider);
}

/**
 * What of `message` a provider with `caps` cannot carry, named as the
 * `UnsupportedFeatureError` of `send` names it (`interactive list messages`,
 * `media captions (message.caption)`), or `undefined` when it can carry all
 * of it. `message` has already been validated against the model. A router
 * uses it to pick the providers that can take a message.
 */
export function unsupportedFeature(message: OutboundMessage, caps: ProviderCapabilities): string | undefined {
  const has = (feature: ProviderCapabilities['features'][number]) => caps.features.includes(feature);
  const media = (source: MediaSource, field: string) => {
    const kind = mediaSourceKind(source);
    return caps.mediaSources.includes(kind) ? undefined : `media given as { ${kind} } (${field})`;
  };
  if (!caps.outbound.includes(message.type)) return `${message.type} messages`;
  // A BSUID is refused where the vendor cannot address one, rather than sent where a phone number goes.
  if (isBsuid(message.to) && !has('recipients.bsuid')) return 'sending to a business-scoped user ID (message.to)';
  if (message.type !== 'reaction' && message.replyTo !== undefined && !has('messages.replyTo')) return 'replyTo (quoted replies)';
  // A switch rather than ts-pattern's match: this runs on every send, and
  // match builds its pattern objects on every call.
  switch (message.type) {
    case 'interactive': {
      const { interactive } = message;
      if (!caps.interactive.includes(interactive.kind)) return `interactive ${interactive.kind} messages`;
      if (interactive.kind !== 'location_request' && interactive.footer !== undefined && interactive.footer !== '' && !has('interactive.footer')) {
        return 'interactive footers (message.interactive.footer)';
      }
      if (interactive.kind === 'buttons' && interactive.header && 'media' in interactive.header)
        return media(interactive.header.media, 'message.interactive.header.media');
      return undefined;
    }
    case 'template':
      return message.template.headerMedia ? media(message.template.headerMedia.media, 'message.template.headerMedia.media') : undefined;
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return (
        media(message.media, 'message.media') ??
        (message.caption !== undefined && message.caption !== '' && !has('media.captions') ? 'media captions (message.caption)' : undefined)
      );
    case 'text':
      return message.previewUrl === true && !has('messages.linkPreview') ? 'link previews (message.previewUrl)' : undefined;
    case 'location':
    case 'contacts':
    case 'reaction':
      return undefined;
    default:
      return unknownType(message);
  }
}

/** Makes the `switch` exhaustive: a message type added to the model fails to compile here. */
function unknownType(message: never): never {
  throw new TypeError(`unknown message type ${String((message as { type?: unknown }).type)}`);
}
