import type { D360Client } from '../client';
import { createMediaOperations, type D360MediaOperations } from './media';
import { createMessageOperations, type D360MessageOperations } from './messages';
import { createTemplateOperations, type D360TemplateOperations } from './templates';
import { createWebhookOperations, type D360WebhookOperations } from './webhook';

/** 360dialog's own operations, grouped as its reference is. */
export interface D360Operations {
  /** Media: upload, URL, download, delete. */
  readonly media: D360MediaOperations;
  /** Message requests the model has no type for, and mark-read with a typing indicator. */
  readonly messages: D360MessageOperations;
  /** Message templates of the number's account. */
  readonly templates: D360TemplateOperations;
  /** The number's webhook URL and headers. */
  readonly webhook: D360WebhookOperations;
}

/** Builds every vendor operation of one provider. */
export function createOperations(client: D360Client): D360Operations {
  return {
    media: createMediaOperations(client),
    messages: createMessageOperations(client),
    templates: createTemplateOperations(client),
    webhook: createWebhookOperations(client),
  };
}
