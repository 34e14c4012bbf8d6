import {
  DELIVERY_STATUSES,
  INTERACTIVE_KINDS,
  MESSAGE_CONTENT_TYPES,
  OUTBOUND_MESSAGE_TYPES,
  PROVIDER_FEATURES,
  type MediaSource,
  type OutboundMessage,
  type ProviderCapabilities,
} from '@wamux/core/adapter';

const MEDIA_SOURCES = ['url', 'id', 'data'] as const;

/** Every value any list holds, in the canonical order, then values the canonical list does not know. */
function union<T extends string>(canonical: readonly T[], lists: ReadonlyArray<readonly T[]>): readonly T[] {
  const seen = new Set<T>(lists.flat());
  const known = canonical.filter((value) => seen.has(value));
  const extra = [...seen].filter((value) => !canonical.includes(value));
  return [...known, ...extra];
}

/**
 * What a router can do: what at least one of its providers supports. A
 * message is routed only to providers that support it, so the union is what
 * an app may send through the router; every value is in the core's
 * canonical order, whatever the order of the providers.
 */
export function unionCapabilities(all: readonly ProviderCapabilities[]): ProviderCapabilities {
  return {
    outbound: union(
      OUTBOUND_MESSAGE_TYPES,
      all.map((c) => c.outbound),
    ),
    interactive: union(
      INTERACTIVE_KINDS,
      all.map((c) => c.interactive),
    ),
    mediaSources: union(
      MEDIA_SOURCES,
      all.map((c) => c.mediaSources),
    ),
    inbound: union(
      MESSAGE_CONTENT_TYPES,
      all.map((c) => c.inbound),
    ),
    statuses: union(
      DELIVERY_STATUSES,
      all.map((c) => c.statuses),
    ),
    features: union(
      PROVIDER_FEATURES,
      all.map((c) => c.features),
    ),
  };
}

/** The media id a message refers to, if any: it names a file in one vendor's store, so only that vendor can send it. */
export function mediaIdOf(message: OutboundMessage): string | undefined {
  const idOf = (source: MediaSource | undefined) => (source !== undefined && 'id' in source ? source.id : undefined);
  switch (message.type) {
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return idOf(message.media);
    case 'template':
      return idOf(message.template.headerMedia?.media);
    case 'interactive':
      return message.interactive.kind === 'buttons' && message.interactive.header && 'media' in message.interactive.header
        ? idOf(message.interactive.header.media)
        : undefined;
    default:
      return undefined;
  }
}

/** The message id a message refers to (a reaction's target, a quoted reply), if any. */
export function referencedMessageId(message: OutboundMessage): string | undefined {
  return message.type === 'reaction' ? message.messageId : message.replyTo;
}
