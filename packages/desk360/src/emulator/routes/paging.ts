import type { EmulatorRequest, EmulatorResponse } from '@wamux/emulator';
import { PAGE_SIZE } from '../../wire/pages';

/**
 * One page of a Desk360 list: `?page=N` from 1, 20 objects a page, and a
 * `Link: <...?page=N+1>; rel=next` header unless it is the last page.
 */
export function page(request: EmulatorRequest, origin: string, items: readonly unknown[]): EmulatorResponse {
  const number = Math.max(1, Number.parseInt(request.query.get('page') ?? '1', 10) || 1);
  const start = (number - 1) * PAGE_SIZE;
  const headers: Record<string, string> = {};
  if (start + PAGE_SIZE < items.length) {
    const next = new URL(request.url.pathname, origin);
    next.searchParams.set('page', String(number + 1));
    headers.link = `<${next.toString()}>; rel=next`;
  }
  return { json: items.slice(start, start + PAGE_SIZE), headers };
}
