import type { TemplateSeed } from '@wamux/emulator';

/** The template the built-in emulators are seeded with (the demo sends it). */
export const SAMPLE_TEMPLATE: TemplateSeed = {
  id: 'tpl_order_update',
  name: 'order_update',
  language: 'en',
  category: 'UTILITY',
  body: 'Hello {{1}}, your order {{2}} is on its way',
};

/** The customer the demo and local samples talk to. */
export const SAMPLE_CUSTOMER = '+905551112233';
