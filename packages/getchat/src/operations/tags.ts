import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { TagWire, type GetchatTag } from '../wire/tags';
import { callOperation, callOperationIgnoringBody } from '../client/call';
import { IntIdInput, parseArgs, requestSignal, type RequestOptions } from '../map/input';
import { PlainListOptionsInput } from './shared/plain-list';
import { listOperation, type ListOptions } from '../client/list';

/** Fields of `tags.create`. */
export interface GetchatNewTagInput {
  /** At most 1000 characters. */
  name: string;
  /** The colour the web inbox shows the tag in (at most 1000 characters). */
  webInboxColor?: string | null | undefined;
}

const NewTagInput = v.strictObject({
  name: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'), v.maxLength(1000, 'must be at most 1000 characters')),
  webInboxColor: v.optional(v.nullable(v.pipe(v.string('must be a string'), v.maxLength(1000, 'must be at most 1000 characters')))),
});

/** Tags, used to tag chats and messages. */
export interface GetchatTagsOperations {
  /** `listTags` (`GET /tags/`): every tag, page by page. */
  list(options?: ListOptions): AsyncGenerator<GetchatTag, void, undefined>;
  /**
   * `createTag` (`POST /tags/`, path inferred): a new tag for chats and messages.
   * @experimental The path of `createTag` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  create(tag: GetchatNewTagInput, options?: RequestOptions): Promise<GetchatTag>;
  /**
   * `destroyTag` (`DELETE /tags/{id}/`, path inferred).
   * @experimental The path of `destroyTag` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  destroy(id: number, options?: RequestOptions): Promise<void>;
}

/** Creates the `tags` namespace. */
export function createTagsOperations(ctx: GetchatContext): GetchatTagsOperations {
  return {
    list(options) {
      return listOperation(ctx, 'listTags', { item: TagWire, options: parseArgs(PlainListOptionsInput, options, 'options') });
    },

    async create(tag, options) {
      const input = parseArgs(NewTagInput, tag, 'tag');
      const signal = requestSignal(options);
      return callOperation(ctx, 'createTag', { json: { name: input.name, web_inbox_color: input.webInboxColor }, schema: TagWire, signal });
    },

    async destroy(id, options) {
      const tagId = parseArgs(IntIdInput, id, 'id');
      const signal = requestSignal(options);
      await callOperationIgnoringBody(ctx, 'destroyTag', { params: { id: tagId }, signal });
    },
  };
}
