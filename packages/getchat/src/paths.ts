import * as v from 'valibot';
import type { HttpMethod } from '@wamux/core';

/**
 * How sure we are of an operation's URL path. The get.chat document (a Redoc
 * render) lost most paths, so each one records where it comes from:
 * - `confirmed`: used by get.chat's own open-source web inbox (get-chat/web-app,
 *   src/api), 360dialog's inbox docs, or a known third-party client;
 * - `documented`: printed in the get.chat document itself;
 * - `inferred`: no public source; follows the API's REST naming. Users can
 *   override these (and any other) through the `paths` option.
 */
export type PathStatus = 'confirmed' | 'documented' | 'inferred';

/** One operation of the get.chat Integration API: its method, path template and provenance. */
export interface OperationPath {
  readonly method: HttpMethod;
  /**
   * Path below the API base (`https://{stack}.inbox.getchat.360dialog.io/api/v1`),
   * with `{param}` placeholders.
   */
  readonly path: string;
  readonly status: PathStatus;
  /** The document marks the operation as deprecated. */
  readonly deprecated?: boolean;
  /** Not in the get.chat document (only in get.chat's web inbox). */
  readonly undocumented?: boolean;
}

/**
 * Every operation of the get.chat Integration API 1.4.10, keyed by the
 * document's operation name, from ../shared/seeds/getchat-paths.md.
 * Paths end with a slash unless get.chat's own client omits it.
 */
export const getchatPaths = {
  // Authorization
  createAuthToken: { method: 'POST', path: '/auth/token/', status: 'confirmed' },
  convertRefreshToken: { method: 'POST', path: '/auth/convert_refresh_token/', status: 'confirmed' },
  convertIdToken: { method: 'POST', path: '/auth/convert_id_token/', status: 'confirmed', deprecated: true },
  retrieveRefreshToken: { method: 'GET', path: '/users/{id}/refresh_token/', status: 'inferred' },

  // WhatsApp Accounts
  listWhatsAppAccounts: { method: 'GET', path: '/whatsapp_accounts/', status: 'confirmed' },

  // Messages
  listMessages: { method: 'GET', path: '/messages/', status: 'confirmed' },
  createMessage: { method: 'POST', path: '/messages/', status: 'confirmed' },
  retrieveMessage: { method: 'GET', path: '/messages/{id}/', status: 'inferred' },
  createReceivedMessageMark: { method: 'POST', path: '/mark_as_received/', status: 'confirmed' },

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
  listTemplates: { method: 'GET', path: '/templates/', status: 'confirmed' },
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

  // Media Files
  createMediaFile: { method: 'POST', path: '/media/', status: 'confirmed' },
  retrieveMediaFile: { method: 'GET', path: '/media/{id}', status: 'confirmed' },

  // Users
  listUsers: { method: 'GET', path: '/users/', status: 'confirmed' },
  createNewUser: { method: 'POST', path: '/users/', status: 'inferred' },
  retrieveCurrentUser: { method: 'GET', path: '/users/current/', status: 'confirmed' },
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

/** The name of a get.chat operation, as the document spells it (`retrieveChat`, `createAuthToken`...). */
export type GetchatOperationName = keyof typeof getchatPaths;

/** The table type {@link resolvePath} reads: operation name → method, path and provenance. */
export type GetchatPathTable = Readonly<Record<GetchatOperationName, OperationPath>>;

/**
 * Per-operation path overrides (option `paths`), e.g.
 * `{ blockContact: '/contacts/{wa_id}/block/' }`. A path is below the API
 * base, starts with `/`, and may use the same `{param}` placeholders as the
 * default path of that operation.
 */
export type GetchatPathOverrides = Partial<Record<GetchatOperationName, string>>;

const operationNames = Object.keys(getchatPaths) as GetchatOperationName[];

/** Whether `name` is an operation of the table. */
export function isGetchatOperation(name: string): name is GetchatOperationName {
  return Object.prototype.hasOwnProperty.call(getchatPaths, name);
}

/**
 * The valibot schema of the `paths` option: known operation names only (a
 * typo would otherwise silently keep the default), each a path starting with
 * `/`, without a query string or host.
 */
export const GetchatPathOverridesSchema = v.pipe(
  v.record(
    v.picklist(operationNames, 'must be a get.chat operation name such as retrieveChat'),
    v.pipe(
      v.string('must be a path string'),
      v.regex(/^\/[^?#\s]*$/, 'must be a path below the API base starting with "/", without query string'),
    ),
  ),
) satisfies v.GenericSchema<unknown, GetchatPathOverrides>;

/**
 * The path of `operation`: the override when there is one, else the table's
 * path, with every `{param}` replaced by the URI-encoded value from `params`.
 *
 * Throws when a placeholder has no value: that is a programming error of the
 * caller, not bad user input, and must not silently produce `/chats/{wa_id}/`.
 */
export function resolvePath(
  table: GetchatPathTable,
  overrides: GetchatPathOverrides | undefined,
  operation: GetchatOperationName,
  params: Record<string, string | number> = {},
): string {
  const template = overrides?.[operation] ?? table[operation].path;
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`get.chat operation ${operation}: no value for path parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
}
