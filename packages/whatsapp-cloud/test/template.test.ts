import { GraphTemplateSchema, templateFromGraph } from '@wamux/whatsapp-cloud';
import * as v from 'valibot';

describe('Graph template -> Template', () => {
  it('reads components, buttons and variables (a template as GET /{waba-id}/message_templates lists it)', () => {
    const raw = {
      name: 'seasonal_promotion',
      language: 'en_US',
      status: 'APPROVED',
      category: 'MARKETING',
      id: '546151681022936',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Our {{1}} is on!', example: { header_text: ['Summer Sale'] } },
        { type: 'BODY', text: 'Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.' },
        { type: 'FOOTER', text: 'Use the buttons below to manage your marketing subscriptions' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: 'Unsubscribe from Promos' },
            { type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}' },
            { type: 'PHONE_NUMBER', text: 'Call', phone_number: '15550051310' },
          ],
        },
      ],
    };
    const template = templateFromGraph(v.parse(GraphTemplateSchema, raw), raw);
    expect(template).toMatchObject({
      id: '546151681022936',
      name: 'seasonal_promotion',
      language: 'en_US',
      status: 'approved',
      vendorStatus: 'APPROVED',
      category: 'MARKETING',
      header: { format: 'text', text: 'Our {{1}} is on!' },
      footer: 'Use the buttons below to manage your marketing subscriptions',
      buttons: [
        { type: 'quick_reply', text: 'Unsubscribe from Promos' },
        { type: 'url', text: 'Track', url: 'https://example.com/track/{{1}}' },
        { type: 'phone_number', text: 'Call', phoneNumber: '15550051310' },
      ],
      raw,
    });
    expect(template.variables.map((variable) => variable.key)).toEqual(['header-1', 'body-1', 'body-2', 'body-3', 'button-1']);
  });
});
