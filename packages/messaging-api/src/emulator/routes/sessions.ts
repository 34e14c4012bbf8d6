import type { EmulatorResponse, EmulatorRoute } from '@wamux/emulator';
import { SessionQueueAssignmentSchema, SessionRequestSchema } from '../../wire/session';
import type { EmulatorContext } from '../context';
import { resultsEnvelope } from '../envelope';
import type { EmulatedSession } from '../state';
import { parseBody } from './validate';

/** Session close, resolve, messages and routing. */
export function sessionRoutes(context: EmulatorContext): EmulatorRoute[] {
  const event = (session: EmulatedSession, eventCode: string, extra: Record<string, unknown> = {}) => ({
    eventCode,
    eventId: context.ids.event(),
    sessionId: session.sessionId,
    contactId: session.contactId,
    type: 'OUTBOUND',
    session: { queue: session.queue, agent: session.agent, routingId: session.routingId, resolved: session.status === 'RESOLVED' },
    ...extra,
  });

  /** Runs `action` on the session the body names, or answers the failure envelope. */
  const withSession = (body: unknown, action: (session: EmulatedSession) => EmulatorResponse): EmulatorResponse => {
    const parsed = parseBody(context, SessionRequestSchema, body);
    if (!parsed.ok) return parsed.response;
    const session = context.state.sessions.find((s) => s.sessionId === parsed.value.sessionId);
    if (!session)
      return context.failure(404, 'SESSION_NOT_FOUND', `No session ${parsed.value.sessionId}`, [
        { field: 'sessionId', code: 'NOT_FOUND', description: 'matches no session' },
      ]);
    return action(session);
  };
  const notClosed = (session: EmulatedSession, action: () => EmulatorResponse): EmulatorResponse =>
    session.status === 'CLOSED' ? context.failure(409, 'SESSION_CLOSED', `Session ${session.sessionId} is closed`) : action();

  return [
    {
      method: 'POST',
      pattern: '/session/close',
      handler: (request) =>
        withSession(request.json, (session) =>
          notClosed(session, () => {
            session.status = 'CLOSED';
            return resultsEnvelope([event(session, 'SESSION_CLOSED')]);
          }),
        ),
    },
    {
      method: 'POST',
      pattern: '/session/resolve',
      handler: (request) =>
        withSession(request.json, (session) =>
          notClosed(session, () => {
            session.status = 'RESOLVED';
            return resultsEnvelope([event(session, 'SESSION_RESOLVED')]);
          }),
        ),
    },
    {
      method: 'POST',
      pattern: '/session/messages',
      handler: (request) => withSession(request.json, (session) => resultsEnvelope(session.messages)),
    },
    {
      method: 'POST',
      pattern: '/session/routing',
      handler: (request) => {
        const parsed = parseBody(context, SessionQueueAssignmentSchema, request.json);
        if (!parsed.ok) return parsed.response;
        const assignment = parsed.value;
        return withSession({ sessionId: assignment.sessionId }, (session) =>
          notClosed(session, () => {
            const before = { queue: session.queue, agent: session.agent, team: session.team };
            Object.assign(session, {
              queue: assignment.queue,
              agent: assignment.agent,
              team: assignment.team,
              skills: assignment.skills ?? [],
              params: assignment.params,
            });
            return resultsEnvelope([
              event(session, 'SESSION_ROUTED', {
                sessionRouted: {
                  routingId: session.routingId,
                  sourceQueue: before.queue,
                  targetQueue: session.queue,
                  sessionStart: false,
                  params: session.params,
                },
                sessionAssigned: { oldAgent: before.agent, newAgent: session.agent, oldDept: before.team, newDept: session.team },
              }),
            ]);
          }),
        );
      },
    },
  ];
}
