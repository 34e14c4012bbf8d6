import nock from 'nock';
import { ValidationError } from '@wamux/core';
import { BASE, collect, TOKEN, testOperations } from './helpers';
import { useNock } from '../../../../test-support/use-nock';

useNock();

const api = () => nock(BASE, { reqheaders: { authorization: `Token ${TOKEN}` } });

describe('saved responses', () => {
  it('listSavedResponses: GET /saved_responses/?text=', async () => {
    api()
      .get('/saved_responses/')
      .query({ text: 'hello' })
      .reply(200, { count: 1, next: null, previous: null, results: [{ id: 1, text: 'hello there', created_by: 2, timestamp: 1634833334 }] });
    expect(await collect(testOperations().savedResponses.list({ text: 'hello' }))).toEqual([
      { id: 1, text: 'hello there', createdBy: 2, createdAt: new Date(1634833334000) },
    ]);
  });

  it('createSavedResponse: POST /saved_responses/ {text} (created_by as the document types it: a string)', async () => {
    api().post('/saved_responses/', { text: 'Thanks!' }).reply(201, { id: 0, text: 'Thanks!', created_by: 'string', timestamp: 0 });
    expect(await testOperations().savedResponses.create('Thanks!')).toEqual({ id: 0, text: 'Thanks!', createdBy: 'string', createdAt: new Date(0) });
  });

  it('deleteSavedResponse: DELETE /saved_responses/{id}/', async () => {
    api().delete('/saved_responses/3/').reply(204);
    await testOperations().savedResponses.delete(3);
    expect(nock.isDone()).toBe(true);
  });
});

describe('templates', () => {
  const components = [
    { type: 'HEADER', format: 'TEXT', text: 'Order' },
    { type: 'BODY', text: 'Hello {{1}}, your order {{2}} is on its way', example: { body_text: [['Ada', '#1001']] } },
  ] as const;

  it('listTemplates: GET /templates/ → vendor templates', async () => {
    api()
      .get('/templates/')
      .reply(200, {
        count: 1,
        next: null,
        previous: null,
        results: [{ name: 'order_update', category: 'UTILITY', language: 'en', components, namespace: 'ns', rejected_reason: null, status: 'approved' }],
      });
    expect(await collect(testOperations().templates.list())).toEqual([
      { id: undefined, name: 'order_update', category: 'UTILITY', language: 'en', components, namespace: 'ns', status: 'approved', rejectedReason: undefined },
    ]);
  });

  it("createTemplate: POST /templates/ with Meta's component format, as given", async () => {
    const body = { name: 'order_update', category: 'SHIPPING_UPDATE' as const, language: 'en_US', components };
    api()
      .post('/templates/', body)
      .reply(201, { ...body, namespace: 'ns', rejected_reason: 'string', status: 'submitted' });
    const created = await testOperations().templates.create({ ...body, components: [...components] });
    expect(created).toMatchObject({ name: 'order_update', status: 'submitted', rejectedReason: 'string' });
  });

  it('validates a new template: name, category, exactly one BODY', async () => {
    const ok = { name: 'order_update', category: 'UTILITY' as const, language: 'en', components: [{ type: 'BODY' as const, text: 'x' }] };
    await expect(testOperations().templates.create({ ...ok, name: 'Order Update' })).rejects.toMatchObject({ field: 'template.name' });
    await expect(testOperations().templates.create({ ...ok, category: 'NEWSLETTER' as 'UTILITY' })).rejects.toMatchObject({ field: 'template.category' });
    await expect(testOperations().templates.create({ ...ok, components: [{ type: 'HEADER' }] })).rejects.toBeInstanceOf(ValidationError);
  });

  it('destroyTemplate: DELETE /templates/{name}/', async () => {
    api().delete('/templates/order_update/').reply(204);
    await testOperations().templates.destroy('order_update');
    expect(nock.isDone()).toBe(true);
  });

  it('issueTemplateRefreshRequest and checkTemplateRefreshStatus: /templates/refresh/issue|status/', async () => {
    api().post('/templates/refresh/issue/', {}).reply(200, {});
    api().get('/templates/refresh/status/').reply(200, { currently_refreshing: true });
    await testOperations().templates.refresh();
    expect(await testOperations().templates.refreshStatus()).toEqual({ currentlyRefreshing: true });
  });
});
