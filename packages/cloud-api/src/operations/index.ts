import type { CloudApiClient } from '../client';
import { createMediaOperations, type CloudApiMediaOperations } from './media';
import { createMessageOperations, type CloudApiMessageOperations } from './messages';
import { createTemplateOperations, type CloudApiTemplateOperations } from './templates';

/** The Cloud API's own operations, grouped as Meta's reference is. */
export interface CloudApiOperations {
  /** Media: upload, URL, download, delete. */
  readonly media: CloudApiMediaOperations;
  /** Message requests the model has no type for, and mark-read with a typing indicator. */
  readonly messages: CloudApiMessageOperations;
  /** Message templates of the business account. */
  readonly templates: CloudApiTemplateOperations;
}

/** Builds every vendor operation of one provider. */
export function createOperations(client: CloudApiClient): CloudApiOperations {
  return { media: createMediaOperations(client), messages: createMessageOperations(client), templates: createTemplateOperations(client) };
}
