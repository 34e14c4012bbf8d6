import type { HistoryMessage } from '@wamux/core/adapter';
import type { WireHistoryItem } from '../wire/schemas';

/** A memory history item → `HistoryMessage` (already the model's shape; `raw` keeps the item). */
export function toHistoryMessage(wire: WireHistoryItem): HistoryMessage {
  return { ...wire, raw: wire };
}
