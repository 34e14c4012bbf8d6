import type { WebhookEvent } from '@wamux/core/adapter';
import { match } from 'ts-pattern';

/** Options of {@link describeEvent}. */
export interface DescribeOptions {
  /** Leave out the `message` prefix and the sender, and shorten texts (the demo's narrow columns). */
  compact?: boolean;
}

/** One line for a normalized event: the same app code prints the same line whatever the vendor. */
export function describeEvent(event: WebhookEvent, options: DescribeOptions = {}): string {
  return match(event)
    .with({ type: 'message' }, ({ message }) =>
      options.compact
        ? `${message.content.type}${contentDetail(message.content, 20)}`
        : `message ${message.content.type}${contentDetail(message.content, 40)} from ${message.from}`,
    )
    .with(
      { type: 'status' },
      ({ status }) => `status ${status.status}${options.compact ? '' : ` ${status.messageId}${status.recipient ? ` to ${status.recipient}` : ''}`}`,
    )
    .with({ type: 'provider_event' }, ({ kind }) => `provider_event ${kind}`)
    .exhaustive();
}

function contentDetail(content: Extract<WebhookEvent, { type: 'message' }>['message']['content'], max: number): string {
  return match(content)
    .with({ type: 'text' }, ({ text }) => ` "${truncate(text, max)}"`)
    .with({ type: 'interactive_reply' }, ({ reply }) => ` ${reply.kind}:${reply.id}`)
    .with({ type: 'button' }, ({ text }) => ` "${truncate(text, max)}"`)
    .with({ type: 'reaction' }, ({ emoji, messageId }) => ` ${emoji || '(removed)'} on ${messageId}`)
    .with({ type: 'location' }, ({ latitude, longitude }) => ` ${latitude},${longitude}`)
    .with({ type: 'image' }, { type: 'video' }, { type: 'audio' }, { type: 'document' }, { type: 'sticker' }, ({ media }) =>
      media.id ? ` media ${media.id}` : '',
    )
    .otherwise(() => '');
}

/** Shortens `text` to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat;
}

/** Options of {@link table}. */
export interface TableOptions {
  /** The widest a line may be; the widest columns are shortened to fit. Default 160. */
  maxWidth?: number;
  /** No column is shortened below this. Default 8. */
  minColumn?: number;
}

/** Renders rows × columns as a fixed-width table, cells shortened with `…` to fit `maxWidth`. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const maxWidth = options.maxWidth ?? 160;
  const minColumn = options.minColumn ?? 8;
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const total = () => widths.reduce((sum, w) => sum + w, 0) + 3 * (widths.length - 1);
  while (total() > maxWidth) {
    const widest = widths.indexOf(Math.max(...widths));
    if ((widths[widest] ?? 0) <= minColumn) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => fit(cell, widths[i] ?? 0))
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** Formats a duration in seconds as `42s`, `3m05s` or `1h02m`. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
