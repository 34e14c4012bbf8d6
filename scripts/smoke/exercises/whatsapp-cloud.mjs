// @wamux/whatsapp-cloud: the shared Cloud API wire and mapping. No I/O:
// parse Meta's App Dashboard test payload, sign and verify a body, and map
// a model message to a message request.
import assert from 'node:assert/strict';

const SAMPLE = {
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '0',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '16505551111', phone_number_id: '123456123' },
            contacts: [{ profile: { name: 'test user name' }, wa_id: '16315551181' }],
            messages: [{ from: '16315551181', id: 'ABGGFlA5Fpa', timestamp: '1504902988', type: 'text', text: { body: 'this is a text message' } }],
          },
        },
      ],
    },
  ],
};

export const whatsappCloudExercises = {
  async '@wamux/whatsapp-cloud'({ parseCloudWebhook, signatureFor, verifySignature, toMessageRequest, mediaFromSource }) {
    const [event] = parseCloudWebhook(SAMPLE, { provider: 'smoke' });
    assert.equal(event.type, 'message');
    assert.equal(event.message.from, '+16315551181');
    assert.deepEqual(event.message.content, { type: 'text', text: 'this is a text message' });

    const body = JSON.stringify(SAMPLE);
    const signature = await signatureFor(body, 'smoke-app-secret');
    await verifySignature({ headers: { 'x-hub-signature-256': signature }, body }, 'smoke-app-secret', 'smoke');

    const request = await toMessageRequest({ type: 'text', to: '+16315551181', text: 'pong' }, async (source) => mediaFromSource(source), 'smoke');
    assert.deepEqual(request, { messaging_product: 'whatsapp', recipient_type: 'individual', to: '16315551181', type: 'text', text: { body: 'pong' } });
  },
  // The emulator building blocks cloud-api's and 360dialog's emulators share.
  '@wamux/whatsapp-cloud/emulation'({ createCloudEmulatorState, cloudMessageRoutes, graphErrorResponse }) {
    const state = createCloudEmulatorState([]);
    assert.deepEqual(state.templates, []);
    assert.equal(graphErrorResponse(400, 100).json.error.code, 100);
    assert.equal(cloudMessageRoutes(state, { pattern: '/messages' })[0].method, 'POST');
  },
};
