import { createServer, type RequestListener, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

export interface SocketTimeouts {
  /** A request's headers must have arrived this long after the connection or the last request. */
  headersMs: number;
  /** The whole request (headers and body) must have arrived by then. */
  requestMs: number;
  /** A socket with no traffic either way for this long is destroyed (a client that vanished). */
  idleMs: number;
  /** A kept-alive connection waits this long for the next request. */
  keepAliveMs: number;
  /** How often the server looks for connections past headersMs or requestMs. */
  checkEveryMs: number;
}

/**
 * Long enough for a phone on a bad line, short enough that a few hundred silent or half-sent
 * connections are gone before they matter. POST /activities waits up to 15 s for the bot's turn
 * without traffic, so idleMs stays well above that.
 */
export const DEFAULT_SOCKET_TIMEOUTS: SocketTimeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 60_000, keepAliveMs: 5_000, checkEveryMs: 2_000 };

/** An HTTP server that closes idle, silent and half-sent connections instead of keeping them forever. */
export function createGuardedServer(listener: RequestListener, timeouts: Partial<SocketTimeouts> = {}): Server {
  const t = { ...DEFAULT_SOCKET_TIMEOUTS, ...timeouts };
  const server = createServer(
    { headersTimeout: t.headersMs, requestTimeout: Math.max(t.requestMs, t.headersMs), connectionsCheckingInterval: t.checkEveryMs },
    listener,
  );
  server.keepAliveTimeout = t.keepAliveMs;
  // Without a 'timeout' listener Node destroys the socket. Upgraded WebSockets are not covered
  // (ws clears the timeout); their pings find the dead ones.
  server.setTimeout(t.idleMs);
  return server;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 503: 'Service Unavailable' };

/**
 * Answers an upgrade request nothing serves, in the JSON error shape, and destroys the socket once
 * the answer is written: the server's sockets allow half-open connections, so ending the socket
 * alone would keep it (and its descriptor) until the client closes its side.
 */
export function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  const destroy = () => socket.destroy();
  socket.once('finish', destroy);
  socket.once('error', destroy);
  // A client that does not read the answer cannot hold the socket either.
  setTimeout(destroy, 1000).unref();
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
