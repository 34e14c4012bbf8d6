// Every type of the operation groups, exported type-only by the main entry.

export type { GetchatOperations } from './index';
export type { GetchatAuthOperations, GetchatLoginInput, GetchatConvertRefreshTokenInput } from './auth';
export type { GetchatAuthToken } from '../client/token-exchanges';
export type { GetchatRefreshToken } from '../client/refresh-token';
export type { GetchatAccountsOperations, GetchatWhatsAppAccount, GetchatListAccountsOptions } from './accounts';
export type {
  GetchatMessagesOperations,
  GetchatCreateMessageInput,
  GetchatListMessagesOptions,
  GetchatMessageFilters,
  GetchatMessageHistoryOptions,
} from './messages';
export type { GetchatMarkAsReceivedInput } from '../client/messages';
export type { GetchatMessageType } from './message-inputs';
export type { GetchatMediaOperations } from './media';
export type { GetchatMediaFile, GetchatDownloadOptions } from '../client/media';
export type { ListOptions } from '../client/list';
export type { RequestOptions } from '../map/input';
export type { GetchatEventFilters } from './shared/events';
export type { GetchatPersonsOperations, GetchatPersonFilters } from './persons';
export type {
  GetchatContactsOperations,
  GetchatContactFilters,
  GetchatBlockedContactFilters,
  GetchatVerifyContactsInput,
  GetchatReportContactInput,
} from './contacts';
export type { GetchatChatsOperations, GetchatChatFilters, GetchatChatImportInput } from './chats';
export type { GetchatTagsOperations, GetchatNewTagInput } from './tags';
export type { GetchatChatTaggingsOperations, GetchatNewChatTaggingInput } from './chat-taggings';
export type { GetchatMessageTaggingsOperations, GetchatNewMessageTaggingInput, GetchatMessageTaggingEventFilters } from './message-taggings';
export type { GetchatChatAssignmentsOperations, GetchatChatAssignmentInput } from './chat-assignments';
export type { GetchatSavedResponsesOperations, GetchatSavedResponseFilters } from './saved-responses';
export type { GetchatTemplatesOperations, GetchatNewTemplateInput, GetchatTemplateComponentInput, GetchatTemplateCategory } from './templates';
export type { GetchatSettingsOperations, GetchatBusinessProfileInput, GetchatProfilePhotoInput } from './settings';
export type { GetchatUsersOperations, GetchatNewUserInput, GetchatUserUpdateInput, GetchatUserPartialUpdateInput, GetchatUserPermissionsInput } from './users';
export type { GetchatGroupsOperations } from './groups';
export type { GetchatNotificationsOperations } from './notifications';
export type { GetchatWebhooksOperations, GetchatWabaWebhookInput } from './webhooks';
export type { GetchatHealthOperations } from './health';
export type { GetchatWabaErrorsOperations } from './waba-errors';
export type { GetchatFcmDeviceTokensOperations, GetchatFcmDeviceTokenFilters } from './fcm-device-tokens';
export type { GetchatPerson } from '../wire/persons';
export type { GetchatContact, GetchatContactPhoneNumber, GetchatResolvedContact, GetchatContactVerification, GetchatBlockedContact } from '../wire/contacts';
export type { GetchatChat } from '../wire/chat-object';
export type { GetchatChatAssignment, GetchatChatAssignmentEvent } from '../wire/chats';
export type { GetchatChatTagging, GetchatMessageTagging } from '../wire/taggings';
export type { GetchatTag, GetchatChatTaggingEvent, GetchatMessageTaggingEvent, GetchatTaggingAction } from '../wire/tags';
export type { GetchatSavedResponse } from '../wire/saved-responses';
export type { GetchatVendorTemplate, GetchatRefreshStatus } from '../wire/templates';
export type { GetchatBusinessProfile, GetchatProfileAbout } from '../wire/settings';
export type { GetchatCreatedUser } from '../wire/created-user';
export type { GetchatUser, GetchatGroup, GetchatUserProfile, GetchatUserPermissions, GetchatUserRole, GetchatChatAccess } from '../wire/users';
export type { GetchatWabaWebhook } from '../wire/webhooks';
export type { GetchatHealthStatus, GetchatWabaError, GetchatFcmDeviceToken } from '../wire/inbox-status';
