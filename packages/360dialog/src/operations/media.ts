import { cloudMediaOperations, type CloudMediaOperations } from '@wamux/whatsapp-cloud';
import type { D360Client } from '../client';
import { deleteMedia, downloadMedia, mediaUrl, uploadMedia } from '../client/media';
import { D360 } from '../options';

/** 360dialog's media endpoints (the Cloud API's through its host: `POST /media`, `GET` and `DELETE /{media-id}`, downloads with the API key). */
export type D360MediaOperations = CloudMediaOperations;

/** Builds the media operations of one provider. */
export function createMediaOperations(client: D360Client): D360MediaOperations {
  return cloudMediaOperations(D360, client, { uploadMedia, mediaUrl, downloadMedia, deleteMedia });
}
