import { once } from 'node:events';
import type { OutboundMessage, SendResult } from '@wamux/core';
import { memoryCapabilities } from '@wamux/memory';

/** Waits until `check` holds, polling; fails with `what` after `within` ms. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, within = 15_000): Promise<void> {
  const deadline = Date.now() + within;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What a scripted provider does for one send. */
export type Script = (message: OutboundMessage, call: number) => Promise<SendResult> | SendResult;

/**
 * A provider whose `send` follows a script, counting every call per
 * recipient: the outbox's behaviour on each outcome, without a vendor.
 * Link previews are left out of its capabilities, to test the refusal.
 */
export function scriptedProvider(script: Script) {
  const calls: OutboundMessage[] = [];
  return {
    name: 'scripted',
    capabilities: { ...memoryCapabilities, features: memoryCapabilities.features.filter((feature) => feature !== 'messages.linkPreview') },
    calls,
    callsTo: (to: string) => calls.filter((message) => message.to === to).length,
    async send(message: OutboundMessage) {
      calls.push(message);
      return script(message, calls.length);
    },
  };
}

export { once };
