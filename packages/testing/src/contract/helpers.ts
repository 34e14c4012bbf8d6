// Assertions the parts of the contract suite share.
import { expect } from '@jest/globals';
import { inspect } from 'node:util';
import { isWamuxError, type MediaSource, type OutboundMessage, type Provider, type WebhookEvent } from '@wamux/core/adapter';
import type { Emulator } from '@wamux/emulator';
import { MEDIA } from './fixtures';
import type { MediaServer } from './servers';

/** `message`, `status` or the provider event's kind, for a failure message. */
export function describeEvent(event: WebhookEvent): string {
  return event.type === 'provider_event' ? `provider_event "${event.kind}"` : `"${event.type}"`;
}

/** Runs `call`, expects it to reject with `errorClass`, and the emulator to have seen no request. */
export async function expectNoIo(emulator: Emulator, call: () => unknown, errorClass: abstract new (...args: never[]) => Error): Promise<unknown> {
  const before = emulator.requests().length;
  let error: unknown;
  try {
    const result = call();
    if (result && typeof (result as PromiseLike<unknown>).then === 'function') await result;
    else if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      for await (const _ of result as AsyncIterable<unknown>) break;
    }
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(errorClass);
  expect(emulator.requests().length).toBe(before);
  return error;
}

/** Sends `message` and checks what the emulator decoded from the wire. */
export async function expectDelivered(provider: Provider, emulator: Emulator, message: OutboundMessage): Promise<void> {
  const before = emulator.delivered().length;
  const result = await provider.send(message);
  const delivered = emulator.delivered();
  expect(delivered.length - before).toBe(1);
  const last = delivered.at(-1);
  expect(last?.id).toBe(result.id);
  const got = last?.message as OutboundMessage;
  expect(got.type).toBe(message.type);
  expect(got.to).toBe(message.to);
  if ('media' in message && 'media' in got) {
    expect(Buffer.from(await resolveMedia(got.media, emulator)).equals(Buffer.from(await resolveMedia(message.media, emulator)))).toBe(true);
  }
  // Whatever the emulator decoded must equal what was sent (a vendor may
  // carry less, never something different); the key fields must be there.
  const { media: _sentMedia, ...sentRest } = message as OutboundMessage & { media?: unknown };
  const { media: _gotMedia, ...gotRest } = got as OutboundMessage & { media?: unknown };
  expect(sentRest).toMatchObject(gotRest);
  expect(gotRest).toMatchObject(keyFields(message));
}

/** The fields a vendor must carry for each type. */
function keyFields(message: OutboundMessage): Record<string, unknown> {
  switch (message.type) {
    case 'text':
      return { text: message.text };
    case 'location':
      return { latitude: message.latitude, longitude: message.longitude };
    case 'contacts':
      return { contacts: [{ name: { formatted: message.contacts[0]?.name.formatted } }] };
    case 'interactive':
      return { interactive: { kind: message.interactive.kind, body: message.interactive.body } };
    case 'template':
      return { template: { language: message.template.language, body: message.template.body } };
    case 'reaction':
      return { messageId: message.messageId, emoji: message.emoji };
    default:
      return {};
  }
}

async function resolveMedia(source: MediaSource, emulator: Emulator): Promise<Uint8Array> {
  if ('data' in source) return source.data;
  if ('id' in source) return emulator.media(source.id)?.data ?? new Uint8Array();
  const response = await fetch(source.url);
  return new Uint8Array(await response.arrayBuffer());
}

export async function firstMediaSource(provider: Provider, emulator: Emulator, media: MediaServer) {
  const kind = (['url', 'data', 'id'] as const).find((k) => provider.capabilities.mediaSources.includes(k)) ?? 'url';
  const ids = new Map<string, string>();
  for (const type of Object.keys(MEDIA) as (keyof typeof MEDIA)[]) if (kind === 'id') ids.set(type, emulator.addMedia({ ...MEDIA[type] }));
  return (type: keyof typeof MEDIA): MediaSource => (kind === 'id' ? { id: ids.get(type) as string } : mediaSource(kind, media, type));
}

export function mediaSource(kind: 'url' | 'id' | 'data', media: MediaServer, type: keyof typeof MEDIA = 'image'): MediaSource {
  if (kind === 'url') return { url: media.url(type) };
  if (kind === 'data') return { ...MEDIA[type] };
  return { id: 'replaced-by-caller' };
}

/** Asserts that no secret appears in an error's message, stack, JSON or inspection. */
export function expectNoSecret(error: unknown, secrets: readonly string[]): void {
  expect(isWamuxError(error)).toBe(true);
  const views = [String((error as Error).message), String((error as Error).stack), JSON.stringify(error), inspect(error, { depth: 20, showHidden: true })];
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const view of views) expect(view).not.toContain(secret);
  }
}
