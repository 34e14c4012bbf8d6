// VitePress config of the wamux docs. Build with `node scripts/docs/build.mjs`
// (it regenerates docs/capabilities.md and docs/api/ first, type-checks the
// code samples, and fails on any warning or dead link).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitepress';
import { apiItems, guide, missingPages } from './sidebar.mts';

const docs = fileURLToPath(new URL('..', import.meta.url));
const api = apiItems(docs);
const sidebar = [...guide, { text: 'API reference', collapsed: true, items: [{ text: 'Overview', link: '/api/' }, ...api] }];

// VitePress checks links in pages, not in the sidebar: check those here.
// build.mjs fails on this warning.
for (const link of missingPages(docs, sidebar)) console.warn(`[wamux docs] warning: the sidebar links to a missing page: ${link}`);

export default defineConfig({
  title: 'wamux',
  description: 'One WhatsApp interface in front of many WhatsApp providers.',
  cleanUrls: true,
  lastUpdated: false,
  // A link to a missing page fails the build.
  ignoreDeadLinks: false,
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/getting-started' },
      { text: 'Providers', link: '/capabilities' },
      { text: 'Recipes', link: '/recipes' },
      { text: 'API', link: '/api/' },
    ],
    sidebar,
    outline: [2, 3],
    search: { provider: 'local' },
  },
  vite: {
    // The local search index (every page, the API reference included) is one
    // chunk of about 1 MB, loaded only when the search box opens; the pages
    // themselves stay small (one API page per member).
    build: { chunkSizeWarningLimit: 2048 },
  },
});
