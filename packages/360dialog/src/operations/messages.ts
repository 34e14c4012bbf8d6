import { cloudMessageOperations, type CloudMessageOperations } from '@wamux/whatsapp-cloud';
import type { D360Client } from '../client';
import { postMessage, postRead } from '../client/messages';
import { D360 } from '../options';

/** 360dialog's messages endpoint (`POST /messages`): what the model has no type for. */
export type D360MessageOperations = CloudMessageOperations;

/** Builds the message operations of one provider. */
export function createMessageOperations(client: D360Client): D360MessageOperations {
  return cloudMessageOperations(D360, client, { postMessage, postRead });
}
