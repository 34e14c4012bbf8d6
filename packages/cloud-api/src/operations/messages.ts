import { cloudMessageOperations, type CloudMessageOperations } from '@wamux/whatsapp-cloud';
import type { CloudApiClient } from '../client';
import { postMessage, postRead } from '../client/messages';
import { CLOUD_API } from '../options';

/** The Messages section of the Cloud API reference (`POST /{phone-number-id}/messages`): what the model has no type for. */
export type CloudApiMessageOperations = CloudMessageOperations;

/** Builds the message operations of one provider. */
export function createMessageOperations(client: CloudApiClient): CloudApiMessageOperations {
  return cloudMessageOperations(CLOUD_API, client, { postMessage, postRead });
}
