import { idGenerator, type EmulatorResponse } from '@wamux/emulator';
import { contactIdOf, type EncodeContext } from './encode';
import { failureEnvelope, type EmulatorFieldError } from './envelope';
import type { EmulatedSession, EmulatorState } from './state';

/** What the emulator's routes share. */
export interface EmulatorContext {
  state: EmulatorState;
  encode: EncodeContext;
  ids: {
    message: () => string;
    messageExt: () => string;
    media: () => string;
    session: () => string;
    event: () => string;
  };
  /** A business failure envelope (HTTP 200 unless the emulator was told otherwise). */
  failure(status: number, statusKey: string, message: string, errors?: readonly EmulatorFieldError[]): EmulatorResponse;
  /** The open session of a customer (digits), created when there is none. */
  openSession(customer: string): EmulatedSession;
}

/** Creates the shared context. */
export function createContext(state: EmulatorState, encode: EncodeContext, failuresAsHttp200: boolean): EmulatorContext {
  const ids = {
    message: idGenerator('msg_'),
    messageExt: idGenerator('wamid.EMU'),
    media: idGenerator('media_'),
    session: idGenerator('sess_'),
    event: idGenerator('evt_'),
  };
  return {
    state,
    encode,
    ids,
    failure: (status, statusKey, message, errors = []) => failureEnvelope(status, statusKey, message, errors, failuresAsHttp200 ? 200 : status),
    openSession(customer) {
      const open = state.sessions.find((session) => session.phone === customer && session.status !== 'CLOSED');
      if (open) return open;
      const sessionId = ids.session();
      const session: EmulatedSession = {
        sessionId,
        routingId: `${sessionId}-route`,
        contactId: contactIdOf(customer, encode),
        phone: customer,
        status: 'OPEN',
        queue: 'default',
        skills: [],
        params: {},
        messages: [],
      };
      state.sessions.push(session);
      return session;
    },
  };
}
