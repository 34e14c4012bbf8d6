import type { ParseArgsOptionsConfig } from 'node:util';
import { TEMPLATE_OPTIONS, type TemplateFlags } from './template-flags';

/** The flags of `wamux send` that build the message. */
export const MESSAGE_OPTIONS = {
  to: { type: 'string' },
  'reply-to': { type: 'string' },
  text: { type: 'string' },
  'preview-url': { type: 'boolean' },
  image: { type: 'string' },
  video: { type: 'string' },
  audio: { type: 'string' },
  document: { type: 'string' },
  sticker: { type: 'string' },
  caption: { type: 'string' },
  filename: { type: 'string' },
  'mime-type': { type: 'string' },
  location: { type: 'string' },
  name: { type: 'string' },
  address: { type: 'string' },
  contact: { type: 'string', multiple: true },
  buttons: { type: 'string' },
  list: { type: 'string' },
  'location-request': { type: 'boolean' },
  body: { type: 'string' },
  header: { type: 'string' },
  footer: { type: 'string' },
  'button-text': { type: 'string' },
  'section-title': { type: 'string' },
  reaction: { type: 'string' },
  ...TEMPLATE_OPTIONS,
} as const satisfies ParseArgsOptionsConfig;

/** The values of {@link MESSAGE_OPTIONS}. */
export interface MessageFlags extends TemplateFlags {
  to?: string | undefined;
  'reply-to'?: string | undefined;
  text?: string | undefined;
  'preview-url'?: boolean | undefined;
  image?: string | undefined;
  video?: string | undefined;
  audio?: string | undefined;
  document?: string | undefined;
  sticker?: string | undefined;
  caption?: string | undefined;
  filename?: string | undefined;
  'mime-type'?: string | undefined;
  location?: string | undefined;
  name?: string | undefined;
  address?: string | undefined;
  contact?: string[] | undefined;
  buttons?: string | undefined;
  list?: string | undefined;
  'location-request'?: boolean | undefined;
  body?: string | undefined;
  header?: string | undefined;
  footer?: string | undefined;
  'button-text'?: string | undefined;
  'section-title'?: string | undefined;
  reaction?: string | undefined;
}

/** The flags that choose the message type; exactly one is given. */
export const KIND_FLAGS = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contact',
  'buttons',
  'list',
  'location-request',
  'template',
  'reaction',
] as const;

/** The message type a send asks for, by its flag. */
export type KindFlag = (typeof KIND_FLAGS)[number];
