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
  const checkMedia = (source: MediaSource, field: string) => {
    const kind = mediaSourceKind(source);
    if (!caps.mediaSources.includes(kind)) unsupported(`media given as { ${kind} } (${field})`, provider);
  };
  if (!caps.outbound.includes(message.type)) unsupported(`${message.type} messages`, provider);
  checkRecipient(message.to, 'message.to', caps, provider);
  if (message.type !== 'reaction' && message.replyTo !== undefined && !caps.features.includes('messages.replyTo')) {
    unsupported('replyTo (quoted replies)', provider);
  }
  // A switch rather than ts-pattern's match: this runs on every send, and
  // match builds its pattern objects on every call.
  switch (message.type) {
    case 'interactive': {
      const { interactive } = message;
      if (!caps.interactive.includes(interactive.kind)) unsupported(`interactive ${interactive.kind} messages`, provider);
      if (interactive.kind !== 'location_request' && interactive.footer !== undefined && interactive.footer !== '' && !caps.features.includes('interactive.footer')) {
        unsupported('interactive footers (message.interactive.footer)', provider);
      }
      if (interactive.kind === 'buttons' && interactive.header && 'media' in interactive.header) {
        checkMedia(interactive.header.media, 'message.interactive.header.media');
      }
      return;
    }
    case 'template':
      if (message.template.headerMedia) checkMedia(message.template.headerMedia.media, 'message.template.headerMedia.media');
      return;
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      checkMedia(message.media, 'message.media');
      if (message.caption !== undefined && message.caption !== '' && !caps.features.includes('media.captions')) unsupported('media captions (message.caption)', provider);
      return;
    case 'text':
      if (message.previewUrl === true && !caps.features.includes('messages.linkPreview')) unsupported('link previews (message.previewUrl)', provider);
      return;
    case 'location':
    case 'contacts':
    case 'reaction':
      return;
    default:
      return unknownType(message);
  }
}

/** Makes the `switch` exhaustive: a message type added to the model fails to compile here. */
function unknownType(message: never): never {
  throw new TypeError(`unknown message type ${String((message as { type?: unknown }).type)}`);
}
