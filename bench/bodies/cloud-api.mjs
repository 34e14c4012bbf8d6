// Cloud API shaped webhook bodies, as get.chat delivers them
// (object / entry[].changes[].value with metadata, contacts, messages, statuses).

const metadata = { display_phone_number: '15550001111', phone_number_id: '106540352242922' };

function message(i) {
  return { from: '905551112233', id: `wamid.HBgMOTA1NTUxMTEyMjMzFQIAEhggQjA${String(i).padStart(6, '0')}`, timestamp: '1732183200', type: 'text', text: { body: `Hello, I have a question about order #${1000 + i}` } };
}

/** One customer text message. */
export function cloudApiSingle() {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata, contacts: [{ profile: { name: 'Ada' }, wa_id: '905551112233' }], messages: [message(0)] } }] }],
  };
}

/** A batch of `count` customer text messages in one delivery. */
export function cloudApiBatch(count = 100) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: { messaging_product: 'whatsapp', metadata, contacts: [{ profile: { name: 'Ada' }, wa_id: '905551112233' }], messages: Array.from({ length: count }, (_, i) => message(i)) },
          },
        ],
      },
    ],
  };
}
