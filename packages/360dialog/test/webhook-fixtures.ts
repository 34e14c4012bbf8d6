import type { ContractWebhookFixture } from '@wamux/testing';
import { META_WEBHOOK_FIXTURES } from '../../whatsapp-cloud/test/fixtures/meta-webhooks';

/**
 * Meta's documented webhook bodies (see the fixtures' source file): 360dialog
 * posts them unchanged, so they must read the same through this adapter.
 */
export const DOCUMENT_FIXTURES: readonly ContractWebhookFixture[] = META_WEBHOOK_FIXTURES.map((fixture) => ({
  name: fixture.name,
  body: fixture.body,
  events: fixture.events.map((event) => (event.type === 'provider_event' ? { type: event.type, kind: event.kind } : event)),
}));
