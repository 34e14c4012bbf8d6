import type { WebhookEvent } from '@wamux/core';
import { match } from 'ts-pattern';

/** One line for a normalized event: the same app code prints the same line whatever the vendor. */
export function describeEvent(event: WebhookEvent): string {
  return match(event)
    .with({ type: 'message' }, ({ message }) => `message ${message.content.type}${contentDetail(message.content)} from ${message.from}`)
    .with({ type: 'status' }, ({ status }) => `status ${status.status}`)
    .with({ type: 'provider_event' }, ({ kind }) => `provider_event ${kind}`)
    .exhaustive();
}

function contentDetail(content: Extract<WebhookEvent, { type: 'message' }>['message']['content']): string {
  return match(content)
    .with({ type: 'text' }, ({ text }) => ` "${truncate(text, 24)}"`)
    .with({ type: 'interactive_reply' }, ({ reply }) => ` ${reply.kind}:${reply.id}`)
    .with({ type: 'button' }, ({ text }) => ` "${truncate(text, 24)}"`)
    .otherwise(() => '');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Renders rows × columns as a fixed-width table (the demo's side-by-side view). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, i) => Math.min(44, Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length))));
  const line = (cells: readonly string[]) => cells.map((cell, i) => fit(cell, widths[i] as number)).join(' │ ');
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}
