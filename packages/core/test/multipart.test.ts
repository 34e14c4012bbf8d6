import { toFormData } from '@wamux/core/adapter';

describe('toFormData', () => {
  it('writes scalars as strings and skips null and undefined', () => {
    const form = toFormData({ to: '905551112233', count: 3, urgent: false, none: null, missing: undefined });
    expect([...form.entries()]).toEqual([
      ['to', '905551112233'],
      ['count', '3'],
      ['urgent', 'false'],
    ]);
  });

  it('spells arrays and nested objects as a[0][b]', () => {
    const form = toFormData({
      template: { name: 'welcome', params: ['Ada', 'Lovelace'] },
      buttons: [{ id: 'b1', meta: { x: 1 } }, { id: 'b2' }],
    });
    expect([...form.entries()]).toEqual([
      ['template[name]', 'welcome'],
      ['template[params][0]', 'Ada'],
      ['template[params][1]', 'Lovelace'],
      ['buttons[0][id]', 'b1'],
      ['buttons[0][meta][x]', '1'],
      ['buttons[1][id]', 'b2'],
    ]);
  });

  it('appends files with their name, type and bytes, also when nested', async () => {
    const data = new TextEncoder().encode('%PDF-1.7 hello');
    const form = toFormData({
      file: { data, filename: 'a.pdf', mimeType: 'application/pdf' },
      attachments: [{ data: new Uint8Array([1, 2, 3]), filename: 'b.bin', mimeType: 'application/octet-stream' }],
    });
    const file = form.get('file') as File;
    expect(file).toBeInstanceOf(Blob);
    expect(file.name).toBe('a.pdf');
    expect(file.type).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(data);
    const nested = form.get('attachments[0]') as File;
    expect(nested.name).toBe('b.bin');
    expect(new Uint8Array(await nested.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('accepts a Buffer as file data', async () => {
    const form = toFormData({ media: { data: Buffer.from('abc'), filename: 'x.txt', mimeType: 'text/plain' } });
    const file = form.get('media') as File;
    expect(await file.text()).toBe('abc');
  });
});
