import { parseInput, type CallOptions, type ListOptions, type MediaBytes, type PhoneNumber } from '@wamux/core/adapter';
import type * as v from 'valibot';
import { DESK360 } from '../options';
import type { Desk360Client } from '../client';
import { resolveMedia } from '../client/media';
import { postTemplate, postTemplateBulk, type Desk360MessageSent } from '../client/requests';
import { listDesk360Templates } from '../client/templates';
import type { Desk360Template } from '../map/template';
import { TemplateBulkInputSchema, TemplateSendInputSchema, type TemplateBulkInput, type TemplateSendInput } from './inputs';

/** What a bulk template send answers: the numbers Desk360 accepted. */
export interface Desk360BulkSent {
  phones: PhoneNumber[];
  raw: unknown;
}

/** The WhatsApp Message Templates section of the document. */
export interface Desk360TemplateOperations {
  /** `GET .../conversations/templates`: every template with its translations, page by page. */
  list(options?: ListOptions): AsyncIterable<Desk360Template>;
  /** `POST .../templates/send`: one number; JSON, or multipart when there is an attachment. */
  send(input: TemplateSendInput, options?: CallOptions): Promise<Desk360MessageSent>;
  /** `POST .../templates/send/bulk`: many numbers and/or a CSV file, one parameter set; multipart when there is a file. */
  sendBulk(input: TemplateBulkInput, options?: CallOptions): Promise<Desk360BulkSent>;
}

const check = <TSchema extends v.GenericSchema>(schema: TSchema, input: unknown): v.InferOutput<TSchema> =>
  parseInput(schema, input, { root: 'input', provider: DESK360 });

/** Creates the WhatsApp Message Templates operations. */
export function createTemplateOperations(client: Desk360Client): Desk360TemplateOperations {
  return {
    list: (options = {}) => listDesk360Templates(client, options),
    async send(input, options = {}) {
      const valid = check(TemplateSendInputSchema, input);
      const attachment = valid.attachment ? await resolveMedia(client, valid.attachment, { field: 'input.attachment' }, options) : undefined;
      return postTemplate(client, { ...valid, attachment }, options);
    },
    async sendBulk(input, options = {}) {
      const valid = check(TemplateBulkInputSchema, input);
      const attachment = valid.attachment ? await resolveMedia(client, valid.attachment, { field: 'input.attachment' }, options) : undefined;
      const file = valid.destinationsFile;
      const destinationsFile: MediaBytes | undefined = file
        ? {
            data: typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data,
            filename: file.filename ?? 'destinations.csv',
            mimeType: 'text/csv',
          }
        : undefined;
      return postTemplateBulk(client, { ...valid, attachment, destinationsFile }, options);
    },
  };
}
