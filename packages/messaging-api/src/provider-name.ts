/** The adapter's name: `provider.name`, and the `provider` of every error and event it raises. */
export const PROVIDER = 'messaging-api' as const;

/** The adapter's name as a type. */
export type MessagingApiName = typeof PROVIDER;

/** The path prefix of every operation in the vendor document (`/api/v1/config/channels`, ...). */
export const API_PREFIX = '/api/v1';
