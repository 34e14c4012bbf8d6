import type { PhoneNumber } from '@wamux/core/adapter';
import { idGenerator, type DeliveredMessage, type StoredMedia, type TemplateSeed } from '@wamux/emulator';
import { graphTemplateFromSeed, type EmulatedGraphTemplate } from './templates';

/** A read receipt a Cloud API emulator received. */
export interface ReadMark {
  messageId: string;
  typing: boolean;
  at: Date;
}

/** A Meta error to answer the next matching requests with (a vendor in front of Meta passes them through). */
export interface InjectedMetaError {
  /** The Cloud API error code (130429, 131056, 131047...). */
  code: number;
  /** The HTTP status. Default 400, as Graph answers most of them (401 for 190, 500 for 131000). */
  status?: number | undefined;
  /** How many requests. Default 1. */
  times?: number | undefined;
  /** Only requests whose path contains this text. Default: message sends (`/messages`). */
  path?: string | undefined;
}

/** What a Cloud API emulator remembers, whoever serves the API (Meta, 360dialog). */
export interface CloudEmulatorState {
  delivered: DeliveredMessage[];
  media: Map<string, StoredMedia>;
  /** Download tokens (`mid`) → the media and when the URL stops working. */
  mediaUrls: Map<string, { mediaId: string; expiresAt: number }>;
  templates: EmulatedGraphTemplate[];
  reads: ReadMark[];
  /** The recipient of each message sent, for status webhooks. */
  recipients: Map<string, PhoneNumber | string>;
  errors: Array<InjectedMetaError & { remaining: number }>;
  nextMessageId: () => string;
  nextToken: () => string;
  store(media: StoredMedia): string;
  seed(seeds: readonly TemplateSeed[]): void;
  /** The next injected error for `path`, consumed. */
  takeError(path: string): InjectedMetaError | undefined;
  clear(): void;
}

/** Creates a Cloud API emulator's state, with `templates` seeded. */
export function createCloudEmulatorState(templates: readonly TemplateSeed[]): CloudEmulatorState {
  const mediaIds = idGenerator('');
  const tokens = idGenerator('mid');
  const messages = idGenerator('');
  const state: CloudEmulatorState = {
    delivered: [],
    media: new Map(),
    mediaUrls: new Map(),
    templates: templates.map(graphTemplateFromSeed),
    reads: [],
    recipients: new Map(),
    errors: [],
    // Shaped like Meta's (vendors pass them through): `wamid.` and base64, numeric media ids.
    nextMessageId: () => `wamid.HBgLMTU1NTA3ODM4ODEVAgARGBI${Buffer.from(messages()).toString('base64url')}AA==`,
    nextToken: () => `${tokens()}${Math.random().toString(36).slice(2, 10)}`,
    store(media) {
      const id = `10${mediaIds().padStart(14, '0')}`;
      state.media.set(id, { ...media, data: new Uint8Array(media.data) });
      return id;
    },
    seed(seeds) {
      state.templates = seeds.map(graphTemplateFromSeed);
    },
    takeError(path) {
      const error = state.errors.find((candidate) => candidate.remaining > 0 && path.includes(candidate.path ?? '/messages'));
      if (error === undefined) return undefined;
      error.remaining -= 1;
      state.errors = state.errors.filter((candidate) => candidate.remaining > 0);
      return error;
    },
    clear() {
      state.delivered = [];
      state.media.clear();
      state.mediaUrls.clear();
      state.templates = [];
      state.reads = [];
      state.recipients.clear();
      state.errors = [];
    },
  };
  return state;
}
