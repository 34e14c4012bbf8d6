// The docs check fails CI on what GitHub would render wrong: a dead
// relative link or anchor, or VitePress-only syntax shown as raw text.
import { join } from 'node:path';
import { anchorsOf, checkFile, githubSlug, linksOf } from '../lib/links.mjs';

const ROOT = '/repo';

/** Runs `checkFile` on in-memory files (paths relative to ROOT). */
function check(file: string, files: Record<string, string>, dirs: readonly string[] = []) {
  const read = (path: string) => {
    const text = files[path.slice(ROOT.length + 1)];
    if (text === undefined) throw new Error(`no such file ${path}`);
    return text;
  };
  const exists = (path: string) => path.slice(ROOT.length + 1) in files || dirs.includes(path.slice(ROOT.length + 1));
  return checkFile(join(ROOT, file), ROOT, { read, exists }).map(({ line, message }) => `${line}: ${message}`);
}

describe('GitHub anchors', () => {
  it.each([
    ['node:http', 'nodehttp'],
    ['Next.js App Router', 'nextjs-app-router'],
    ['get.chat operations', 'getchat-operations'],
    ['`createProvider(config)`', 'createproviderconfig'],
    ['Swapping providers through config', 'swapping-providers-through-config'],
    ['Çağrı merkezi', 'çağrı-merkezi'],
  ])('"%s" → #%s', (heading, slug) => {
    expect(githubSlug(heading.replace(/`/g, ''))).toBe(slug);
  });

  it('numbers repeated headings and ignores headings inside code fences', () => {
    const anchors = anchorsOf(['# Setup', '## Setup', '```md', '## Inside', '```', '<a id="custom"></a>'].join('\n'));
    expect([...anchors].sort()).toEqual(['custom', 'setup', 'setup-1']);
  });
});

describe('links of a page', () => {
  it('reads inline links, images and reference definitions, not code', () => {
    const page = ['See [a](a.md#x) and ![img](img.png "title").', '`[not](code.md)`', '```', '[not](fenced.md)', '```', '[ref]: other.md'].join('\n');
    expect(linksOf(page)).toEqual([
      { line: 1, target: 'a.md#x' },
      { line: 1, target: 'img.png' },
      { line: 6, target: 'other.md' },
    ]);
  });
});

describe('checking a page', () => {
  it('accepts links to files, directories and anchors that exist, and external links', () => {
    const files = {
      'docs/a.md': '# A\n\n[b](b.md#second-part) [self](#a) [dir](../examples) [root](/README.md) [web](https://example.com/x.md#nope) [mail](mailto:a@b.c)',
      'docs/b.md': '# B\n\n## Second part\n',
      'README.md': '# Readme',
    };
    expect(check('docs/a.md', files, ['examples'])).toEqual([]);
  });

  it('reports a dead file link, with its line', () => {
    expect(check('docs/a.md', { 'docs/a.md': '# A\n\nsee [the API](api/index.md)' })).toEqual([
      '3: dead link "api/index.md": docs/api/index.md does not exist',
    ]);
  });

  it('reports a dead anchor, in the page itself and in another page', () => {
    const files = { 'docs/a.md': '# A\n\n## node:http\n\n[x](#node-http) [y](b.md#missing) [z](#nodehttp)', 'docs/b.md': '# B' };
    expect(check('docs/a.md', files)).toEqual([
      expect.stringMatching(/^5: dead anchor "#node-http"/),
      expect.stringMatching(/^5: dead anchor "b\.md#missing"/),
    ]);
  });

  it('reports VitePress-only syntax that GitHub shows as raw text', () => {
    const page = ['# A', '<<< @/../examples/app.ts', '::: tip', 'x', ':::', '## Title {#custom}', '```md', '<<< inside a fence is an example', '```'].join(
      '\n',
    );
    expect(check('docs/a.md', { 'docs/a.md': page })).toEqual([
      expect.stringMatching(/^2: VitePress include/),
      expect.stringMatching(/^3: VitePress container/),
      expect.stringMatching(/^5: VitePress container/),
      expect.stringMatching(/^6: a "\{#id\}" heading anchor/),
    ]);
  });
});

describe('pages of the docs site', () => {
  it('may not link to a markdown file outside the site, which VitePress reports as a dead link', () => {
    const files = {
      'docs/a.md': '# A\n\n[bench](../bench/README.md) [code](../examples/app.ts) [page](b.md)',
      'docs/b.md': '# B',
      'bench/README.md': '# Bench',
      'examples/app.ts': '',
    };
    const problems = checkFile(join(ROOT, 'docs/a.md'), ROOT, {
      read: (path) => files[path.slice(ROOT.length + 1) as keyof typeof files],
      exists: (path) => path.slice(ROOT.length + 1) in files,
      siteDir: join(ROOT, 'docs'),
    });
    expect(problems.map(({ line, message }) => `${line}: ${message.split(':')[0]}`)).toEqual(['3: link "../bench/README.md" leaves the docs site (docs/)']);
  });
});
