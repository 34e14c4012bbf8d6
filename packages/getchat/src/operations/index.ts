import type { GetchatContext } from '../client';
import { createAccountsOperations, type GetchatAccountsOperations } from './accounts';
import { createAuthOperations, type GetchatAuthOperations } from './auth';
import { createChatAssignmentsOperations, type GetchatChatAssignmentsOperations } from './chat-assignments';
import { createChatTaggingsOperations, type GetchatChatTaggingsOperations } from './chat-taggings';
import { createChatsOperations, type GetchatChatsOperations } from './chats';
import { createContactsOperations, type GetchatContactsOperations } from './contacts';
import { createFcmDeviceTokensOperations, type GetchatFcmDeviceTokensOperations } from './fcm-device-tokens';
import { createGroupsOperations, type GetchatGroupsOperations } from './groups';
import { createHealthOperations, type GetchatHealthOperations } from './health';
import { createMediaOperations, type GetchatMediaOperations } from './media';
import { createMessageTaggingsOperations, type GetchatMessageTaggingsOperations } from './message-taggings';
import { createMessagesOperations, type GetchatMessagesOperations } from './messages';
import { createNotificationsOperations, type GetchatNotificationsOperations } from './notifications';
import { createPersonsOperations, type GetchatPersonsOperations } from './persons';
import { createSavedResponsesOperations, type GetchatSavedResponsesOperations } from './saved-responses';
import { createSettingsOperations, type GetchatSettingsOperations } from './settings';
import { createTagsOperations, type GetchatTagsOperations } from './tags';
import { createTemplatesOperations, type GetchatTemplatesOperations } from './templates';
import { createUsersOperations, type GetchatUsersOperations } from './users';
import { createWabaErrorsOperations, type GetchatWabaErrorsOperations } from './waba-errors';
import { createWebhooksOperations, type GetchatWebhooksOperations } from './webhooks';

/**
 * The typed get.chat operations, one namespace per section of the get.chat
 * document: properties of the provider (`getchat.chats.list()`). Operations
 * whose path is inferred are marked `@experimental` (see docs/getchat.md).
 */
export interface GetchatOperations {
  /** Authorization: tokens, refresh tokens. */
  auth: GetchatAuthOperations;
  /** WhatsApp Accounts. */
  accounts: GetchatAccountsOperations;
  /** Messages: create in WhatsApp's format, list, history, retrieve, mark as received. */
  messages: GetchatMessagesOperations;
  /** Media Files: upload and download. */
  media: GetchatMediaOperations;
  /** Persons: WhatsApp users who contacted the inbox. */
  persons: GetchatPersonsOperations;
  /** Contacts from Contact Providers, and WhatsApp's verify / block / report / unblock. */
  contacts: GetchatContactsOperations;
  /** Chats: list with every filter, retrieve, import, resolve. */
  chats: GetchatChatsOperations;
  /** Tags. */
  tags: GetchatTagsOperations;
  /** Chat taggings and their events. */
  chatTaggings: GetchatChatTaggingsOperations;
  /** Message taggings and their events. */
  messageTaggings: GetchatMessageTaggingsOperations;
  /** Chat assignment to users and groups, and its events. */
  chatAssignments: GetchatChatAssignmentsOperations;
  /** Saved responses. */
  savedResponses: GetchatSavedResponsesOperations;
  /** Message templates: list, create, delete, refresh. */
  templates: GetchatTemplatesOperations;
  /** Business profile, "about" text, profile photo, and their refresh. */
  settings: GetchatSettingsOperations;
  /** Inbox users: create and activate, read, update, passwords. */
  users: GetchatUsersOperations;
  /** Groups of inbox users. */
  groups: GetchatGroupsOperations;
  /** E-mail notifications. */
  notifications: GetchatNotificationsOperations;
  /** WABA webhooks: list, create, retrieve, update, delete, test. */
  webhooks: GetchatWebhooksOperations;
  /** Health statuses of the inbox and its plugins. */
  health: GetchatHealthOperations;
  /** Errors WhatsApp reported to the inbox. */
  wabaErrors: GetchatWabaErrorsOperations;
  /** Firebase Cloud Messaging device tokens. */
  fcmDeviceTokens: GetchatFcmDeviceTokensOperations;
}

/**
 * Builds every operation group on the provider's client: `ctx` is
 * authenticated; `publicCtx` sends no credentials, for the login endpoints
 * and for links that need none (a new user's activation URL).
 */
export function createOperations({ ctx, publicCtx }: { ctx: GetchatContext; publicCtx: GetchatContext }): GetchatOperations {
  return {
    auth: createAuthOperations(publicCtx, ctx),
    accounts: createAccountsOperations(ctx),
    messages: createMessagesOperations(ctx),
    media: createMediaOperations(ctx),
    persons: createPersonsOperations(ctx),
    contacts: createContactsOperations(ctx),
    chats: createChatsOperations(ctx),
    tags: createTagsOperations(ctx),
    chatTaggings: createChatTaggingsOperations(ctx),
    messageTaggings: createMessageTaggingsOperations(ctx),
    chatAssignments: createChatAssignmentsOperations(ctx),
    savedResponses: createSavedResponsesOperations(ctx),
    templates: createTemplatesOperations(ctx),
    settings: createSettingsOperations(ctx),
    users: createUsersOperations(ctx, publicCtx),
    groups: createGroupsOperations(ctx),
    notifications: createNotificationsOperations(ctx),
    webhooks: createWebhooksOperations(ctx),
    health: createHealthOperations(ctx),
    wabaErrors: createWabaErrorsOperations(ctx),
    fcmDeviceTokens: createFcmDeviceTokensOperations(ctx),
  };
}
