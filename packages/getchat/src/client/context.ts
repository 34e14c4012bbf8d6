import type { HttpClient } from '@wamux/core/adapter';
import type { GetchatPathOverrides } from './paths';

/**
 * What every get.chat call needs: a core HTTP client (the authenticated one
 * carries auth headers, limiter and error mapping) and the user's path
 * overrides, applied to the one path table (./paths.ts) by `routeOf`.
 */
export interface GetchatContext {
  readonly http: HttpClient;
  readonly overrides: GetchatPathOverrides;
}
