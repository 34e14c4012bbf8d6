import type { EmulatorRoute } from '@wamux/emulator';
import { DigitalEventDtoSchema, DigitalObjectDtoSchema } from '../../wire/analytics';
import { ContactPrefsUpdateSchema } from '../../wire/contact';
import type { EmulatorContext } from '../context';
import { dataEnvelope, resultsEnvelope } from '../envelope';
import { parseBody } from './validate';

/** Contact preferences, and the digital analytics pushes. */
export function contactRoutes(context: EmulatorContext): EmulatorRoute[] {
  const { state } = context;
  return [
    {
      method: 'POST',
      pattern: '/contact/prefs/lang',
      handler: (request) => {
        const parsed = parseBody(context, ContactPrefsUpdateSchema, request.json);
        if (!parsed.ok) return parsed.response;
        state.contactLanguages.set(parsed.value.contactId, parsed.value.lang);
        return resultsEnvelope([{ eventCode: 'CONTACT_PREFS_UPDATED', eventId: context.ids.event(), contactId: parsed.value.contactId, type: 'OUTBOUND' }]);
      },
    },
    {
      method: 'POST',
      pattern: '/data/push',
      handler: (request) => {
        const parsed = parseBody(context, DigitalObjectDtoSchema, request.json);
        if (!parsed.ok) return parsed.response;
        state.pushedData.push(request.json);
        return dataEnvelope(parsed.value);
      },
    },
    {
      method: 'POST',
      pattern: '/event/push',
      handler: (request) => {
        const parsed = parseBody(context, DigitalEventDtoSchema, request.json);
        if (!parsed.ok) return parsed.response;
        state.pushedEvents.push(request.json);
        return dataEnvelope(parsed.value);
      },
    },
  ];
}
