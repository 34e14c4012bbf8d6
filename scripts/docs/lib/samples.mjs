// Finds the TypeScript code samples of the docs' markdown files.

/** A fenced ```ts block of a markdown file. */
/**
 * @typedef {object} Sample
 * @property {string} file  The markdown file, relative to the repository root.
 * @property {number} line  The 1-based line of the opening fence.
 * @property {string} code
 * @property {boolean} skipped  Marked as not to be type-checked.
 * @property {boolean} commonjs  Marked `commonjs`: checked as a CommonJS module (a `.cts` file), what a fresh `npm init` project runs.
 */

/** Fence languages that are type-checked. */
const CHECKED = new Set(['ts', 'typescript', 'mts']);
/** `\`\`\`ts no-check`: a sample that is not type-checked (a fragment, pseudo-code). */
export const NO_CHECK_META = 'no-check';
/** The same, as an HTML comment on the line before the fence (invisible in every renderer). */
export const NO_CHECK_COMMENT = '<!-- docs:no-check -->';
/** `\`\`\`ts commonjs`: a sample written for a CommonJS project (no top-level `await`). */
export const COMMONJS_META = 'commonjs';

/**
 * The TypeScript samples of one markdown text.
 * @param {string} file
 * @param {string} text
 * @returns {Sample[]}
 */
export function extractSamples(file, text) {
  const lines = text.split('\n');
  /** @type {Sample[]} */
  const samples = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '```', lang = '', meta = ''] = open;
    const start = i;
    const body = [];
    for (i += 1; i < lines.length; i += 1) {
      const line = lines[i] ?? '';
      if (line.trimStart().startsWith(fence) && line.trim().replaceAll(fence[0] ?? '`', '') === '') break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    if (!CHECKED.has(lang.toLowerCase())) continue;
    const previous =
      lines
        .slice(0, start)
        .reverse()
        .find((line) => line.trim() !== '') ?? '';
    const words = meta.split(/\s+/);
    const skipped = words.includes(NO_CHECK_META) || previous.trim() === NO_CHECK_COMMENT;
    samples.push({ file, line: start + 1, code: body.join('\n'), skipped, commonjs: words.includes(COMMONJS_META) });
  }
  return samples;
}
