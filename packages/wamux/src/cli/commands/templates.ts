import type { Template } from '@wamux/core/adapter';
import { parseCommandLine, positiveInteger, UsageError, type Command } from '../command';
import { table } from '../format';
import { note, out, outJson } from '../io';
import { openTarget } from '../target';
import { TARGET_OPTIONS, TARGET_USAGE } from '../target-flags';

const OPTIONS = { ...TARGET_OPTIONS, json: { type: 'boolean' }, limit: { type: 'string' } } as const;

const USAGE = `Usage: wamux templates list [--limit <n>] [--json]

Lists the provider's message templates (feature templates.list): name,
language, status, category and the parameters each one takes.

  --limit <n>   Stop after n templates
  --json        Print a JSON array (the normalized Template, without the vendor's raw body)

${TARGET_USAGE}`;

/** `wamux templates list`. */
export const templatesCommand: Command = {
  name: 'templates',
  summary: 'List message templates (templates list)',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseCommandLine(args, OPTIONS, 1);
    if (positionals[0] !== 'list')
      throw new UsageError(
        positionals[0] === undefined ? 'templates: say "templates list"' : `templates: unknown subcommand "${positionals[0]}" (expected list)`,
      );
    const limit = values.limit === undefined ? undefined : positiveInteger(values.limit, '--limit', 1);
    const target = await openTarget(values);
    try {
      const templates: Template[] = [];
      for await (const template of target.provider.listTemplates({ limit })) templates.push(template);
      if (values.json) {
        outJson(templates.map(({ raw: _raw, ...rest }) => rest));
        return 0;
      }
      if (templates.length === 0) {
        note(`no templates (${target.source})`);
        return 0;
      }
      const rows = templates.map((t) => [t.name, t.language, t.status, t.category ?? '', t.variables.map((v) => v.key).join(' '), t.id ?? '']);
      out(table(['NAME', 'LANGUAGE', 'STATUS', 'CATEGORY', 'PARAMETERS', 'ID'], rows, { maxWidth: process.stdout.columns || 160 }));
      return 0;
    } finally {
      await target.close();
    }
  },
};
