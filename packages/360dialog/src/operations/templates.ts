import { cloudTemplateOperations, type CloudTemplateOperations } from '@wamux/whatsapp-cloud';
import type { D360Client } from '../client';
import { listD360Templates } from '../client/templates';

/** 360dialog's template endpoint (`/v1/configs/templates`): Graph's shape, 360dialog's offset paging. */
export type D360TemplateOperations = CloudTemplateOperations;

/** Builds the template operations of one provider. */
export function createTemplateOperations(client: D360Client): D360TemplateOperations {
  return cloudTemplateOperations((options) => listD360Templates(client, options));
}
