// Parts of hand-written markdown pages that are generated from the code, so
// they cannot drift from it. A block sits between two HTML comments (which
// render as nothing on GitHub and in VitePress):
//
//   <!-- generated:include examples/hono-webhooks/src/app.ts -->
//   ...the file, in a fenced block, with a link to it...
//   <!-- /generated -->
//
//   <!-- generated:env-table -->
//   ...the adapters' environment variables, from packages/wamux/src/registry.ts...
//   <!-- /generated -->
//
// `render` rewrites what is between the markers and leaves the rest of the
// page as it is.

const BLOCK = /(<!-- generated:([a-z-]+)(?: ([^\s]+))? -->\n)([\s\S]*?)(<!-- \/generated -->)/g;

/**
 * @typedef {object} BlockSources
 * @property {(path: string) => string} readFile reads a repository file (path relative to the root)
 * @property {() => Promise<EnvVariables>} envVariables
 *   provider → option → where `createProvider` reads it, as `adapters[*].env` of packages/wamux/src/registry.ts says
 */

/**
 * @typedef {Readonly<Record<string, Readonly<Record<string, string | { variable: string, unless: readonly string[] }>>>>} EnvVariables
 */

/** The NO_CHECK marker of check-samples.mjs: an included file is type-checked by its own project. */
const NO_CHECK_COMMENT = '<!-- docs:no-check -->';

/**
 * The markdown of an included repository file: a link to it, then its code.
 * @param {string} path relative to the repository root
 * @param {string} code
 * @param {string} pageDir the page's directory, relative to the root (for the link)
 */
export function includeBlock(path, code, pageDir) {
  const depth = pageDir === '' ? 0 : pageDir.split('/').length;
  const href = `${'../'.repeat(depth)}${path}`;
  const language = /\.(?:[cm]?ts|tsx)$/.test(path) ? 'ts' : /\.(?:[cm]?js|jsx)$/.test(path) ? 'js' : '';
  const fence = code.includes('```') ? '````' : '```';
  return `[\`${path}\`](${href}):\n\n${NO_CHECK_COMMENT}\n${fence}${language}\n${code.replace(/\n+$/, '')}\n${fence}\n`;
}

/**
 * The adapters' environment variables table: one row per variable.
 * @param {EnvVariables} variables
 */
export function envTable(variables) {
  const rows = Object.entries(variables).flatMap(([provider, options]) =>
    Object.entries(options).map(([option, source]) => {
      const { variable, unless } = typeof source === 'string' ? { variable: source, unless: [] } : source;
      const skipped = unless.length === 0 ? '' : `not read when the config sets ${unless.map((name) => `\`${name}\``).join(' or ')}`;
      return `| \`${variable}\` | ${provider} | \`${option}\` | ${skipped} |`;
    }),
  );
  return ['| Variable | Provider | Option | Note |', '| --- | --- | --- | --- |', ...rows, '', ''].join('\n');
}

/**
 * The page with every generated block rewritten.
 * @param {string} page the page's markdown
 * @param {string} pageDir the page's directory relative to the root (`docs`)
 * @param {BlockSources} sources
 * @returns {Promise<string>}
 */
export async function render(page, pageDir, sources) {
  /** @type {Array<Promise<string>>} */
  const pending = [];
  page.replace(BLOCK, (_whole, _open, kind, argument) => {
    pending.push(blockContent(kind, argument, pageDir, sources));
    return '';
  });
  const contents = await Promise.all(pending);
  let index = 0;
  return page.replace(BLOCK, (_whole, open, _kind, _argument, _body, close) => `${open}${contents[index++]}${close}`);
}

/**
 * @param {string} kind
 * @param {string | undefined} argument
 * @param {string} pageDir
 * @param {BlockSources} sources
 */
async function blockContent(kind, argument, pageDir, sources) {
  if (kind === 'include') {
    if (!argument) throw new Error('<!-- generated:include --> needs a file path');
    return includeBlock(argument, sources.readFile(argument), pageDir);
  }
  if (kind === 'env-table') return envTable(await sources.envVariables());
  throw new Error(`unknown generated block "${kind}"`);
}

/**
 * Near misses of the adapters' environment variables in a page: a name
 * that is not a variable an adapter reads but whose words are a subset or a
 * superset of one that is (`MESSAGING_VERIFY_TOKEN` for
 * `MESSAGING_API_VERIFY_TOKEN`). A variable the page's own code reads under
 * a name of its own (`DESK360_WEBHOOK_SECRET`) is not a near miss.
 * @param {string} page
 * @param {EnvVariables} variables
 * @returns {Array<{ line: number, name: string, meant: string }>}
 */
export function misnamedEnvVariables(page, variables) {
  const known = Object.values(variables).flatMap((options) => Object.values(options).map((source) => (typeof source === 'string' ? source : source.variable)));
  const knownSet = new Set(known);
  /** @param {string} small @param {string} large */
  const within = (small, large) => {
    const words = new Set(large.split('_'));
    return small.split('_').every((word) => words.has(word));
  };
  /** @type {Array<{ line: number, name: string, meant: string }>} */
  const found = [];
  page.split('\n').forEach((text, index) => {
    for (const [name] of text.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)) {
      if (knownSet.has(name)) continue;
      const meant = known.find((variable) => variable.split('_')[0] === name.split('_')[0] && (within(name, variable) || within(variable, name)));
      if (meant !== undefined) found.push({ line: index + 1, name, meant });
    }
  });
  return found;
}
