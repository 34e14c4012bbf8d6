import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { CreatedUserWire, type GetchatCreatedUser } from '../wire/created-user';
import { TokenWire, UserWire, type GetchatUser } from '../wire/users';
import { callOperation, callOperationIgnoringBody } from '../client/call';
import { IntIdInput, parseArgs, requestSignal, type RequestOptions } from '../map/input';
import { PlainListOptionsInput } from './shared/plain-list';
import { listOperation, type ListOptions } from '../client/list';
import { withBodySecrets } from '../client/scrub';

/** What a user may do, as an input. */
export interface GetchatUserPermissionsInput {
  canUseTags?: boolean | undefined;
  /** `group` hides chats not assigned to the user's groups (see the document's bot hand-over chapter). */
  canReadChats?: 'all' | 'group' | 'user' | 'none' | undefined;
  canWriteToChats?: 'all' | 'group' | 'user' | 'none' | undefined;
}

/** Fields of `users.create`. */
export interface GetchatNewUserInput {
  /**
   * Login name. The document's prose allows only letters and digits, but its
   * own bot example uses `"My Bot"`; the adapter follows the example and lets
   * get.chat decide.
   */
  username: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | undefined;
  /** `{ role: 'app' }` creates a bot / integration user whose activation returns a token. */
  profile?: { role?: 'admin' | 'user' | 'app' | undefined } | undefined;
}

/** Fields of `users.update` (PUT: `username`, `email` and `permissions` are required). */
export interface GetchatUserUpdateInput extends GetchatNewUserInput {
  email: string;
  /** Groups to put the user in (write-only). */
  groupIds?: number[] | undefined;
  permissions: GetchatUserPermissionsInput;
}

/** Fields of `users.partialUpdate` (PATCH): any subset. */
export type GetchatUserPartialUpdateInput = Partial<GetchatUserUpdateInput>;

const Username = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'), v.maxLength(150, 'must be at most 150 characters'));
const Name = v.pipe(v.string('must be a string'), v.maxLength(150, 'must be at most 150 characters'));
const Email = v.pipe(v.string('must be a string'), v.email('must be an e-mail address'));
const Access = v.picklist(['all', 'group', 'user', 'none'], 'must be one of all, group, user, none');
const Profile = v.strictObject({ role: v.optional(v.picklist(['admin', 'user', 'app'], 'must be admin, user or app')) });
const Permissions = v.strictObject({
  canUseTags: v.optional(v.boolean('must be a boolean')),
  canReadChats: v.optional(Access),
  canWriteToChats: v.optional(Access),
});

const NewUserInput = v.strictObject({
  username: Username,
  firstName: v.optional(Name),
  lastName: v.optional(Name),
  email: v.optional(Email),
  profile: v.optional(Profile),
});
const UserUpdateInput = v.strictObject({
  ...NewUserInput.entries,
  email: Email,
  groupIds: v.optional(v.array(IntIdInput)),
  permissions: Permissions,
});
const UserPartialUpdateInput = v.partial(UserUpdateInput);
const Password = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));
const ChangeMyPasswordInput = v.strictObject({ currentPassword: Password, newPassword: Password });
const ActivationUrlInput = v.pipe(v.string('must be a string'), v.url('must be an absolute URL'), v.regex(/^https?:\/\//i, 'must be an http(s) URL'));

/** The wire body of a user write: snake_case, without the fields the caller left out. */
function userBody(input: v.InferOutput<typeof UserPartialUpdateInput>): Record<string, unknown> {
  const permissions = input.permissions && {
    can_use_tags: input.permissions.canUseTags,
    can_read_chats: input.permissions.canReadChats,
    can_write_to_chats: input.permissions.canWriteToChats,
  };
  return {
    username: input.username,
    first_name: input.firstName,
    last_name: input.lastName,
    email: input.email,
    profile: input.profile,
    group_ids: input.groupIds,
    permissions,
  };
}

/** Inbox users: list, create and activate, read, update, and password changes. */
export interface GetchatUsersOperations {
  /** `listUsers`: every inbox user (`GET /users/`), page by page. */
  list(options?: ListOptions): AsyncGenerator<GetchatUser, void, undefined>;
  /**
   * `createNewUser` (`POST /users/`, admin only). The response carries the
   * one-time `activationUrl`: pass it to {@link activate}, or (for regular
   * users) set a password with {@link changePassword} first.
   * @experimental The path of `createNewUser` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  create(user: GetchatNewUserInput, options?: RequestOptions): Promise<GetchatCreatedUser>;
  /**
   * Calls the `activationUrl` returned by {@link create}: an HTTP GET to the
   * URL get.chat gave (a link, so sent without credentials when the provider
   * passes a credential-free context). For `app` users it
   * returns the user's auth token, usable at once as `{ token }`; get.chat
   * then invalidates the activation code. For other users it returns
   * `undefined` once the account is active.
   */
  activate(activationUrl: string, options?: RequestOptions): Promise<{ token: string } | undefined>;
  /** `retrieveCurrentUser` (`GET /users/current/`): the user these credentials authenticate as. */
  current(options?: RequestOptions): Promise<GetchatUser>;
  /**
   * `retrieveUser` (`GET /users/{id}/`, path inferred).
   * @experimental The path of `retrieveUser` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  retrieve(id: number, options?: RequestOptions): Promise<GetchatUser>;
  /**
   * `updateUser` (`PUT /users/{id}/`, path inferred): replaces the user.
   * Regular users may only change their own username, names and e-mail.
   * @experimental The path of `updateUser` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  update(id: number, user: GetchatUserUpdateInput, options?: RequestOptions): Promise<GetchatUser>;
  /**
   * `partialUpdateUser` (`PATCH /users/{id}/`, path inferred): changes only the fields given.
   * @experimental The path of `partialUpdateUser` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  partialUpdate(id: number, user: GetchatUserPartialUpdateInput, options?: RequestOptions): Promise<GetchatUser>;
  /** `changeMyPassword` (`PUT /users/password/change/`): the authenticated user's own password. */
  changeMyPassword(passwords: { currentPassword: string; newPassword: string }, options?: RequestOptions): Promise<void>;
  /** `changeUserPassword` (`PUT /users/{id}/password/change/`, admin only): sets another user's password. */
  changePassword(id: number, password: string, options?: RequestOptions): Promise<void>;
}

/**
 * Creates the `users` namespace. `publicCtx`, a context without credentials,
 * is used for the activation link so no credential travels to a URL the API
 * handed out; without it the authenticated context is used.
 */
export function createUsersOperations(ctx: GetchatContext, publicCtx: GetchatContext = ctx): GetchatUsersOperations {
  return {
    list(options) {
      return listOperation(ctx, 'listUsers', { item: UserWire, options: parseArgs(PlainListOptionsInput, options, 'options') });
    },

    async create(user, options) {
      const input = parseArgs(NewUserInput, user, 'user');
      const signal = requestSignal(options);
      return callOperation(ctx, 'createNewUser', { json: userBody(input), schema: CreatedUserWire, signal });
    },

    async activate(activationUrl, options) {
      const url = parseArgs(ActivationUrlInput, activationUrl, 'activationUrl');
      const signal = requestSignal(options);
      const response = await publicCtx.http.request({ method: 'GET', path: url, responseType: 'text', signal });
      // Activation answers JSON `{token}` for app users; other users may get a page or nothing.
      const parsed = v.safeParse(TokenWire, safeJson(response.data));
      return parsed.success ? { token: parsed.output.token } : undefined;
    },

    async current(options) {
      const signal = requestSignal(options);
      return callOperation(ctx, 'retrieveCurrentUser', { schema: UserWire, signal });
    },

    async retrieve(id, options) {
      const userId = parseArgs(IntIdInput, id, 'id');
      const signal = requestSignal(options);
      return callOperation(ctx, 'retrieveUser', { params: { id: userId }, schema: UserWire, signal });
    },

    async update(id, user, options) {
      const userId = parseArgs(IntIdInput, id, 'id');
      const input = parseArgs(UserUpdateInput, user, 'user');
      const signal = requestSignal(options);
      return callOperation(ctx, 'updateUser', { params: { id: userId }, json: userBody(input), schema: UserWire, signal });
    },

    async partialUpdate(id, user, options) {
      const userId = parseArgs(IntIdInput, id, 'id');
      const input = parseArgs(UserPartialUpdateInput, user, 'user');
      const signal = requestSignal(options);
      return callOperation(ctx, 'partialUpdateUser', { params: { id: userId }, json: userBody(input), schema: UserWire, signal });
    },

    async changeMyPassword(passwords, options) {
      const input = parseArgs(ChangeMyPasswordInput, passwords, 'passwords');
      const signal = requestSignal(options);
      await withBodySecrets([input.currentPassword, input.newPassword], () =>
        callOperationIgnoringBody(ctx, 'changeMyPassword', { json: { current_password: input.currentPassword, new_password: input.newPassword }, signal }),
      );
    },

    async changePassword(id, password, options) {
      const userId = parseArgs(IntIdInput, id, 'id');
      const newPassword = parseArgs(Password, password, 'password');
      const signal = requestSignal(options);
      await withBodySecrets([newPassword], () =>
        callOperationIgnoringBody(ctx, 'changeUserPassword', { params: { id: userId }, json: { password: newPassword }, signal }),
      );
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
