import { paginate, type QueryValue } from '@wamux/core/adapter';
import type { GetchatContext } from './context';
import { callOperation } from './call';
import { pageEnvelope } from '../wire/page';
import { MessageWire, type GetchatMessage } from '../map/message';

/** What the history walk needs: where to start, which way, and the filters for every page. */
export interface HistoryWalk {
  order: 'newest' | 'oldest';
  /** Only messages strictly before this time. */
  before?: Date | undefined;
  /** Only messages strictly after this time. */
  since?: Date | undefined;
  /** Query filters sent with every page (`wa_id`, `chat_tag_id`...). */
  query: Record<string, QueryValue>;
  pageSize: number;
  limit?: number | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * A page boundary: the `before_time` (newest-first) or `since_time`
 * (oldest-first) of the next request, and how many messages at the boundary
 * second were already read (sent as `offset`).
 */
interface TimeCursor {
  time: number;
  skip: number;
}

const seconds = (date: Date) => date.getTime() / 1000;

/**
 * Walks message history with get.chat's time cursors, never a bare offset:
 *
 * - newest first: `before_time` = one second past the oldest message of the
 *   page (get.chat's `before_time` is exclusive), plus `offset` = how many
 *   messages of that second were already read, so a second split across two
 *   pages is neither skipped nor repeated;
 * - oldest first: `since_time` (inclusive) = the newest second of the page,
 *   plus the same `offset` for that second.
 *
 * New messages arrive with the current time, outside the window a
 * newest-first cursor covers and after the position an oldest-first cursor
 * has reached, so pages never shift under the walk. Items are also
 * de-duplicated by id as a second guard.
 */
export function walkHistory(ctx: GetchatContext, walk: HistoryWalk): AsyncGenerator<GetchatMessage, void, undefined> {
  const schema = pageEnvelope(MessageWire);
  const newestFirst = walk.order === 'newest';

  const firstCursor = (): Partial<TimeCursor> => {
    if (newestFirst) return walk.before ? { time: Math.ceil(seconds(walk.before)) } : {};
    return walk.since ? { time: Math.floor(seconds(walk.since)) + 1 } : {};
  };

  // The walk's far bound, checked here: newest-first never sends since_time
  // (with it alone get.chat switches to oldest-first), and vice versa.
  const inBounds = (message: GetchatMessage): boolean => {
    if (!message.timestamp) return true;
    if (newestFirst) return !walk.since || message.timestamp.getTime() > walk.since.getTime();
    return !walk.before || message.timestamp.getTime() < walk.before.getTime();
  };

  return paginate<GetchatMessage, TimeCursor>({
    limit: walk.limit,
    signal: walk.signal,
    key: (message) => message.getchatId ?? message.whatsappMessageId ?? JSON.stringify(message.wabaPayload),
    fetchPage: async (cursor, signal) => {
      const position = cursor ?? firstCursor();
      const page = await callOperation(ctx, 'listMessages', {
        query: {
          ...walk.query,
          limit: walk.pageSize,
          offset: position.skip || undefined,
          [newestFirst ? 'before_time' : 'since_time']: position.time,
        },
        schema,
        signal,
      });
      const sorted = sortByTime(page.items, newestFirst);
      const items = sorted.filter(inBounds);
      const reachedBound = items.length < sorted.length;
      const more = !reachedBound && (page.hasNext ?? page.items.length >= walk.pageSize);
      return { items, next: more ? nextCursor(sorted, position, newestFirst) : null };
    },
  });
}

/** Orders a page by timestamp (stable for equal ones), whatever order the server used. */
function sortByTime(items: GetchatMessage[], newestFirst: boolean): GetchatMessage[] {
  const time = (message: GetchatMessage) => message.timestamp?.getTime() ?? (newestFirst ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY);
  return items
    .map((message, index) => ({ message, index }))
    .sort((a, b) => (newestFirst ? time(b.message) - time(a.message) : time(a.message) - time(b.message)) || a.index - b.index)
    .map(({ message }) => message);
}

/** The cursor after a page: the boundary second of its last message, and how many of that second were read. */
function nextCursor(sorted: GetchatMessage[], position: Partial<TimeCursor>, newestFirst: boolean): TimeCursor | null {
  const stamped = sorted.filter((message) => message.timestamp !== undefined);
  const last = stamped.at(-1)?.timestamp;
  if (!last) return null;
  const boundary = Math.floor(seconds(last));
  const time = newestFirst ? boundary + 1 : boundary;
  const atBoundary = stamped.filter((message) => Math.floor(seconds(message.timestamp as Date)) === boundary).length;
  const alreadySkipped = position.time === time ? (position.skip ?? 0) : 0;
  return { time, skip: alreadySkipped + atBoundary };
}
