import * as v from 'valibot';
import {
  BulkTemplateRequestSchema,
  ConfigurationError,
  commonProviderOptionsEntries,
  isMediaMessage,
  mediaSourceKind,
  OUTBOUND_MESSAGE_TYPES,
  OutboundMessageSchema,
  parseInput,
  parseOptions,
  toValidationIssues,
  ValidationError,
  type OutboundMessage,
} from '@wamux/core/adapter';

const TO = '+905551112233';

/** Parses like `provider.send` does and returns the ValidationError. */
function reject(message: unknown): ValidationError {
  try {
    parseInput(OutboundMessageSchema, message, { root: 'message', provider: 'fake' });
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    // Never echo the input back (it may be a credential).
    expect(validation.message).not.toMatch(/but received/i);
    for (const issue of validation.issues) expect(issue.message).not.toMatch(/but received/i);
    return validation;
  }
  throw new Error('expected a ValidationError');
}

const valid: OutboundMessage[] = [
  { type: 'text', to: TO, text: 'hello', previewUrl: true, replyTo: 'wamid.1' },
  { type: 'image', to: TO, media: { url: 'https://cdn.test/a.jpg' }, caption: 'A' },
  { type: 'video', to: TO, media: { id: 'media-1' } },
  { type: 'audio', to: TO, media: { data: new Uint8Array([1]), filename: 'a.ogg', mimeType: 'audio/ogg' } },
  { type: 'document', to: TO, media: { url: 'https://cdn.test/a.pdf' }, filename: 'a.pdf' },
  { type: 'sticker', to: TO, media: { id: 's1' } },
  { type: 'location', to: TO, latitude: 41.0, longitude: 29.0, name: 'Istanbul' },
  { type: 'contacts', to: TO, contacts: [{ name: { formatted: 'Ada Lovelace' }, phones: [{ phone: '+441234567' }], birthday: '1815-12-10' }] },
  {
    type: 'interactive',
    to: TO,
    interactive: { kind: 'buttons', body: 'Pick', buttons: [{ id: 'y', title: 'Yes' }], header: { type: 'image', media: { url: 'https://cdn.test/h.png' } } },
  },
  {
    type: 'interactive',
    to: TO,
    interactive: { kind: 'list', body: 'Menu', buttonText: 'Open', sections: [{ title: 'S', rows: [{ id: 'r1', title: 'Row' }] }] },
  },
  { type: 'interactive', to: TO, interactive: { kind: 'location_request', body: 'Where are you?' } },
  { type: 'template', to: TO, template: { name: 'welcome', language: 'en', body: ['Ada'] } },
  { type: 'template', to: TO, template: { id: 'tpl-1', language: 'tr', body: { first_name: 'Ada' }, buttons: [{ index: 0, subType: 'url', parameter: 'x' }] } },
  { type: 'template', to: TO, template: { name: 'promo', language: 'en', headerMedia: { type: 'image', media: { id: 'm1' } } } },
  { type: 'reaction', to: TO, messageId: 'wamid.1', emoji: '👍' },
  { type: 'reaction', to: TO, messageId: 'wamid.1', emoji: '' },
];

describe('OutboundMessageSchema via parseInput', () => {
  it.each(valid.map((message) => [`${message.type}${'interactive' in message ? `/${message.interactive.kind}` : ''}`, message] as const))(
    'accepts a valid %s message unchanged',
    (_label, message) => {
      expect(parseInput(OutboundMessageSchema, message, { root: 'message' })).toEqual(message);
    },
  );

  it('covers every outbound type', () => {
    expect(new Set(valid.map((m) => m.type))).toEqual(new Set(OUTBOUND_MESSAGE_TYPES));
  });

  it.each([
    ['905551112233', 'no +'],
    ['+90 555 111 22 33', 'spaces'],
    ['+0905551112233', 'country code 0'],
    ['+12345', 'too short'],
  ])('rejects `to` %p (%s) naming message.to', (to) => {
    const error = reject({ type: 'text', to, text: 'hi' });
    expect(error.field).toBe('message.to');
    expect(error.message).toContain('E.164');
  });

  it('rejects a non-string `to` without echoing it', () => {
    const error = reject({ type: 'text', to: 905551112233, text: 'hi' });
    expect(error.field).toBe('message.to');
    expect(error.message).toBe('message.to: must be a string');
    expect(error.message).not.toContain('905551112233');
  });

  it('rejects empty text', () => {
    const error = reject({ type: 'text', to: TO, text: '' });
    expect(error.field).toBe('message.text');
    expect(error.message).toBe('message.text: must not be empty');
  });

  it('rejects too few buttons, rows and sections, naming the array', () => {
    expect(reject({ type: 'interactive', to: TO, interactive: { kind: 'buttons', body: 'b', buttons: [] } })).toMatchObject({
      field: 'message.interactive.buttons',
      message: 'message.interactive.buttons: must hold at least one button',
    });
    expect(reject({ type: 'interactive', to: TO, interactive: { kind: 'list', body: 'b', buttonText: 'o', sections: [] } }).field).toBe(
      'message.interactive.sections',
    );
    expect(reject({ type: 'interactive', to: TO, interactive: { kind: 'list', body: 'b', buttonText: 'o', sections: [{ rows: [] }] } }).field).toBe(
      'message.interactive.sections.0.rows',
    );
    expect(reject({ type: 'contacts', to: TO, contacts: [] }).message).toBe('message.contacts: must hold at least one contact');
  });

  it('names the exact element of a nested array', () => {
    const error = reject({
      type: 'interactive',
      to: TO,
      interactive: {
        kind: 'buttons',
        body: 'b',
        buttons: [
          { id: 'a', title: 'A' },
          { id: 'b', title: '' },
        ],
      },
    });
    expect(error.field).toBe('message.interactive.buttons.1.title');
  });

  it('rejects unknown extra keys (strict objects) at any depth, naming the key', () => {
    expect(reject({ type: 'text', to: TO, text: 'hi', priority: 'high' }).field).toBe('message.priority');
    expect(reject({ type: 'template', to: TO, template: { name: 'n', language: 'en', namespace: 'x' } }).field).toBe('message.template.namespace');
    expect(reject({ type: 'interactive', to: TO, interactive: { kind: 'buttons', body: 'b', buttons: [{ id: 'a', title: 'A', url: 'x' }] } }).field).toBe(
      'message.interactive.buttons.0.url',
    );
  });

  it('rejects a template with neither a name nor an id', () => {
    const error = reject({ type: 'template', to: TO, template: { language: 'en' } });
    expect(error.field).toBe('message.template');
    expect(error.message).toBe('message.template: needs a name or an id');
  });

  it('rejects a template with an empty name, a missing language and a bad button index', () => {
    expect(reject({ type: 'template', to: TO, template: { name: '', language: 'en' } }).field).toBe('message.template.name');
    expect(reject({ type: 'template', to: TO, template: { name: 'n' } }).field).toBe('message.template.language');
    expect(reject({ type: 'template', to: TO, template: { name: 'n', language: 'en', buttons: [{ index: -1, subType: 'url', parameter: 'p' }] } }).field).toBe(
      'message.template.buttons.0.index',
    );
    expect(reject({ type: 'template', to: TO, template: { name: 'n', language: 'en', body: [1, 2] } }).field).toMatch(/^message\.template\.body/);
  });

  it.each([
    ['a path', { path: '/tmp/a.jpg' }],
    ['an empty object', {}],
    ['a string', 'https://cdn.test/a.jpg'],
    ['url and id together', { url: 'https://cdn.test/a.jpg', id: 'm1' }],
  ])('rejects media given as %s, naming message.media and the three forms', (_label, media) => {
    const error = reject({ type: 'image', to: TO, media });
    expect(error.field).toBe('message.media');
    expect(error.message).toBe('message.media: must be { url }, { id } or { data, filename, mimeType }');
  });

  it('rejects a media URL that is not absolute, a bad MIME type and non-bytes data', () => {
    expect(reject({ type: 'image', to: TO, media: { url: 'a.jpg' } }).field).toMatch(/^message\.media/);
    expect(reject({ type: 'document', to: TO, media: { data: new Uint8Array(1), filename: 'a', mimeType: 'pdf' } }).field).toMatch(/^message\.media/);
    expect(reject({ type: 'audio', to: TO, media: { data: [1, 2], filename: 'a', mimeType: 'audio/ogg' } }).field).toMatch(/^message\.media/);
  });

  it('rejects out-of-range coordinates', () => {
    expect(reject({ type: 'location', to: TO, latitude: 91, longitude: 0 }).field).toBe('message.latitude');
    expect(reject({ type: 'location', to: TO, latitude: 0, longitude: -181 }).field).toBe('message.longitude');
  });

  it('rejects an unknown type and a non-object, without echoing the input', () => {
    const unknownType = reject({ type: 'carousel', to: TO });
    expect(unknownType.field).toBe('message.type');
    expect(unknownType.message).not.toContain('carousel');
    expect(reject('sk_live_secret_value').message).not.toContain('sk_live_secret_value');
    expect(reject(null).field).toBe('message');
  });

  it('never echoes a wrongly typed value, which could be a credential', () => {
    const error = reject({ type: 'text', to: TO, text: 'hi', previewUrl: 'sk_live_abcdef123456' });
    expect(error.field).toBe('message.previewUrl');
    expect(JSON.stringify(error)).not.toContain('sk_live_abcdef123456');
  });

  it('lists every issue and counts the rest in the message', () => {
    const error = reject({ type: 'text', to: 'nope', text: '' });
    expect(error.issues.map((issue) => issue.path)).toEqual(['message.to', 'message.text']);
    expect(error.message).toMatch(/^message\.to: .* \(and 1 more\)$/);
  });

  it('stamps the provider on the error', () => {
    expect(reject({ type: 'text', to: TO, text: '' }).provider).toBe('fake');
  });
});

describe('BulkTemplateRequestSchema', () => {
  it('needs at least one recipient with a valid number', () => {
    const ok = { template: { name: 'n', language: 'en' }, recipients: [{ to: TO, body: ['x'] }] };
    expect(parseInput(BulkTemplateRequestSchema, ok)).toEqual(ok);
    expect(() => parseInput(BulkTemplateRequestSchema, { ...ok, recipients: [] }, { root: 'request' })).toThrow(
      'request.recipients: must hold at least one recipient',
    );
    let error: unknown;
    try {
      parseInput(BulkTemplateRequestSchema, { ...ok, recipients: [{ to: TO }, { to: '123' }] }, { root: 'request' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ field: 'request.recipients.1.to' });
  });
});

describe('toValidationIssues', () => {
  it('joins the root and the dotted path, or says (root)', () => {
    const result = v.safeParse(v.object({ a: v.object({ b: v.string() }) }), { a: { b: 1 } });
    expect(result.success).toBe(false);
    expect(toValidationIssues(result.issues ?? [], 'input')).toEqual([{ path: 'input.a.b', message: 'Invalid type: Expected string' }]);
    expect(toValidationIssues(result.issues ?? [])[0]?.path).toBe('a.b');
    const top = v.safeParse(v.string(), 1);
    expect(toValidationIssues(top.issues ?? [])).toEqual([{ path: '(root)', message: 'Invalid type: Expected string' }]);
    expect(toValidationIssues(top.issues ?? [], 'value')[0]?.path).toBe('value');
  });

  it('strips a multi-line "but received" tail', () => {
    const issues = toValidationIssues([
      { message: 'Invalid length: Expected 3, but received "line1\nline2"', path: undefined } as unknown as v.BaseIssue<unknown>,
    ]);
    expect(issues[0]?.message).toBe('Invalid length: Expected 3');
  });
});

describe('parseOptions', () => {
  const schema = v.object({ apiKey: v.pipe(v.string(), v.nonEmpty('must not be empty')), ...commonProviderOptionsEntries });

  it('returns the parsed options', () => {
    expect(parseOptions(schema, { apiKey: 'k', timeout: 5000, retry: false, rateLimit: { requests: 10, interval: 1000 } }, 'fake')).toEqual({
      apiKey: 'k',
      timeout: 5000,
      retry: false,
      rateLimit: { requests: 10, interval: 1000 },
    });
  });

  it('throws a ConfigurationError naming the option, without echoing its value', () => {
    const error = (() => {
      try {
        parseOptions(schema, { apiKey: 'k', rateLimit: { requests: 0, interval: 1000 } }, 'fake');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ field: 'rateLimit.requests', provider: 'fake', code: 'configuration_invalid' });
    expect(() => parseOptions(schema, { apiKey: '' }, 'fake')).toThrow('apiKey: must not be empty');
    expect(() => parseOptions(schema, { apiKey: 'k', timeout: 0 }, 'fake')).toThrow('timeout: must be at least 1 ms');
    expect(() => parseOptions(schema, { apiKey: 'k', fetch: 'nope' }, 'fake')).toThrow('fetch: must be a fetch function');
    let leaked: unknown;
    try {
      parseOptions(schema, { apiKey: 12345678 }, 'fake');
    } catch (e) {
      leaked = e;
    }
    expect(JSON.stringify(leaked)).not.toContain('12345678');
  });
});

describe('media helpers', () => {
  it('mediaSourceKind names the form', () => {
    expect(mediaSourceKind({ url: 'https://x/a' })).toBe('url');
    expect(mediaSourceKind({ id: 'm' })).toBe('id');
    expect(mediaSourceKind({ data: new Uint8Array(), filename: 'a', mimeType: 'a/b' })).toBe('data');
  });

  it('isMediaMessage is true exactly for the five media types', () => {
    const media = valid.filter(isMediaMessage).map((m) => m.type);
    expect(new Set(media)).toEqual(new Set(['image', 'video', 'audio', 'document', 'sticker']));
  });
});
