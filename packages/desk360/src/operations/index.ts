import type { Desk360Client } from '../client';
import { createIntegrationOperations, type Desk360IntegrationOperations } from './integrations';
import { createMessageOperations, type Desk360MessageOperations } from './messages';
import { createTemplateOperations, type Desk360TemplateOperations } from './templates';

/** Desk360's own operations, grouped as the document's sections are: `desk360.templates.list()`. */
export interface Desk360Operations {
  /** Integrations: the account's WhatsApp numbers. */
  readonly integrations: Desk360IntegrationOperations;
  /** WhatsApp Message Templates: list, send, bulk send. */
  readonly templates: Desk360TemplateOperations;
  /** WhatsApp Messages: every send endpoint, read receipts, media download. */
  readonly messages: Desk360MessageOperations;
}

/** Builds the operations of one provider instance, on its client. */
export function createOperations(client: Desk360Client): Desk360Operations {
  return {
    integrations: createIntegrationOperations(client),
    templates: createTemplateOperations(client),
    messages: createMessageOperations(client),
  };
}
