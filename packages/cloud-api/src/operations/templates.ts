import { cloudTemplateOperations, type CloudTemplateOperations } from '@wamux/whatsapp-cloud';
import type { CloudApiClient } from '../client';
import { listGraphTemplates } from '../client/templates';

/** The Templates section of the Graph API (`GET /{waba-id}/message_templates`): needs `businessAccountId`. */
export type CloudApiTemplateOperations = CloudTemplateOperations;

/** Builds the template operations of one provider. */
export function createTemplateOperations(client: CloudApiClient): CloudApiTemplateOperations {
  return cloudTemplateOperations((options) => listGraphTemplates(client, options));
}
