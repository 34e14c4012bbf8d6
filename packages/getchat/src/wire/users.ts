import * as v from 'valibot';
import { LenientBoolean, LenientInt, maybe } from './lenient';

/** The role of an inbox user. `app` users are bots and integrations; others may appear. */
export type GetchatUserRole = 'admin' | 'user' | 'app' | (string & {});

/** Which chats a user may read or write: all, their groups', their own, or none. */
export type GetchatChatAccess = 'all' | 'group' | 'user' | 'none' | (string & {});

/** A group of inbox users. */
export interface GetchatGroup {
  id: number;
  name: string;
}

/** A user's profile. */
export interface GetchatUserProfile {
  role?: GetchatUserRole | undefined;
  isAvailable?: boolean | undefined;
  avatar?: string | undefined;
  largeAvatar?: string | undefined;
}

/** What a user may do. */
export interface GetchatUserPermissions {
  canUseTags?: boolean | undefined;
  canReadChats?: GetchatChatAccess | undefined;
  canWriteToChats?: GetchatChatAccess | undefined;
}

/**
 * An inbox user, as the users endpoints return it and as it is embedded in
 * other objects (`sender`, `done_by`, `assigned_to_user`). Embedded copies
 * often carry only `id`, `username` and `url`.
 */
export interface GetchatUser {
  id: number;
  /** The API URL of this user. */
  url?: string | undefined;
  username?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | undefined;
  profile?: GetchatUserProfile | undefined;
  /** Empty when the response did not list them. */
  groups: GetchatGroup[];
  permissions?: GetchatUserPermissions | undefined;
}

/** One group, as `/groups/` and users' `groups` carry it. */
export const GroupWire = v.pipe(
  v.object({ id: LenientInt, name: v.nullish(v.string()) }),
  v.transform((group): GetchatGroup => ({ id: group.id, name: group.name ?? '' })),
);

/** Users' `groups`: entries without an id (the document's example shows `[{}]`) carry nothing and are dropped. */
const UserGroupsWire = v.pipe(
  v.nullish(v.array(v.unknown())),
  v.transform((groups) =>
    (groups ?? []).flatMap((group) => {
      const parsed = v.safeParse(GroupWire, group);
      return parsed.success ? [parsed.output] : [];
    }),
  ),
);

const ProfileWire = v.pipe(
  v.object({
    role: maybe(v.string()),
    is_available: maybe(LenientBoolean),
    avatar: maybe(v.string()),
    large_avatar: maybe(v.string()),
  }),
  v.transform(
    (profile): GetchatUserProfile => ({
      role: profile.role,
      isAvailable: profile.is_available,
      avatar: profile.avatar,
      largeAvatar: profile.large_avatar,
    }),
  ),
);

const PermissionsWire = v.pipe(
  v.object({
    can_use_tags: maybe(LenientBoolean),
    can_read_chats: maybe(v.string()),
    can_write_to_chats: maybe(v.string()),
  }),
  v.transform(
    (permissions): GetchatUserPermissions => ({
      canUseTags: permissions.can_use_tags,
      canReadChats: permissions.can_read_chats,
      canWriteToChats: permissions.can_write_to_chats,
    }),
  ),
);

export const userEntries = {
  id: LenientInt,
  url: maybe(v.string()),
  username: maybe(v.string()),
  first_name: maybe(v.string()),
  last_name: maybe(v.string()),
  email: maybe(v.string()),
  profile: maybe(ProfileWire),
  groups: UserGroupsWire,
  permissions: maybe(PermissionsWire),
};

type UserWireOutput = v.InferOutput<v.ObjectSchema<typeof userEntries, undefined>>;

export function toUser(user: UserWireOutput): GetchatUser {
  return {
    id: user.id,
    url: user.url,
    username: user.username,
    firstName: user.first_name,
    lastName: user.last_name,
    email: user.email,
    profile: user.profile,
    groups: user.groups ?? [],
    permissions: user.permissions,
  };
}

/** A user object. */
export const UserWire = v.pipe(v.object(userEntries), v.transform(toUser));

/**
 * A user embedded in another object: a full user, or (liberal) just the id
 * where some versions send `assigned_to_user: 3`. `null` and `{}` read as
 * `undefined`.
 */
export const EmbeddedUserWire = v.pipe(
  v.nullish(
    v.union([
      UserWire,
      v.pipe(
        LenientInt,
        v.transform((id): GetchatUser => ({ id, groups: [] })),
      ),
      v.pipe(
        v.object({}),
        v.transform(() => null),
      ),
    ]),
  ),
  v.transform((user) => user ?? undefined),
);

/** A group embedded in another object: a group, or just its id; `null` and `{}` read as `undefined`. */
export const EmbeddedGroupWire = v.pipe(
  v.nullish(
    v.union([
      GroupWire,
      v.pipe(
        LenientInt,
        v.transform((id): GetchatGroup => ({ id, name: '' })),
      ),
      v.pipe(
        v.object({}),
        v.transform(() => null),
      ),
    ]),
  ),
  v.transform((group) => group ?? undefined),
);

/** `{ token }`: what activating an `app` user returns. */
export const TokenWire = v.object({ token: v.string() });
