import type { TemplateSeed } from './types';

/**
 * The templates an emulator starts with when run standalone (`wamux
 * emulate`, the demo, an app's tests): a send of `order_update` by name then
 * works without seeding. `seedTemplates` replaces them.
 */
export const SAMPLE_TEMPLATES: readonly TemplateSeed[] = [
  {
    id: 'tpl_order_update',
    name: 'order_update',
    language: 'en',
    category: 'UTILITY',
    body: 'Hello {{1}}, your order {{2}} is on its way',
  },
];
