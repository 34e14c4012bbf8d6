import { pathOverridesSchema, providerPaths, type GetchatOperationName, type OperationPath } from '../paths';

/**
 * The operations of the get.chat Integration API 1.4.10 that only the
 * operation groups call, keyed by the document's operation name, from
 * ../shared/seeds/getchat-paths.md (the provider's own are in ../paths.ts).
 * Paths end with a slash unless get.chat's own client omits it.
 */
export const operationPaths = {
  // Authorization
  convertIdToken: { method: 'POST', path: '/auth/convert_id_token/', status: 'confirmed', deprecated: true },

  // WhatsApp Accounts
  listWhatsAppAccounts: { method: 'GET', path: '/whatsapp_accounts/', status: 'confirmed' },

  // Persons
  listPeople: { method: 'GET', path: '/persons/', status: 'confirmed' },
  retrievePerson: { method: 'GET', path: '/persons/{wa_id}/', status: 'confirmed' },

  // Contacts
  listContacts: { method: 'GET', path: '/contacts/', status: 'confirmed' },
  resolveContact: { method: 'GET', path: '/contacts/{wa_id}/', status: 'confirmed' },
  verifyContacts: { method: 'POST', path: '/contacts/verify/', status: 'confirmed', deprecated: true },
  listBlockedContacts: { method: 'GET', path: '/contacts/blocked/', status: 'inferred' },
  blockContact: { method: 'POST', path: '/contacts/block/', status: 'inferred' },
  reportContact: { method: 'POST', path: '/contacts/report/', status: 'inferred' },
  unblockContact: { method: 'POST', path: '/contacts/unblock/', status: 'inferred' },

  // Chats
  listChats: { method: 'GET', path: '/chats/', status: 'confirmed' },
  retrieveChat: { method: 'GET', path: '/chats/{wa_id}/', status: 'confirmed' },
  resolveChat: { method: 'PATCH', path: '/chats/{wa_id}/resolve', status: 'confirmed', undocumented: true },
  createChatImport: { method: 'POST', path: '/chat_import/', status: 'confirmed' },

  // Tags, taggings and their events
  listTags: { method: 'GET', path: '/tags/', status: 'confirmed' },
  createTag: { method: 'POST', path: '/tags/', status: 'inferred' },
  destroyTag: { method: 'DELETE', path: '/tags/{id}/', status: 'inferred' },
  createChatTagging: { method: 'POST', path: '/chat_tagging/', status: 'confirmed' },
  retrieveChatTagging: { method: 'GET', path: '/chat_tagging/{id}/', status: 'inferred' },
  destroyChatTagging: { method: 'DELETE', path: '/chat_tagging/{id}/', status: 'confirmed' },
  listChatTaggingEvents: { method: 'GET', path: '/chat_tagging_events/', status: 'confirmed' },
  createMessageTagging: { method: 'POST', path: '/message_tagging/', status: 'inferred' },
  retrieveMessageTagging: { method: 'GET', path: '/message_tagging/{id}/', status: 'inferred' },
  destroyMessageTagging: { method: 'DELETE', path: '/message_tagging/{id}/', status: 'inferred' },
  listMessageTaggingEvents: { method: 'GET', path: '/message_tagging_events/', status: 'inferred' },

  // Assignment
  retrieveChatAssignment: { method: 'GET', path: '/chat_assignment/{wa_id}/', status: 'confirmed' },
  updateChatAssignment: { method: 'PUT', path: '/chat_assignment/{wa_id}/', status: 'confirmed' },
  partialUpdateChatAssignment: { method: 'PATCH', path: '/chat_assignment/{wa_id}/', status: 'confirmed' },
  listChatAssignmentEvents: { method: 'GET', path: '/chat_assignment_events/', status: 'confirmed' },

  // Saved Responses
  listSavedResponses: { method: 'GET', path: '/saved_responses/', status: 'confirmed' },
  createSavedResponse: { method: 'POST', path: '/saved_responses/', status: 'confirmed' },
  deleteSavedResponse: { method: 'DELETE', path: '/saved_responses/{id}/', status: 'confirmed' },

  // Templates
  createTemplate: { method: 'POST', path: '/templates/', status: 'confirmed' },
  destroyTemplate: { method: 'DELETE', path: '/templates/{name}/', status: 'inferred' },
  checkTemplateRefreshStatus: { method: 'GET', path: '/templates/refresh/status/', status: 'confirmed' },
  issueTemplateRefreshRequest: { method: 'POST', path: '/templates/refresh/issue/', status: 'confirmed' },

  // Business Profile settings
  retrieveBusinessProfileSettings: { method: 'GET', path: '/settings/business/profile/', status: 'confirmed' },
  partialUpdateBusinessProfileSettings: { method: 'PATCH', path: '/settings/business/profile/', status: 'confirmed' },
  retrieveProfileAbout: { method: 'GET', path: '/settings/profile/about/', status: 'confirmed' },
  updateProfileAbout: { method: 'PATCH', path: '/settings/profile/about/', status: 'confirmed' },
  retrieveProfilePhoto: { method: 'GET', path: '/settings/profile/photo/', status: 'confirmed' },
  updateProfilePhoto: { method: 'POST', path: '/settings/profile/photo/', status: 'confirmed' },
  deleteProfilePhoto: { method: 'DELETE', path: '/settings/profile/photo/', status: 'confirmed' },
  issueSettingsRefreshRequest: { method: 'POST', path: '/settings/refresh/issue/', status: 'confirmed' },
  checkSettingsRefreshStatus: { method: 'GET', path: '/settings/refresh/status/', status: 'confirmed' },

  // Users
  listUsers: { method: 'GET', path: '/users/', status: 'confirmed' },
  createNewUser: { method: 'POST', path: '/users/', status: 'inferred' },
  retrieveUser: { method: 'GET', path: '/users/{id}/', status: 'inferred' },
  updateUser: { method: 'PUT', path: '/users/{id}/', status: 'inferred' },
  partialUpdateUser: { method: 'PATCH', path: '/users/{id}/', status: 'inferred' },
  changeMyPassword: { method: 'PUT', path: '/users/password/change/', status: 'confirmed' },
  changeUserPassword: { method: 'PUT', path: '/users/{id}/password/change/', status: 'documented' },

  // Groups
  listGroups: { method: 'GET', path: '/groups/', status: 'confirmed' },
  retrieveGroup: { method: 'GET', path: '/groups/{id}/', status: 'inferred' },

  // E-mail Notifications
  resendActivationEmailNotification: { method: 'POST', path: '/notifications/email/resend_activation/', status: 'inferred' },

  // WABA Webhooks
  listWabaWebhooks: { method: 'GET', path: '/webhooks/waba/', status: 'confirmed' },
  createWabaWebhook: { method: 'POST', path: '/webhooks/waba/', status: 'confirmed' },
  retrieveWabaWebhook: { method: 'GET', path: '/webhooks/waba/{id}/', status: 'inferred' },
  updateWabaWebhook: { method: 'PUT', path: '/webhooks/waba/{id}/', status: 'inferred' },
  deleteWabaWebhook: { method: 'DELETE', path: '/webhooks/waba/{id}/', status: 'inferred' },
  testWabaWebhook: { method: 'POST', path: '/webhooks/waba/{id}/test/', status: 'inferred' },

  // Status
  listHealthStatuses: { method: 'GET', path: '/status/health/', status: 'confirmed' },

  // Errors
  listWabaErrors: { method: 'GET', path: '/errors/waba/', status: 'confirmed' },
  retrieveWabaError: { method: 'GET', path: '/errors/waba/{id}/', status: 'inferred' },

  // Firebase CM device tokens
  listFcmDeviceTokens: { method: 'GET', path: '/fcm_device_tokens/', status: 'inferred' },
  registerFcmDeviceToken: { method: 'POST', path: '/fcm_device_tokens/', status: 'inferred' },
  updateFcmDeviceToken: { method: 'PUT', path: '/fcm_device_tokens/{id}/', status: 'inferred' },
  deregisterFcmDeviceToken: { method: 'DELETE', path: '/fcm_device_tokens/{id}/', status: 'inferred' },
} as const satisfies Record<string, OperationPath>;

/** An operation only the operation groups call; `getchatOperations(provider, { paths })` overrides these. */
export type GetchatGroupOperationName = keyof typeof operationPaths;

/** Every operation of the document: method, path template and where the path comes from. */
export const getchatPaths = { ...providerPaths, ...operationPaths } satisfies Record<GetchatOperationName, OperationPath>;

/**
 * Path overrides of `getchatOperations(provider, { paths })`, e.g.
 * `{ blockContact: '/contacts/{wa_id}/block/' }`: the operations only the
 * groups call. A path is below the API base, starts with `/`, and may use
 * the same `{param}` placeholders as the default path of that operation.
 */
export type GetchatGroupPathOverrides = Partial<Record<GetchatGroupOperationName, string>>;

/** The schema of `getchatOperations`' `paths` option. */
export const GetchatGroupPathOverridesSchema = pathOverridesSchema(
  operationPaths,
  'must be a get.chat operation name such as blockContact (the provider\'s own operations take their paths in createGetchatProvider)',
);
