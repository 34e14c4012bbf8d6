import { createInterface } from 'node:readline';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@wamux/core/adapter';
import type { Emulator, TemplateSeed } from '@wamux/emulator';
import { errorLine } from '../errors';
import { truncate } from '../format';
import { out } from '../io';

/** The commands of the `wamux emulate` console, for its help text. */
export const CONSOLE_HELP = `Console commands (type them and press Enter):
  inbound <from> <text...>          The customer sends a text message
  reply <from> <buttonId> [title]   The customer taps a reply button
  status <messageId> <status>       A delivery status (${DELIVERY_STATUSES.join(', ')})
  sent                              Messages the emulator accepted so far
  template add <name> <lang> <body...>
                                    Add an approved template (body with {{1}}, {{2}}...),
                                    e.g. template add shipping_update en Your order {{1}} ships {{2}}
  templates                         The templates the emulator offers
  webhook <url>                     Where simulated webhooks are posted
  help                              This list`;

/**
 * Reads console commands from stdin and drives the emulator with them, so
 * an app under development can receive simulated customer messages and
 * statuses, and send templates it adds. `templates` are those the emulator
 * was seeded with (`template add` re-seeds them all, with the new one).
 * Returns a function that stops reading.
 */
export function startConsole(emulator: Emulator, initialWebhookUrl: string | undefined, seeded: readonly TemplateSeed[] = []): () => void {
  let webhookUrl = initialWebhookUrl;
  const templates: TemplateSeed[] = [...seeded];
  const lines = createInterface({ input: process.stdin, terminal: false });
  const needWebhook = (): string | undefined => {
    if (!webhookUrl) out('  no webhook URL: start with --webhook-url <url> or type "webhook <url>"');
    return webhookUrl;
  };
  const run = async (line: string) => {
    const [command, ...rest] = line.trim().split(/\s+/);
    if (!command) return;
    if (command === 'help') return out(CONSOLE_HELP);
    if (command === 'sent') {
      const delivered = emulator.delivered();
      if (delivered.length === 0) out('  nothing sent yet');
      for (const item of delivered) out(`  ${item.id}  ${item.message.type} to ${item.message.to}`);
      return;
    }
    if (command === 'templates') {
      if (templates.length === 0) out('  no templates: add one with "template add <name> <lang> <body...>"');
      for (const template of templates) out(`  ${template.name} (${template.language})  ${template.body}`);
      return;
    }
    if (command === 'template' && rest[0] === 'add') {
      const [, name = '', language = '', ...body] = rest;
      if (!/^[a-z0-9_]{1,512}$/.test(name) || !/^[a-z]{2,3}([_-][A-Za-z]{2,4})?$/.test(language) || body.length === 0) {
        return out('  usage: template add <name> <lang> <body...>   (name: lowercase letters, digits, _; lang: en, en_US, tr...)');
      }
      const template: TemplateSeed = { id: `tpl_${name}_${language}`, name, language, category: 'UTILITY', body: body.join(' '), status: 'approved' };
      const existing = templates.findIndex((t) => t.name === name && t.language === language);
      if (existing >= 0) templates.splice(existing, 1, template);
      else templates.push(template);
      emulator.seedTemplates(templates);
      return out(
        `  template ${name} (${language}) ${existing >= 0 ? 'replaced' : 'added'}: send it with wamux send --template ${name} --lang ${language}${body.join(' ').includes('{{') ? ' --param <value>...' : ''}`,
      );
    }
    if (command === 'webhook' && rest[0]) {
      webhookUrl = rest[0];
      return out(`  webhooks go to ${webhookUrl}`);
    }
    if (command === 'inbound' && rest.length >= 2) {
      const url = needWebhook();
      if (!url) return;
      const [from = '', ...words] = rest;
      const result = await emulator.simulateInbound({ from, content: { type: 'text', text: words.join(' ') } }, { webhookUrl: url });
      return out(`  posted inbound ${result.id}: webhook answered ${result.status}`);
    }
    if (command === 'reply' && rest.length >= 2) {
      const url = needWebhook();
      if (!url) return;
      const [from = '', id = '', ...title] = rest;
      const result = await emulator.simulateInbound(
        { from, content: { type: 'interactive_reply', reply: { kind: 'button', id, title: title.join(' ') || id } } },
        { webhookUrl: url },
      );
      return out(`  posted reply ${result.id}: webhook answered ${result.status}`);
    }
    if (command === 'status' && rest.length === 2 && (DELIVERY_STATUSES as readonly string[]).includes(rest[1] ?? '')) {
      const url = needWebhook();
      if (!url) return;
      const [messageId = '', status] = rest;
      const recipient = emulator.delivered().find((item) => item.id === messageId)?.message.to;
      const result = await emulator.simulateStatus({ messageId, status: status as DeliveryStatus, recipient }, { webhookUrl: url });
      return out(`  posted status ${status} for ${messageId}: webhook answered ${result.status}`);
    }
    out(`  unknown command "${truncate(line.trim(), 40)}"; type "help"`);
  };
  let queue = Promise.resolve();
  lines.on('line', (line) => {
    queue = queue.then(() => run(line)).catch((error: unknown) => out(`  ${errorLine(error)}`));
  });
  return () => lines.close();
}

/** Prints each message the emulator accepts, as it arrives. Returns a function that stops. */
export function watchDelivered(emulator: Emulator, intervalMs = 200): () => void {
  let seen = 0;
  const timer = setInterval(() => {
    const delivered = emulator.delivered();
    for (const item of delivered.slice(seen)) out(`→ ${item.message.type} to ${item.message.to}: ${item.id}`);
    seen = delivered.length;
  }, intervalMs);
  return () => clearInterval(timer);
}
