import * as v from 'valibot';
import type { HttpMethod } from '@wamux/core';
import type { operationPaths } from './operations/paths';

/**
 * How sure we are of an operation's URL path. The get.chat document (a Redoc
 * render) lost most paths, so each one records where it comes from:
 * - `confirmed`: used by get.chat's own open-source web inbox (get-chat/web-app,
 *   src/api), 360dialog's inbox docs, or a known third-party client;
 * - `documented`: printed in the get.chat document itself;
 * - `inferred`: no public source; follows the API's REST naming. Users can
 *   override these (and any other) through the `paths` options.
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
 * The operations the provider itself calls (login, sending, history, read
 * marks, templates, media, the websocket token of @wamux/getchat/live),
 * keyed by the document's operation name, from
 * ../shared/seeds/getchat-paths.md. Every other operation is in
 * src/operations/paths.ts, the `@wamux/getchat/operations` entry, so an app
 * that only sends and receives does not carry its table. Paths end with a
 * slash unless get.chat's own client omits it.
 */
export const providerPaths = {
  // Authorization
  createAuthToken: { method: 'POST', path: '/auth/token/', status: 'confirmed' },
  convertRefreshToken: { method: 'POST', path: '/auth/convert_refresh_token/', status: 'confirmed' },
  retrieveRefreshToken: { method: 'GET', path: '/users/{id}/refresh_token/', status: 'inferred' },

  // Messages
  listMessages: { method: 'GET', path: '/messages/', status: 'confirmed' },
  createMessage: { method: 'POST', path: '/messages/', status: 'confirmed' },
  retrieveMessage: { method: 'GET', path: '/messages/{id}/', status: 'inferred' },
  createReceivedMessageMark: { method: 'POST', path: '/mark_as_received/', status: 'confirmed' },

  // Templates
  listTemplates: { method: 'GET', path: '/templates/', status: 'confirmed' },

  // Media Files
  createMediaFile: { method: 'POST', path: '/media/', status: 'confirmed' },
  retrieveMediaFile: { method: 'GET', path: '/media/{id}', status: 'confirmed' },

  // Users
  retrieveCurrentUser: { method: 'GET', path: '/users/current/', status: 'confirmed' },
} as const satisfies Record<string, OperationPath>;

/** An operation the provider itself calls; `createGetchatProvider`'s `paths` option overrides these. */
export type GetchatProviderOperationName = keyof typeof providerPaths;

/** The name of a get.chat operation, as the document spells it (`retrieveChat`, `createAuthToken`...). */
export type GetchatOperationName = GetchatProviderOperationName | keyof typeof operationPaths;

/** A table {@link resolvePath} reads: operation name → method, path and provenance. A context holds the operations it calls. */
export type GetchatPathTable = Readonly<Partial<Record<GetchatOperationName, OperationPath>>>;

/**
 * Per-operation path overrides of `createGetchatProvider` (option `paths`),
 * e.g. `{ retrieveMessage: '/messages/{id}/' }`: the operations the provider
 * itself calls. A path is below the API base, starts with `/`, and may use
 * the same `{param}` placeholders as the default path of that operation.
 * (The other operations take theirs in `getchatOperations(provider, { paths })`.)
 */
export type GetchatPathOverrides = Partial<Record<GetchatProviderOperationName, string>>;

/**
 * The valibot schema of a `paths` option: the operation names of `table`
 * only (a typo would otherwise silently keep the default), each a path
 * starting with `/`, without a query string or host. `hint` is the message
 * for a name outside the table.
 */
export function pathOverridesSchema<TName extends string>(table: Readonly<Record<TName, OperationPath>>, hint: string) {
  return v.record(
    v.picklist(Object.keys(table) as TName[], hint),
    v.pipe(
      v.string('must be a path string'),
      v.regex(/^\/[^?#\s]*$/, 'must be a path below the API base starting with "/", without query string'),
    ),
  ) satisfies v.GenericSchema<unknown, Partial<Record<TName, string>>>;
}

/** The schema of `createGetchatProvider`'s `paths` option. */
export const GetchatPathOverridesSchema = pathOverridesSchema(
  providerPaths,
  'must be an operation the provider calls, such as retrieveMessage (the others take their paths in getchatOperations(provider, { paths }))',
);

/** The table's entry of `operation`; throws for one the table lacks, a programming error of the caller. */
export function operationOf(table: GetchatPathTable, operation: GetchatOperationName): OperationPath {
  const entry = table[operation];
  if (entry === undefined) throw new TypeError(`unknown get.chat operation ${operation}`);
  return entry;
}

/**
 * The path of `operation`: the override when there is one, else the table's
 * path, with every `{param}` replaced by the URI-encoded value from `params`.
 *
 * Throws when a placeholder has no value: that is a programming error of the
 * caller, not bad user input, and must not silently produce `/chats/{wa_id}/`.
 */
export function resolvePath(
  table: GetchatPathTable,
  overrides: Partial<Record<GetchatOperationName, string>> | undefined,
  operation: GetchatOperationName,
  params: Record<string, string | number> = {},
): string {
  const template = overrides?.[operation] ?? operationOf(table, operation).path;
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`get.chat operation ${operation}: no value for path parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
}
