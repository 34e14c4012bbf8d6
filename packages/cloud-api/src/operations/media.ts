import { cloudMediaOperations, type CloudMediaOperations } from '@wamux/whatsapp-cloud';
import type { CloudApiClient } from '../client';
import { deleteMedia, downloadMedia, mediaUrl, uploadMedia } from '../client/media';
import { CLOUD_API } from '../options';

/** The Media section of the Cloud API reference: `POST /{phone-number-id}/media`, `GET` and `DELETE /{media-id}`, downloads with the access token. */
export type CloudApiMediaOperations = CloudMediaOperations;

/** Builds the media operations of one provider. */
export function createMediaOperations(client: CloudApiClient): CloudApiMediaOperations {
  return cloudMediaOperations(CLOUD_API, client, { uploadMedia, mediaUrl, downloadMedia, deleteMedia });
}
