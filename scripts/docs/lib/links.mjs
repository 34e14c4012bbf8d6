// Relative links and anchors of markdown files, checked the way GitHub
// renders them (where most people read these pages), and the VitePress-only
// syntax GitHub would show as raw text.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * The anchor GitHub gives a heading: lower case, markup removed, every
 * character but letters, digits, `_`, `-` and spaces dropped, spaces become
 * `-`. (github-slugger's rule; duplicates are numbered by {@link anchorsOf}.)
 * @param {string} heading the heading's markdown text
 * @returns {string}
 */
export function githubSlug(heading) {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](url) → text
    .replace(/<[^>]+>/g, '') // inline HTML tags
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/**
 * The lines of `markdown` outside fenced code blocks, with their 1-based
 * line numbers; inline code spans are blanked out.
 * @param {string} markdown
 * @returns {Array<{ line: number, text: string }>}
 */
export function proseLines(markdown) {
  /** @type {Array<{ line: number, text: string }>} */
  const lines = [];
  /** @type {string | undefined} */
  let fence;
  markdown.split(/\r?\n/).forEach((text, index) => {
    const opening = /^\s*(`{3,}|~{3,})/.exec(text);
    if (fence !== undefined) {
      if (opening && opening[1]?.[0] === fence[0] && (opening[1]?.length ?? 0) >= fence.length && text.trim() === opening[1]) fence = undefined;
      return;
    }
    if (opening) {
      fence = opening[1];
      return;
    }
    lines.push({ line: index + 1, text: text.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length)) });
  });
  return lines;
}

/** An ATX heading: `## Text`, optional closing hashes. */
const HEADING = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;

/**
 * Every anchor a page offers: its headings' GitHub anchors (a repeated
 * heading gets `-1`, `-2`...) and explicit `<a id>` / `<a name>` targets.
 * @param {string} markdown
 * @returns {Set<string>}
 */
export function anchorsOf(markdown) {
  const anchors = new Set();
  /** @type {Map<string, number>} */
  const seen = new Map();
  // Headings are read with their code spans (a code span's text is part of the anchor).
  const raw = markdown.split(/\r?\n/);
  for (const { line, text } of proseLines(markdown)) {
    const heading = HEADING.exec(raw[line - 1] ?? '');
    if (heading) {
      const slug = githubSlug((heading[1] ?? '').replace(/`/g, ''));
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const match of text.matchAll(/<a\s[^>]*\b(?:id|name)=["']([^"']+)["']/g)) anchors.add(match[1]);
  }
  return anchors;
}

/**
 * The link targets of a page, outside code: inline links and images
 * `[text](target "title")`, autolinks `<target>` are left out (always
 * absolute), reference definitions `[id]: target`.
 * @param {string} markdown
 * @returns {Array<{ line: number, target: string }>}
 */
export function linksOf(markdown) {
  /** @type {Array<{ line: number, target: string }>} */
  const links = [];
  for (const { line, text } of proseLines(markdown)) {
    for (const match of text.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^)]*)?\)/g)) links.push({ line, target: match[1] ?? '' });
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(text);
    if (definition) links.push({ line, target: definition[1] ?? '' });
    for (const match of text.matchAll(/<(?:a|img)\s[^>]*\b(?:href|src)=["']([^"']+)["']/g)) links.push({ line, target: match[1] ?? '' });
  }
  return links;
}

/**
 * VitePress-only syntax, shown as raw text on GitHub: `<<<` includes,
 * `:::` containers, `[[toc]]`, `{#id}` heading anchors.
 * @param {string} markdown
 * @returns {Array<{ line: number, message: string }>}
 */
export function vitepressOnlySyntax(markdown) {
  /** @type {Array<{ line: number, message: string }>} */
  const found = [];
  for (const { line, text } of proseLines(markdown)) {
    if (/^\s*<<<\s/.test(text))
      found.push({
        line,
        message: `VitePress include "${text.trim()}" shows no code on GitHub: generate the code into the page (scripts/docs/generate.mjs) or link to the file`,
      });
    else if (/^\s*:::/.test(text)) found.push({ line, message: 'VitePress container (":::") renders as plain text on GitHub' });
    else if (/\[\[toc\]\]/i.test(text)) found.push({ line, message: 'VitePress "[[toc]]" renders as plain text on GitHub' });
    else if (/^ {0,3}#{1,6}\s.*\{#[^}]+\}\s*$/.test(text))
      found.push({ line, message: 'a "{#id}" heading anchor is VitePress-only: GitHub shows it and ignores it' });
  }
  return found;
}

/**
 * Whether `path` is `dir` or inside it.
 * @param {string} path
 * @param {string} dir
 */
function isInside(path, dir) {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Link targets that leave the repository: a URL scheme (`https:`, `mailto:`) or protocol-relative `//`. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * The problems of one markdown file: dead relative links, dead anchors
 * (in the file itself or in a linked markdown file) and VitePress-only
 * syntax. Paths in messages are relative to `root`.
 * @param {string} file absolute path of the markdown file
 * @param {string} root the repository root (a link starting with `/` is resolved from it)
 * @param {{ read?: (file: string) => string, exists?: (path: string) => boolean, siteDir?: string }} [io]
 *   how to read a file and whether a path (file or directory) is part of the
 *   repository; default: the disk. A generated, git-ignored file is not on
 *   GitHub: pass an `exists` that says so. `siteDir`: the docs site's source
 *   directory, whose pages may not link to a markdown file outside it (the
 *   site has no such page: VitePress fails the build on it).
 * @returns {Array<{ file: string, line: number, message: string }>}
 */
export function checkFile(file, root, io = {}) {
  const read = io.read ?? ((path) => readFileSync(path, 'utf8'));
  const exists = io.exists ?? existsSync;
  const markdown = read(file);
  const name = relative(root, file);
  /** @type {Map<string, Set<string>>} */
  const anchorCache = new Map();
  /** @param {string} path */
  const anchorsIn = (path) => {
    let anchors = anchorCache.get(path);
    if (!anchors) {
      anchors = anchorsOf(read(path));
      anchorCache.set(path, anchors);
    }
    return anchors;
  };
  const problems = vitepressOnlySyntax(markdown).map(({ line, message }) => ({ file: name, line, message }));
  for (const { line, target } of linksOf(markdown)) {
    if (target === '' || EXTERNAL.test(target)) continue;
    const hashAt = target.indexOf('#');
    const pathPart = decodeURIComponent(hashAt === -1 ? target : target.slice(0, hashAt)).replace(/\?.*$/, '');
    const anchor = hashAt === -1 ? undefined : decodeURIComponent(target.slice(hashAt + 1));
    const resolved = pathPart === '' ? file : pathPart.startsWith('/') ? join(root, pathPart) : resolve(dirname(file), pathPart);
    if (!exists(resolved)) {
      problems.push({ file: name, line, message: `dead link "${target}": ${relative(root, resolved)} does not exist` });
      continue;
    }
    const isMarkdown = extname(resolved).toLowerCase() === '.md';
    if (io.siteDir !== undefined && isMarkdown && isInside(file, io.siteDir) && !isInside(resolved, io.siteDir)) {
      problems.push({
        file: name,
        line,
        message: `link "${target}" leaves the docs site (${relative(root, io.siteDir)}/): the site has no such page; name the file as \`code\` instead, or link to a page of the site`,
      });
      continue;
    }
    if (anchor === undefined || anchor === '' || extname(resolved).toLowerCase() !== '.md') continue;
    if (!anchorsIn(resolved).has(anchor)) {
      problems.push({
        file: name,
        line,
        message: `dead anchor "${target}": ${relative(root, resolved)} has no heading with the anchor "#${anchor}" (as GitHub makes them)`,
      });
    }
  }
  return problems;
}
