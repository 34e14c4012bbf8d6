import type { EmulatorRoute } from '@wamux/emulator';
import { bodyOf, fieldErrors, notFound, ok, operationRoute, page } from './http';
import type { OperationsEmulatorState } from './state';

/** `/persons/` and `/contacts/`: persons, Contact Provider contacts, verify, block, report, unblock. */
export function peopleRoutes(state: OperationsEmulatorState): EmulatorRoute[] {
  const waIdOf = (value: string | null) => (value === null ? undefined : value.replace(/^\+/, ''));
  const chatOf = (waId: string) => state.chats.get(waId);

  return [
    operationRoute('listPeople', (request) => {
      const search = request.query.get('search')?.toLowerCase();
      const persons = [...state.persons.values()]
        .filter((person) => !search || person.wa_id.includes(search) || person.waba_payload.profile.name.toLowerCase().includes(search))
        .sort((a, b) => b.last_message_timestamp - a.last_message_timestamp);
      return page(request, persons);
    }),
    operationRoute('retrievePerson', (request) => {
      const person = state.persons.get(request.params.wa_id ?? '');
      return person ? ok(person) : notFound();
    }),

    // Literal paths first: `/contacts/blocked/` must not match `/contacts/{wa_id}/`.
    operationRoute('listBlockedContacts', (request) => {
      const only = waIdOf(request.query.get('phone_number'));
      const blocked = [...state.chats.values()]
        .filter((chat) => chat.blocked && (only === undefined || chat.wa_id === only))
        .map((chat) => ({ wa_id: chat.wa_id }));
      const limit = Number(request.query.get('limit') ?? blocked.length) || blocked.length;
      const offset = Number(request.query.get('offset') ?? 0) || 0;
      return ok({ contacts: blocked.slice(offset, offset + limit), pagination: { count: blocked.length, limit, offset } });
    }),
    operationRoute('verifyContacts', (request) => {
      const body = bodyOf(request);
      if (!Array.isArray(body.contacts)) return fieldErrors({ contacts: 'This field is required.' });
      return ok({
        contacts: body.contacts.map((input) => {
          const digits = String(input).replace(/\D/g, '');
          return digits.length >= 7 ? { input, status: 'valid', wa_id: digits } : { input, status: 'invalid' };
        }),
      });
    }),
    operationRoute('blockContact', (request) =>
      blockAction(request.query.get('wa_id'), (waId) => {
        const chat = chatOf(waId);
        if (!chat) return false;
        chat.blocked = true;
        return true;
      }),
    ),
    operationRoute('reportContact', (request) =>
      blockAction(request.query.get('wa_id'), (waId) => {
        const chat = chatOf(waId);
        if (!chat) return false;
        chat.reported = true;
        if (bodyOf(request).block === true || bodyOf(request).block === 'true') chat.blocked = true;
        return true;
      }),
    ),
    operationRoute('unblockContact', (request) =>
      blockAction(request.query.get('wa_id'), (waId) => {
        const chat = chatOf(waId);
        if (!chat) return false;
        chat.blocked = false;
        return true;
      }),
    ),
    operationRoute('listContacts', (request) => {
      const search = request.query.get('search')?.toLowerCase();
      const contacts = state.contacts.filter((contact) => !search || JSON.stringify(contact).toLowerCase().includes(search));
      return page(request, contacts);
    }),
    operationRoute('resolveContact', (request) => {
      const waId = request.params.wa_id ?? '';
      const person = state.persons.get(waId);
      if (!person) return notFound();
      const results = state.contacts.filter((contact) =>
        JSON.stringify(contact.phone_numbers ?? [])
          .replace(/\D/g, '')
          .includes(waId),
      );
      return ok({ person, contact_provider_results: results });
    }),
  ];

  /** Block, report and unblock: `wa_id` in the query, a chat that exists (WhatsApp's 24-hour rule). */
  function blockAction(rawWaId: string | null, apply: (waId: string) => boolean) {
    const waId = waIdOf(rawWaId);
    if (waId === undefined || waId === '') return fieldErrors({ wa_id: 'This field is required.' });
    return apply(waId) ? ok({}) : notFound();
  }
}
