import { createProviderError, issueMessage } from '@wamux/core/adapter';
import * as v from 'valibot';
import { DESK360 } from '../options';

/**
 * Reads an object Desk360 returned inside a list, with a liberal schema;
 * one it cannot read at all is an `unexpected_response` error naming the field.
 */
export function readVendor<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, what: string): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw createProviderError('unexpected_response', {
    provider: DESK360,
    message: `Desk360 sent ${what} in an unexpected shape: ${v.getDotPath(issue) ?? '(root)'}: ${issueMessage(issue)}`,
  });
}
