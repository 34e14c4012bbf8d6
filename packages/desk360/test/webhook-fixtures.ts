import { CUSTOMER, inboundFixture } from '@wamux/testing';
import { MESSAGE_CONTENT_TYPES } from '@wamux/core';
import { inboundPayload, statusPayload } from '../src/emulator/webhooks';

// Desk360 webhook bodies: the examples of the document's "WhatsApp Webhooks"
// section (001, "Received Messages Examples" and "Status Updates"), with the
// placeholder numbers filled in, and the emulator's body for every content
// type and status (the shapes the adapter is tested against end to end).

/** "Text Messages". */
export const TEXT_EXAMPLE = {
  messages: { id: 'ABEGkFMIcyRoAgo-sGaD-H6MgPEt', text: 'Hello', from: '905555555555', timestamp: '1630913975', name: 'John Doe', type: 'text' },
};

/** "Location Messages". */
export const LOCATION_EXAMPLE = {
  messages: {
    id: 'ABEGkFBXUQRnAgo6cHkZc1yy0dAx',
    text: 'Main Street Beach - Main Street Beach, Santa Cruz, CA, latitude: 38.9806263495, longitude: -131.9428612257',
    from: '905551112233',
    timestamp: '1700052659',
    name: 'John Doe',
    location: { address: 'Main Street Beach, Santa Cruz, CA', latitude: 38.9806263495, longitude: -131.9428612257, name: 'Main Street Beach' },
    type: 'location',
  },
};

/** "Contact Messages". */
export const CONTACTS_EXAMPLE = {
  messages: {
    id: 'ABEGkFBXUQRnAgo6PXn8aI1fmlOm',
    from: '905551112233',
    timestamp: '1700052797',
    name: 'John Doe',
    type: 'contacts',
    contacts: [
      {
        addresses: [{ city: 'Menlo Park', country: 'United States', country_code: 'us', state: 'CA', street: '1 Hacker Way', type: 'WORK', zip: '94025' }],
        birthday: '2012-08-18',
        emails: [{ email: 'kfish@fb.com', type: 'WORK' }],
        ims: [{ service: 'AIM', user_id: 'kfish' }],
        name: { first_name: 'Kerry', formatted_name: 'Kerry Fisher', last_name: 'Fisher' },
        org: { company: 'Meta', department: 'WhatsApp' },
        phones: [{ phone: '+1 (650) 555-1234', type: 'WORK', wa_id: '16505551234' }],
        urls: [{ url: 'https://www.facebook.com', type: 'WORK' }],
      },
    ],
  },
};

/** "Media Messages". */
export const MEDIA_EXAMPLE = {
  messages: {
    id: 'ABEGkFBXUQRnAgo6xTEQCONO2nW9',
    from: '905551112233',
    timestamp: '1689756449',
    name: 'John Doe',
    image: {
      message: null,
      media_id: '83518734-56a9-4b51-8372-93f1432cfa9b',
      mime_type: 'image/jpeg',
      sha: '7e18d97d50eea65a50d9fa93db26e1c689da7c7de64d829b22aad38c4f541510',
    },
    attachments: {
      images: [
        {
          url: 'https://path/to/file/9oCtWHWxkv4E0PQhtHA4uW4NRinIROKCO8NEae5p.jpeg',
          name: '9oCtWHWxkv4E0PQhtHA4uW4NRinIROKCO8NEae5p.jpeg',
          type: 'image',
          aws: true,
        },
      ],
    },
    type: 'image',
  },
};

/** "Messages Triggered by WhatsApp Ads". */
export const AD_REFERRAL_EXAMPLE = {
  messages: {
    id: 'wamid.HBgMOTA1MDU3NTExxxxxxxxxxxxxxx',
    from: '905551112233',
    name: 'John Doe',
    text: 'Hello',
    type: 'text',
    referral: {
      id: 'AD_OR_POST_ID',
      url: 'AD_OR_POST_FB_URL',
      body: 'AD_OR_POST_DESCRIPTION',
      type: 'ad or post',
      header: 'AD_OR_POST_TITLE',
      media_url: 'RAW_MEDIA_URL',
      media_type: 'image or video',
      thumbnail_url: 'RAW_THUMBNAIL_URL',
    },
    timestamp: '1741867567',
  },
};

/** "Status Updates" (`"delivered|read"` in the document: one of the two). */
export const STATUS_EXAMPLE = { statuses: { id: 'gBEGkFBXUQRnAglM82HET_hbwJs', from: '905551112233', status: 'delivered' } };

/** The document's examples. */
export const DOCUMENT_WEBHOOKS: readonly unknown[] = [TEXT_EXAMPLE, LOCATION_EXAMPLE, CONTACTS_EXAMPLE, MEDIA_EXAMPLE, AD_REFERRAL_EXAMPLE, STATUS_EXAMPLE];

/** The emulator's body for every content type of the model and for a failed status with errors. */
export const EMULATOR_WEBHOOKS: readonly unknown[] = [
  ...MESSAGE_CONTENT_TYPES.map((type, index) =>
    inboundPayload({
      id: `ABEGkFBXUQRnAgo${index}`,
      from: CUSTOMER,
      profileName: 'Ada',
      timestamp: new Date(1_700_000_000_000),
      content: type === 'unsupported' ? { type, originalType: 'order', text: 'An order' } : inboundFixture(type),
    }),
  ),
  statusPayload(
    {
      messageId: 'gBEGkFBXUQRnAglM82HET_failed',
      status: 'failed',
      errors: [{ code: '131026', title: 'Message undeliverable' }],
      timestamp: new Date(1_700_000_000_000),
    },
    CUSTOMER,
  ),
  // Both lists in one body, as arrays (accepted besides the documented single objects).
  { messages: [TEXT_EXAMPLE.messages, LOCATION_EXAMPLE.messages], statuses: [STATUS_EXAMPLE.statuses, { ...STATUS_EXAMPLE.statuses, status: 'read' }] },
];
