// The generated parts of hand-written pages: the example apps' code in
// docs/recipes.md (GitHub shows nothing for a VitePress include) and the
// environment variables table of docs/cli.md, both from the code itself.
import { adapters } from '../../../packages/wamux/src/registry';
import { envTable, misnamedEnvVariables, render } from '../lib/generated-blocks.mjs';

const variables = Object.fromEntries(Object.entries(adapters).map(([provider, entry]) => [provider, entry.env]));
const sources = { readFile: (path: string) => `// ${path}\nexport const app = 1;\n`, envVariables: async () => variables };

describe('generated blocks', () => {
  it('copies an included file into the page, with a link to it, and leaves the prose alone', async () => {
    const page = 'Before.\n\n<!-- generated:include examples/x/src/app.ts -->\nstale\n<!-- /generated -->\n\nAfter.\n';
    const rendered = await render(page, 'docs', sources);
    expect(rendered).toContain('[`examples/x/src/app.ts`](../examples/x/src/app.ts)');
    expect(rendered).toContain('```ts\n// examples/x/src/app.ts\nexport const app = 1;\n```');
    expect(rendered).not.toContain('stale');
    expect(rendered.startsWith('Before.\n\n')).toBe(true);
    expect(rendered.endsWith('<!-- /generated -->\n\nAfter.\n')).toBe(true);
    // Rendering is stable: a second run changes nothing (what --check relies on).
    expect(await render(rendered, 'docs', sources)).toBe(rendered);
  });

  it('lists every environment variable the registry reads, GETCHAT_* included', () => {
    const table = envTable(variables);
    for (const [provider, entry] of Object.entries(adapters)) {
      for (const [option, source] of Object.entries(entry.env)) {
        const variable = typeof source === 'string' ? source : source.variable;
        expect(table).toContain(`| \`${variable}\` | ${provider} | \`${option}\` |`);
      }
    }
    expect(table).toContain('`GETCHAT_TOKEN`');
    expect(table).toContain('`MESSAGING_API_VERIFY_TOKEN`');
  });

  it("finds a misspelt adapter variable, not a variable of the app's own", () => {
    const page = 'verifyToken: process.env.MESSAGING_VERIFY_TOKEN\nsecret: process.env.DESK360_WEBHOOK_SECRET\nkey: process.env.DESK360_API_KEY';
    expect(misnamedEnvVariables(page, variables)).toEqual([{ line: 1, name: 'MESSAGING_VERIFY_TOKEN', meant: 'MESSAGING_API_VERIFY_TOKEN' }]);
  });
});
