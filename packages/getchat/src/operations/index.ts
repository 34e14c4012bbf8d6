import type { GetchatContext } from '../context';
import { createChatAssignmentsOperations, type GetchatChatAssignmentsOperations } from './chat-assignments';
import { createChatTaggingsOperations, type GetchatChatTaggingsOperations } from './chat-taggings';
import { createChatsOperations, type GetchatChatsOperations } from './chats';
import { createContactsOperations, type GetchatContactsOperations } from './contacts';
import { createFcmDeviceTokensOperations, type GetchatFcmDeviceTokensOperations } from './fcm-device-tokens';
import { createGroupsOperations, type GetchatGroupsOperations } from './groups';
import { createHealthOperations, type GetchatHealthOperations } from './health';
import { createMessageTaggingsOperations, type GetchatMessageTaggingsOperations } from './message-taggings';
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
 * The get.chat operation groups beyond sending and receiving, one namespace
 * per section of the get.chat document. (`auth`, `accounts`, `messages` and
 * `media` live on the provider itself.)
 */
export interface GetchatOperationGroups {
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
 * Builds every operation group on one authenticated context. `publicCtx`
 * (optional) is a context without credentials, for links that need none
 * (a new user's activation URL).
 */
export function createGetchatOperations(ctx: GetchatContext, publicCtx: GetchatContext = ctx): GetchatOperationGroups {
  return {
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

export type { ListOptions } from './shared/list';
export type { RequestOptions } from './shared/input';
export type { GetchatEventFilters } from './shared/events';
export type { GetchatPersonsOperations, GetchatPersonFilters } from './persons';
export type { GetchatContactsOperations, GetchatContactFilters, GetchatBlockedContactFilters, GetchatVerifyContactsInput, GetchatReportContactInput } from './contacts';
export type { GetchatChatsOperations, GetchatChatFilters, GetchatChatImportInput } from './chats';
export type { GetchatTagsOperations, GetchatNewTagInput } from './tags';
export type { GetchatChatTaggingsOperations, GetchatNewChatTaggingInput } from './chat-taggings';
export type { GetchatMessageTaggingsOperations, GetchatNewMessageTaggingInput, GetchatMessageTaggingEventFilters } from './message-taggings';
export type { GetchatChatAssignmentsOperations, GetchatChatAssignmentInput } from './chat-assignments';
export type { GetchatSavedResponsesOperations, GetchatSavedResponseFilters } from './saved-responses';
export type { GetchatTemplatesOperations, GetchatNewTemplateInput, GetchatTemplateComponentInput, GetchatTemplateCategory } from './templates';
export { GETCHAT_TEMPLATE_CATEGORIES } from './templates';
export type { GetchatSettingsOperations, GetchatBusinessProfileInput, GetchatProfilePhotoInput } from './settings';
export { GETCHAT_BUSINESS_VERTICALS } from './settings';
export type { GetchatUsersOperations, GetchatNewUserInput, GetchatUserUpdateInput, GetchatUserPartialUpdateInput, GetchatUserPermissionsInput } from './users';
export type { GetchatGroupsOperations } from './groups';
export type { GetchatNotificationsOperations } from './notifications';
export type { GetchatWebhooksOperations, GetchatWabaWebhookInput } from './webhooks';
export type { GetchatHealthOperations } from './health';
export type { GetchatWabaErrorsOperations } from './waba-errors';
export type { GetchatFcmDeviceTokensOperations, GetchatFcmDeviceTokenFilters } from './fcm-device-tokens';
export type { GetchatPerson } from './schemas/persons';
export type { GetchatContact, GetchatContactPhoneNumber, GetchatResolvedContact, GetchatContactVerification, GetchatBlockedContact } from './schemas/contacts';
export type { GetchatChat, GetchatChatAssignment, GetchatChatAssignmentEvent } from './schemas/chats';
export type { GetchatTag, GetchatChatTagging, GetchatMessageTagging, GetchatChatTaggingEvent, GetchatMessageTaggingEvent, GetchatTaggingAction } from './schemas/tags';
export type { GetchatSavedResponse } from './schemas/saved-responses';
export type { GetchatVendorTemplate, GetchatRefreshStatus } from './schemas/templates';
export type { GetchatBusinessProfile, GetchatProfileAbout } from './schemas/settings';
export type { GetchatUser, GetchatCreatedUser, GetchatGroup, GetchatUserProfile, GetchatUserPermissions, GetchatUserRole, GetchatChatAccess } from './schemas/users';
export type { GetchatWabaWebhook } from './schemas/webhooks';
export type { GetchatHealthStatus, GetchatWabaError, GetchatFcmDeviceToken } from './schemas/status';
