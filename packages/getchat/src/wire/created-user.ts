import * as v from 'valibot';
import { toUser, userEntries, type GetchatUser } from './users';
import { maybe } from './lenient';

// What `users.create` answers: a user plus the one-time activation URL.

/** A user just created: the user plus the one-time `activationUrl`. */
export interface GetchatCreatedUser extends GetchatUser {
  /**
   * Call it (`users.activate`) to activate the account. get.chat returns it
   * only in this response. For `app` users, activating returns their token.
   */
  activationUrl?: string | undefined;
}

/** The response of `createNewUser`. */
export const CreatedUserWire = v.pipe(
  v.object({ ...userEntries, activation_url: maybe(v.string()) }),
  v.transform((user): GetchatCreatedUser => ({ ...toUser(user), activationUrl: user.activation_url })),
);
