import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/** The websockets server of the emulated inbox. */
export interface LiveServer {
  /** `ws://127.0.0.1:<port>/websockets/` */
  readonly url: string;
  /** Sends a `waba_webhook` (or `getchat_webhook`) frame to every authenticated client. */
  broadcast(payload: unknown, type?: 'waba_webhook' | 'getchat_webhook'): void;
  /** Clients that sent a valid token. */
  authenticatedCount(): number;
  /** Cuts every connection without a close handshake, as a network failure would. */
  dropConnections(): void;
  close(): Promise<void>;
}

const PATH = '/websockets/';

/**
 * Attaches get.chat's websockets protocol to the emulator's HTTP server: the
 * client's first message is `{"token": "..."}`, answered with a `token`
 * frame (`success` or `failed`), or a `response` frame (`bad_request`) when
 * it is not JSON with a token; authenticated clients then get webhook frames.
 */
export function attachLiveServer(httpServer: Server, origin: string, isValidToken: (token: string) => string | undefined): LiveServer {
  const server = new WebSocketServer({ server: httpServer, path: PATH });
  const authenticated = new Set<WebSocket>();

  server.on('connection', (socket) => {
    socket.on('message', (data) => {
      if (authenticated.has(socket)) return;
      let token: unknown;
      try {
        token = (JSON.parse(String(data)) as { token?: unknown }).token;
      } catch (error) {
        socket.send(JSON.stringify({ type: 'response', status: 'bad_request', message: error instanceof Error ? error.message : 'bad request' }));
        return;
      }
      if (typeof token !== 'string') {
        socket.send(JSON.stringify({ type: 'response', status: 'bad_request', message: 'the token field is required' }));
        return;
      }
      const username = isValidToken(token);
      if (username === undefined) {
        socket.send(JSON.stringify({ type: 'token', status: 'failed', message: 'Token matching query does not exist.' }));
        return;
      }
      authenticated.add(socket);
      socket.send(JSON.stringify({ type: 'token', status: 'success', message: `Welcome, ${username}!` }));
    });
    socket.on('close', () => authenticated.delete(socket));
    socket.on('error', () => authenticated.delete(socket));
  });

  return {
    url: `${origin.replace(/^http/, 'ws')}${PATH}`,
    broadcast(payload, type = 'waba_webhook') {
      const frame = JSON.stringify({ type, waba_payload: payload });
      for (const socket of authenticated) socket.send(frame);
    },
    authenticatedCount: () => authenticated.size,
    dropConnections() {
      for (const socket of server.clients) socket.terminate();
      authenticated.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of server.clients) socket.terminate();
        server.close(() => resolve());
      }),
  };
}
