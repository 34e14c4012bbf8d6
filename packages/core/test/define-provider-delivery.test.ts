// Every error `send` throws says whether the message may have been
// delivered: refusals before I/O are not_sent, a driver's error keeps the
// outcome the HTTP path gave it, and one without any is unknown.
import {
  defineProvider,
  deliveryOf,
  ProviderServerError,
  RateLimitError,
  UnsupportedFeatureError,
  ValidationError,
  type ProviderDriver,
} from '@wamux/core/adapter';
import { ALL_CAPABILITIES, minimalDriver } from './support';

const TO = '+905551112233';

async function thrown(call: () => Promise<unknown>): Promise<unknown> {
  return call().then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

function failingWith(error: unknown) {
  const send = jest.fn(async () => {
    throw error;
  });
  return { provider: defineProvider(minimalDriver({ send })), send };
}

describe('send: delivery of every error', () => {
  it('an invalid message is refused before the driver: ValidationError, not_sent', async () => {
    const { provider, send } = failingWith(new Error('unused'));
    const error = await thrown(() => provider.send({ type: 'text', to: 'not-a-phone', text: 'hi' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(deliveryOf(error)).toBe('not_sent');
    expect((error as ValidationError).delivery).toBe('not_sent');
    expect(send).not.toHaveBeenCalled();
  });

  it('an unsupported message type is refused before the driver: not_sent', async () => {
    const { provider, send } = failingWith(new Error('unused'));
    const error = await thrown(() => provider.send({ type: 'location', to: TO, latitude: 1, longitude: 2 }));
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
    expect((error as UnsupportedFeatureError).delivery).toBe('not_sent');
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps the outcome the driver (the HTTP path) gave', async () => {
    const limited = new RateLimitError('slow', { delivery: 'not_sent' });
    expect(await thrown(() => failingWith(limited).provider.send({ type: 'text', to: TO, text: 'hi' }))).toMatchObject({ delivery: 'not_sent' });
    const open = new ProviderServerError('boom', { delivery: 'unknown' });
    expect(await thrown(() => failingWith(open).provider.send({ type: 'text', to: TO, text: 'hi' }))).toMatchObject({ delivery: 'unknown' });
  });

  it('a wamux error without an outcome becomes unknown, same object', async () => {
    const bare = new ProviderServerError('the answer had no id');
    expect(bare.delivery).toBeUndefined();
    const error = await thrown(() => failingWith(bare).provider.send({ type: 'text', to: TO, text: 'hi' }));
    expect(error).toBe(bare);
    expect(bare.delivery).toBe('unknown');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ delivery: 'unknown' });
  });

  it('a plain Error from a driver bug keeps its identity and gets unknown', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    const error = await thrown(() => failingWith(bug).provider.send({ type: 'text', to: TO, text: 'hi' }));
    expect(error).toBe(bug);
    expect(deliveryOf(error)).toBe('unknown');
    expect((error as { delivery?: string }).delivery).toBe('unknown');
  });

  it('a thrown non-object becomes an Error with unknown', async () => {
    const error = await thrown(() => failingWith('a string').provider.send({ type: 'text', to: TO, text: 'hi' }));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('a string');
    expect(deliveryOf(error)).toBe('unknown');
  });

  it('sendTemplateBulk follows the same policy', async () => {
    const sendTemplateBulk = jest.fn(async () => {
      throw new Error('lost');
    });
    const driver: ProviderDriver = { ...minimalDriver(), capabilities: { ...ALL_CAPABILITIES, features: ['templates.bulkSend'] }, sendTemplateBulk };
    const provider = defineProvider(driver);
    const error = await thrown(() => provider.sendTemplateBulk({ template: { name: 't', language: 'en' }, recipients: [{ to: TO }] }));
    expect(deliveryOf(error)).toBe('unknown');
    const invalid = await thrown(() => provider.sendTemplateBulk({ template: { name: 't', language: 'en' }, recipients: [{ to: 'nope' }] }));
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(deliveryOf(invalid)).toBe('not_sent');
  });
});

describe('deliveryOf', () => {
  it('reads the field, and says unknown for anything without a valid one', () => {
    expect(deliveryOf(new RateLimitError('x'))).toBe('not_sent');
    expect(deliveryOf({ delivery: 'not_sent' })).toBe('not_sent');
    expect(deliveryOf({ delivery: 'maybe' })).toBe('unknown');
    expect(deliveryOf(new Error('x'))).toBe('unknown');
    expect(deliveryOf(undefined)).toBe('unknown');
    expect(deliveryOf('not_sent')).toBe('unknown');
  });
});
