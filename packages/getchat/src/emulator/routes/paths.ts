import type { EmulatorRoute } from '@wamux/emulator';

/**
 * The routes the emulator serves, as get.chat answers them: operation name →
 * method and path (`{param}` placeholders). The emulator's own copy, not the
 * adapter's path table (src/client/paths.ts): an emulator built from the
 * client's table would agree with it even where both are wrong.
 */
export const emulatedPaths = {
  // Authorization
  createAuthToken: { method: 'POST', path: '/auth/token/' },
  convertRefreshToken: { method: 'POST', path: '/auth/convert_refresh_token/' },
  retrieveRefreshToken: { method: 'GET', path: '/users/{id}/refresh_token/' },
  convertIdToken: { method: 'POST', path: '/auth/convert_id_token/' },

  // WhatsApp Accounts
  listWhatsAppAccounts: { method: 'GET', path: '/whatsapp_accounts/' },

  // Messages
  listMessages: { method: 'GET', path: '/messages/' },
  createMessage: { method: 'POST', path: '/messages/' },
  retrieveMessage: { method: 'GET', path: '/messages/{id}/' },
  createReceivedMessageMark: { method: 'POST', path: '/mark_as_received/' },

  // Media Files
  createMediaFile: { method: 'POST', path: '/media/' },
  retrieveMediaFile: { method: 'GET', path: '/media/{id}' },

  // Persons
  listPeople: { method: 'GET', path: '/persons/' },
  retrievePerson: { method: 'GET', path: '/persons/{wa_id}/' },

  // Contacts
  listContacts: { method: 'GET', path: '/contacts/' },
  resolveContact: { method: 'GET', path: '/contacts/{wa_id}/' },
  verifyContacts: { method: 'POST', path: '/contacts/verify/' },
  listBlockedContacts: { method: 'GET', path: '/contacts/blocked/' },
  blockContact: { method: 'POST', path: '/contacts/block/' },
  reportContact: { method: 'POST', path: '/contacts/report/' },
  unblockContact: { method: 'POST', path: '/contacts/unblock/' },

  // Chats
  listChats: { method: 'GET', path: '/chats/' },
  retrieveChat: { method: 'GET', path: '/chats/{wa_id}/' },
  resolveChat: { method: 'PATCH', path: '/chats/{wa_id}/resolve' },
  createChatImport: { method: 'POST', path: '/chat_import/' },

  // Tags, taggings and their events
  listTags: { method: 'GET', path: '/tags/' },
  createTag: { method: 'POST', path: '/tags/' },
  destroyTag: { method: 'DELETE', path: '/tags/{id}/' },
  createChatTagging: { method: 'POST', path: '/chat_tagging/' },
  retrieveChatTagging: { method: 'GET', path: '/chat_tagging/{id}/' },
  destroyChatTagging: { method: 'DELETE', path: '/chat_tagging/{id}/' },
  listChatTaggingEvents: { method: 'GET', path: '/chat_tagging_events/' },
  createMessageTagging: { method: 'POST', path: '/message_tagging/' },
  retrieveMessageTagging: { method: 'GET', path: '/message_tagging/{id}/' },
  destroyMessageTagging: { method: 'DELETE', path: '/message_tagging/{id}/' },
  listMessageTaggingEvents: { method: 'GET', path: '/message_tagging_events/' },

  // Assignment
  retrieveChatAssignment: { method: 'GET', path: '/chat_assignment/{wa_id}/' },
  updateChatAssignment: { method: 'PUT', path: '/chat_assignment/{wa_id}/' },
  partialUpdateChatAssignment: { method: 'PATCH', path: '/chat_assignment/{wa_id}/' },
  listChatAssignmentEvents: { method: 'GET', path: '/chat_assignment_events/' },

  // Saved Responses
  listSavedResponses: { method: 'GET', path: '/saved_responses/' },
  createSavedResponse: { method: 'POST', path: '/saved_responses/' },
  deleteSavedResponse: { method: 'DELETE', path: '/saved_responses/{id}/' },

  // Templates
  listTemplates: { method: 'GET', path: '/templates/' },
  createTemplate: { method: 'POST', path: '/templates/' },
  destroyTemplate: { method: 'DELETE', path: '/templates/{name}/' },
  checkTemplateRefreshStatus: { method: 'GET', path: '/templates/refresh/status/' },
  issueTemplateRefreshRequest: { method: 'POST', path: '/templates/refresh/issue/' },

  // Business Profile settings
  retrieveBusinessProfileSettings: { method: 'GET', path: '/settings/business/profile/' },
  partialUpdateBusinessProfileSettings: { method: 'PATCH', path: '/settings/business/profile/' },
  retrieveProfileAbout: { method: 'GET', path: '/settings/profile/about/' },
  updateProfileAbout: { method: 'PATCH', path: '/settings/profile/about/' },
  retrieveProfilePhoto: { method: 'GET', path: '/settings/profile/photo/' },
  updateProfilePhoto: { method: 'POST', path: '/settings/profile/photo/' },
  deleteProfilePhoto: { method: 'DELETE', path: '/settings/profile/photo/' },
  issueSettingsRefreshRequest: { method: 'POST', path: '/settings/refresh/issue/' },
  checkSettingsRefreshStatus: { method: 'GET', path: '/settings/refresh/status/' },

  // Users
  retrieveCurrentUser: { method: 'GET', path: '/users/current/' },
  listUsers: { method: 'GET', path: '/users/' },
  createNewUser: { method: 'POST', path: '/users/' },
  retrieveUser: { method: 'GET', path: '/users/{id}/' },
  updateUser: { method: 'PUT', path: '/users/{id}/' },
  partialUpdateUser: { method: 'PATCH', path: '/users/{id}/' },
  changeMyPassword: { method: 'PUT', path: '/users/password/change/' },
  changeUserPassword: { method: 'PUT', path: '/users/{id}/password/change/' },

  // Groups
  listGroups: { method: 'GET', path: '/groups/' },
  retrieveGroup: { method: 'GET', path: '/groups/{id}/' },

  // E-mail Notifications
  resendActivationEmailNotification: { method: 'POST', path: '/notifications/email/resend_activation/' },

  // WABA Webhooks
  listWabaWebhooks: { method: 'GET', path: '/webhooks/waba/' },
  createWabaWebhook: { method: 'POST', path: '/webhooks/waba/' },
  retrieveWabaWebhook: { method: 'GET', path: '/webhooks/waba/{id}/' },
  updateWabaWebhook: { method: 'PUT', path: '/webhooks/waba/{id}/' },
  deleteWabaWebhook: { method: 'DELETE', path: '/webhooks/waba/{id}/' },
  testWabaWebhook: { method: 'POST', path: '/webhooks/waba/{id}/test/' },

  // Status
  listHealthStatuses: { method: 'GET', path: '/status/health/' },

  // Errors
  listWabaErrors: { method: 'GET', path: '/errors/waba/' },
  retrieveWabaError: { method: 'GET', path: '/errors/waba/{id}/' },

  // Firebase CM device tokens
  listFcmDeviceTokens: { method: 'GET', path: '/fcm_device_tokens/' },
  registerFcmDeviceToken: { method: 'POST', path: '/fcm_device_tokens/' },
  updateFcmDeviceToken: { method: 'PUT', path: '/fcm_device_tokens/{id}/' },
  deregisterFcmDeviceToken: { method: 'DELETE', path: '/fcm_device_tokens/{id}/' },
} as const satisfies Record<string, { method: EmulatorRoute['method']; path: string }>;

/** An operation the emulator serves. */
export type EmulatedOperation = keyof typeof emulatedPaths;
