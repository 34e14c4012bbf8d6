import { ConfigurationError, type HttpMethod } from '@wamux/core/adapter';
import { GETCHAT } from '../options';

/**
 * How sure we are of an operation's URL path. The get.chat document (a Redoc
 * render) lost most paths, so each one records where it comes from:
 * - `confirmed`: used by get.chat's own open-source web inbox (get-chat/web-app,
 *   src/api), 360dialog's inbox docs, or a known third-party client;
 * - `documented`: printed in the get.chat document itself;
 * - `inferred`: no public source; follows the API's REST naming. These
 *   operations are `experimental`; users can override their paths (and any
 *   other) through the `paths` option.
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
  /** The path is inferred (`status: 'inferred'`): the operation may not work on a real inbox until its path is confirmed or overridden. */
  readonly experimental?: true;
  /** The document marks the operation as deprecated. */
  readonly deprecated?: boolean;
  /** Not in the get.chat document (only in get.chat's web inbox). */
  readonly undocumented?: boolean;
}

/**
 * The one path table: every operation of the get.chat Integration API
 * 1.4.10 the adapter calls (the driver and the operation groups alike),
 * keyed by the document's operation name, grouped by the document's
 * sections, from the seed document getchat-paths.md (/work/shared/seeds). Paths end with a slash
 * unless get.chat's own client omits it.
 */
export const getchatPaths = {
  // Authorization
  createAuthToken: { method: 'POST', path: '/auth/token/', status: 'confirmed' },
  convertRefreshToken: { method: 'POST', path: '/auth/convert_refresh_token/', status: 'confirmed' },
  retrieveRefreshToken: { method: 'GET', path: '/users/{id}/refresh_token/', status: 'inferred', experimental: true },
  convertIdToken: { method: 'POST', path: '/auth/convert_id_token/', status: 'confirmed', deprecated: true },

  // WhatsApp Accounts
  listWhatsAppAccounts: { method: 'GET', path: '/whatsapp_accounts/', status: 'confirmed' },

  // Messages
  listMessages: { method: 'GET', path: '/messages/', status: 'confirmed' },
  createMessage: { method: 'POST', path: '/messages/', status: 'confirmed' },
  retrieveMessage: { method: 'GET', path: '/messages/{id}/', status: 'inferred', experimental: true },
  createReceivedMessageMark: { method: 'POST', path: '/mark_as_received/', status: 'confirmed' },

  // Media Files
  createMediaFile: { method: 'POST', path: '/media/', status: 'confirmed' },
  retrieveMediaFile: { method: 'GET', path: '/media/{id}', status: 'confirmed' },

  // Persons
  listPeople: { method: 'GET', path: '/persons/', status: 'confirmed' },
  retrievePerson: { method: 'GET', path: '/persons/{wa_id}/', status: 'confirmed' },

  // Contacts
  listContacts: { method: 'GET', path: '/contacts/', status: 'confirmed' },
  resolveContact: { method: 'GET', path: '/contacts/{wa_id}/', status: 'confirmed' },
  verifyContacts: { method: 'POST', path: '/contacts/verify/', status: 'confirmed', deprecated: true },
  listBlockedContacts: { method: 'GET', path: '/contacts/blocked/', status: 'inferred', experimental: true },
  blockContact: { method: 'POST', path: '/contacts/block/', status: 'inferred', experimental: true },
  reportContact: { method: 'POST', path: '/contacts/report/', status: 'inferred', experimental: true },
  unblockContact: { method: 'POST', path: '/contacts/unblock/', status: 'inferred', experimental: true },

  // Chats
  listChats: { method: 'GET', path: '/chats/', status: 'confirmed' },
  retrieveChat: { method: 'GET', path: '/chats/{wa_id}/', status: 'confirmed' },
  resolveChat: { method: 'PATCH', path: '/chats/{wa_id}/resolve', status: 'confirmed', undocumented: true },
  createChatImport: { method: 'POST', path: '/chat_import/', status: 'confirmed' },

  // Tags, taggings and their events
  listTags: { method: 'GET', path: '/tags/', status: 'confirmed' },
  createTag: { method: 'POST', path: '/tags/', status: 'inferred', experimental: true },
  destroyTag: { method: 'DELETE', path: '/tags/{id}/', status: 'inferred', experimental: true },
  createChatTagging: { method: 'POST', path: '/chat_tagging/', status: 'confirmed' },
  retrieveChatTagging: { method: 'GET', path: '/chat_tagging/{id}/', status: 'inferred', experimental: true },
  destroyChatTagging: { method: 'DELETE', path: '/chat_tagging/{id}/', status: 'confirmed' },
  listChatTaggingEvents: { method: 'GET', path: '/chat_tagging_events/', status: 'confirmed' },
  createMessageTagging: { method: 'POST', path: '/message_tagging/', status: 'inferred', experimental: true },
  retrieveMessageTagging: { method: 'GET', path: '/message_tagging/{id}/', status: 'inferred', experimental: true },
  destroyMessageTagging: { method: 'DELETE', path: '/message_tagging/{id}/', status: 'inferred', experimental: true },
  listMessageTaggingEvents: { method: 'GET', path: '/message_tagging_events/', status: 'inferred', experimental: true },

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
  destroyTemplate: { method: 'DELETE', path: '/templates/{name}/', status: 'inferred', experimental: true },
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
  retrieveCurrentUser: { method: 'GET', path: '/users/current/', status: 'confirmed' },
  listUsers: { method: 'GET', path: '/users/', status: 'confirmed' },
  createNewUser: { method: 'POST', path: '/users/', status: 'inferred', experimental: true },
  retrieveUser: { method: 'GET', path: '/users/{id}/', status: 'inferred', experimental: true },
  updateUser: { method: 'PUT', path: '/users/{id}/', status: 'inferred', experimental: true },
  partialUpdateUser: { method: 'PATCH', path: '/users/{id}/', status: 'inferred', experimental: true },
  changeMyPassword: { method: 'PUT', path: '/users/password/change/', status: 'confirmed' },
  changeUserPassword: { method: 'PUT', path: '/users/{id}/password/change/', status: 'documented' },

  // Groups
  listGroups: { method: 'GET', path: '/groups/', status: 'confirmed' },
  retrieveGroup: { method: 'GET', path: '/groups/{id}/', status: 'inferred', experimental: true },

  // E-mail Notifications
  resendActivationEmailNotification: { method: 'POST', path: '/notifications/email/resend_activation/', status: 'inferred', experimental: true },

  // WABA Webhooks
  listWabaWebhooks: { method: 'GET', path: '/webhooks/waba/', status: 'confirmed' },
  createWabaWebhook: { method: 'POST', path: '/webhooks/waba/', status: 'confirmed' },
  retrieveWabaWebhook: { method: 'GET', path: '/webhooks/waba/{id}/', status: 'inferred', experimental: true },
  updateWabaWebhook: { method: 'PUT', path: '/webhooks/waba/{id}/', status: 'inferred', experimental: true },
  deleteWabaWebhook: { method: 'DELETE', path: '/webhooks/waba/{id}/', status: 'inferred', experimental: true },
  testWabaWebhook: { method: 'POST', path: '/webhooks/waba/{id}/test/', status: 'inferred', experimental: true },

  // Status
  listHealthStatuses: { method: 'GET', path: '/status/health/', status: 'confirmed' },

  // Errors
  listWabaErrors: { method: 'GET', path: '/errors/waba/', status: 'confirmed' },
  retrieveWabaError: { method: 'GET', path: '/errors/waba/{id}/', status: 'inferred', experimental: true },

  // Firebase CM device tokens
  listFcmDeviceTokens: { method: 'GET', path: '/fcm_device_tokens/', status: 'inferred', experimental: true },
  registerFcmDeviceToken: { method: 'POST', path: '/fcm_device_tokens/', status: 'inferred', experimental: true },
  updateFcmDeviceToken: { method: 'PUT', path: '/fcm_device_tokens/{id}/', status: 'inferred', experimental: true },
  deregisterFcmDeviceToken: { method: 'DELETE', path: '/fcm_device_tokens/{id}/', status: 'inferred', experimental: true },
} as const satisfies Record<string, OperationPath>;

type PathTable = typeof getchatPaths;

/** The name of a get.chat operation, as the document spells it (`retrieveChat`, `createAuthToken`...). */
export type GetchatOperationName = keyof PathTable;

/**
 * The operations whose path is inferred (no public source): marked
 * `experimental` in the table and `@experimental` on their methods. Override
 * a path that turns out wrong with the `paths` option.
 */
export type GetchatExperimentalOperationName = { [K in GetchatOperationName]: PathTable[K] extends { experimental: true } ? K : never }[GetchatOperationName];

/** The experimental operations' names, in table order (the docs page lists them). */
export const GETCHAT_EXPERIMENTAL_OPERATIONS = (Object.keys(getchatPaths) as GetchatOperationName[]).filter(
  (name) => (getchatPaths[name] as OperationPath).experimental === true,
) as GetchatExperimentalOperationName[];

/**
 * Per-operation path overrides (the `paths` option of
 * `createGetchatProvider`), e.g. `{ blockContact: '/contacts/{wa_id}/block/' }`.
 * A path is below the API base, starts with `/`, and may use the same
 * `{param}` placeholders as the default path of that operation.
 */
export type GetchatPathOverrides = Partial<Record<GetchatOperationName, string>>;

/**
 * Checks the operation names of a `paths` option (options.ts has checked
 * each path's shape): a typo would otherwise silently keep the default.
 * Throws `ConfigurationError` naming `paths.<name>`.
 */
export function checkPathOverrides(paths: Readonly<Record<string, string>> | undefined): GetchatPathOverrides {
  for (const name of Object.keys(paths ?? {})) {
    if (!Object.hasOwn(getchatPaths, name)) {
      throw new ConfigurationError(`paths.${name}`, 'must be a get.chat operation name such as retrieveMessage or blockContact', { provider: GETCHAT });
    }
  }
  return (paths ?? {}) as GetchatPathOverrides;
}

/** The table's entry of `operation`. */
export function operationOf(operation: GetchatOperationName): OperationPath {
  return getchatPaths[operation];
}

/**
 * The path of `operation`: the override when there is one, else the table's
 * path, with every `{param}` replaced by the URI-encoded value from `params`.
 *
 * Throws when a placeholder has no value: that is a programming error of the
 * caller, not bad user input, and must not silently produce `/chats/{wa_id}/`.
 */
export function resolvePath(
  overrides: GetchatPathOverrides | undefined,
  operation: GetchatOperationName,
  params: Record<string, string | number> = {},
): string {
  const template = overrides?.[operation] ?? operationOf(operation).path;
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`get.chat operation ${operation}: no value for path parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
}
