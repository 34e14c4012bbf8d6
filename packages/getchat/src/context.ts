import type { HttpClient } from '@wamux/core';

/**
 * What every get.chat operation module needs: the authenticated HTTP client
 * and the path of an operation (with the user's overrides applied).
 *
 * This file is the seam between the adapter core (auth, messages, media,
 * webhooks, websocket: src/*.ts) and the operation groups (src/operations/*.ts).
 */
export interface GetchatContext {
  readonly provider: 'getchat';
  /** The core HTTP client, already carrying auth headers, limiter and error mapping. */
  readonly http: HttpClient;
  /**
   * The path of an operation (from the table in src/paths.ts, or the user's
   * override), with `{param}` placeholders filled and URI-encoded.
   * Example: `path('retrieveChat', { wa_id: '905551112233' })` → `/chats/905551112233/`.
   */
  path(operation: string, params?: Record<string, string | number>): string;
}
