/** The template of the document's listing example (`GET .../conversations/templates`). */
export const TEMPLATE_EXAMPLE = {
  id: 75,
  name: 'template_02',
  category_editable: false,
  sendable: true,
  category: { value: 2, label: 'template-messages.new.custom', subLabel: 'template-messages.new.custom-subtitle', status: 1, children: [] },
  category_label: 'template-messages.new.custom',
  supported_languages: [
    { label: 'English', value: 1, filled: true },
    { label: 'Türkçe', value: 2, filled: true },
  ],
  translations: [
    {
      language_id: 1,
      language: 'English',
      header_type: null,
      header_variables: null,
      header: null,
      header_file: null,
      body: 'English content test',
      body_variables: null,
      footer: null,
      variables: [],
      buttons: [],
      editable: true,
      status: 'template-messages.in-review',
      status_value: 1,
      quality: 'template-messages.quality-unavailable',
      updated_at: '2024-05-31T06:33:30.000000Z',
    },
    {
      language_id: 2,
      language: 'Türkçe',
      header_type: { value: 4, label: 'TEXT' },
      header_variables: [{ id: '', key: '1', value: 'Header 1' }],
      header: 'Merhaba {{1}} ,',
      header_file: null,
      body: 'Merhaba {{1}}, Sipariş takip numaranız: {{2}} Bu takip numarası ile siparişinizin durumunu sorgulayabilirsiniz.',
      body_variables: [
        { id: '', key: '1', value: 'Ahmet Kara' },
        { id: '', key: '2', value: 'SP123456789' },
      ],
      footer: null,
      variables: ['header-1', 'body-1', 'body-2'],
      buttons: [],
      editable: true,
      status: 'template-messages.active',
      status_value: 2,
      quality: 'template-messages.quality-unavailable',
      updated_at: '2024-05-30T12:16:37.000000Z',
    },
  ],
  created_at: '2024-05-30T12:14:28.000000Z',
  updated_at: '2024-05-31T06:33:30.000000Z',
};

/** The integrations of the document's example (the second one with `name` and `logo`, as printed). */
export const INTEGRATIONS_EXAMPLE = [
  { id: 11, display_name: 'YourIntegration1', phone_number: '+905554443322' },
  { id: 22, name: 'YourIntegration2', logo: '+905555555555' },
];
