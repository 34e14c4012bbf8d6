// @wamux/getchat/operations: the typed get.chat operations, one namespace per
// section of the document. A separate entry so that an app that only sends
// and receives (the `Provider` contract) does not bundle them (about 80
// validated operations); see docs/providers/getchat.md.

import { parseOptions, type Provider } from '@wamux/core';
import * as v from 'valibot';
import { contextsOf, type GetchatContext } from '../context';
import { PROVIDER } from '../options';
import { createGetchatOperations, type GetchatOperationGroups } from './operation-groups';
import { getchatPaths, GetchatGroupPathOverridesSchema, type GetchatGroupPathOverrides } from './paths';

/** Options of {@link getchatOperations}. */
export interface GetchatOperationsOptions {
  /**
   * Path overrides of the operations only these groups call (the provider's
   * own operations take theirs in `createGetchatProvider`), e.g.
   * `{ blockContact: '/contacts/{wa_id}/block/' }`. Validated like the
   * provider's: a typo or a path without a leading `/` is a `ConfigurationError`.
   */
  paths?: GetchatGroupPathOverrides | undefined;
}

const OptionsSchema = v.optional(v.strictObject({ paths: v.optional(GetchatGroupPathOverridesSchema) }, 'unknown option'), {});

/**
 * The typed get.chat operations of a get.chat provider, on its credentials,
 * rate limiter and path overrides:
 *
 * ```ts
 * const ops = getchatOperations(provider);
 * for await (const chat of ops.chats.list({ assignedToMe: true })) console.log(chat.waId);
 * ```
 *
 * Throws `ConfigurationError` (field `provider`) when `provider` is not a
 * get.chat provider, and (field `paths.<operation>`) for an invalid override.
 */
export function getchatOperations(provider: Provider, options?: GetchatOperationsOptions): GetchatOperationGroups {
  const { ctx, publicCtx } = contextsOf(provider);
  const { paths } = parseOptions(OptionsSchema, options, PROVIDER);
  const widen = (context: GetchatContext): GetchatContext => ({ ...context, operations: getchatPaths, overrides: { ...context.overrides, ...paths } });
  return createGetchatOperations(widen(ctx), widen(publicCtx));
}

export { getchatPaths };
export { GETCHAT_TEMPLATE_CATEGORIES } from './templates';
export { GETCHAT_BUSINESS_VERTICALS } from './settings';
export { GETCHAT_MESSAGE_TYPES } from './message-inputs';
export type * from './types';
