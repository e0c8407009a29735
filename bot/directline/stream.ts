import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { LocalDirectLine } from './localDirectLine.js';
import type { Delivery } from './store.js';
import { refuseUpgrade } from '../sockets.js';

export interface StreamServer {
  closeConversation(conversationId: string): void;
  close(): Promise<void>;
}

const PING_MS = 30_000;

function refuse(socket: Duplex, status: 403 | 404 | 429, reason: string): void {
  refuseUpgrade(socket, status, status === 403 ? 'Forbidden' : status === 429 ? 'TooManyRequests' : 'NotFound', reason);
}

/**
 * The WebSocket side of Direct Line: on connect it sends the backlog after the client's
 * watermark (or the greeting sent before the socket opened would be lost), then every new
 * activity as `{ activities, watermark }`. It is the server's only upgrade handler: an upgrade on
 * any other path is answered 404 and its socket destroyed (left alone, each one would keep a
 * descriptor open for as long as the client liked).
 */
export function attachStream(server: Server, dl: LocalDirectLine): StreamServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const sockets = new Map<string, Set<WebSocket>>();
  /** Upgrades let through the token check and not yet served, per conversation. */
  const pending = new Map<string, number>();
  const settle = (conversationId: string) => {
    const left = (pending.get(conversationId) ?? 1) - 1;
    if (left > 0) pending.set(conversationId, left);
    else pending.delete(conversationId);
  };
  const pathPattern = /^\/conversations\/([^/]+)\/stream$/;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return refuseUpgrade(socket, 400, 'BadArgument', 'The request address could not be read.');
    }
    if (!url.pathname.startsWith(`${dl.mountPath}/`)) return refuse(socket, 404, 'Nothing here takes a WebSocket.');
    const match = pathPattern.exec(url.pathname.slice(dl.mountPath.length));
    if (!match) return refuse(socket, 404, 'No such stream.');
    let conversationId: string;
    try {
      conversationId = decodeURIComponent(match[1]!);
    } catch {
      return refuse(socket, 404, 'No such stream.');
    }
    const check = dl.signer.verify(url.searchParams.get('t') ?? undefined);
    if (!check.ok || check.claims.conversationId !== conversationId) return refuse(socket, 403, 'The token is not valid for this conversation.');
    const watermarkParam = url.searchParams.get('watermark') ?? '';
    const after = /^\d{1,15}$/.test(watermarkParam) ? Number(watermarkParam) : undefined;
    const open = (sockets.get(conversationId)?.size ?? 0) + (pending.get(conversationId) ?? 0);
    if (open >= dl.conversationLimits.options.streams) return refuse(socket, 429, 'Too many streams are open for this conversation.');
    pending.set(conversationId, (pending.get(conversationId) ?? 0) + 1);
    dl.store.getConversation(conversationId).then(
      (record) => {
        try {
          if (!record || record.userId !== check.claims.userId) return refuse(socket, 404, 'The conversation has ended.');
          // ws completes the handshake (or refuses it) before this returns: serve() has counted the socket by then.
          wss.handleUpgrade(req, socket, head, (ws) => void serve(ws, conversationId, after));
        } finally {
          settle(conversationId);
        }
      },
      () => {
        settle(conversationId);
        refuse(socket, 404, 'The conversation could not be read.');
      },
    );
  };
  server.on('upgrade', onUpgrade);

  async function serve(ws: WebSocket, conversationId: string, after: number | undefined): Promise<void> {
    let set = sockets.get(conversationId);
    if (!set) sockets.set(conversationId, (set = new Set()));
    set.add(ws);

    let sentUpTo = after ?? 0;
    let ready = false;
    const waiting: Delivery[] = [];
    const send = (delivery: Delivery) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (delivery.watermark === undefined) return ws.send(JSON.stringify({ activities: [delivery.activity] }));
      if (delivery.watermark <= sentUpTo) return;
      sentUpTo = delivery.watermark;
      ws.send(JSON.stringify({ activities: [delivery.activity], watermark: String(delivery.watermark) }));
    };
    // Subscribe before reading the backlog, so nothing sent in between is lost.
    const unsubscribe = dl.store.subscribe(conversationId, (delivery) => (ready ? send(delivery) : waiting.push(delivery)));

    let alive = true;
    const ping = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, PING_MS);
    ping.unref();
    ws.on('pong', () => (alive = true));
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      set.delete(ws);
      if (set.size === 0 && sockets.get(conversationId) === set) sockets.delete(conversationId);
    });

    try {
      const backlog = await dl.store.activitiesAfter(conversationId, after);
      if (backlog.activities.length > 0 && ws.readyState === WebSocket.OPEN) {
        ws.send(JSON.stringify({ activities: backlog.activities.map((a) => a.activity), watermark: String(backlog.watermark) }));
        sentUpTo = Math.max(sentUpTo, backlog.watermark);
      }
      ready = true;
      for (const delivery of waiting.splice(0)) send(delivery);
    } catch {
      ws.close(1011, 'backlog unavailable');
    }
  }

  return {
    closeConversation(conversationId) {
      for (const ws of sockets.get(conversationId) ?? []) ws.close(1000, 'conversation ended');
    },
    async close() {
      server.off('upgrade', onUpgrade);
      for (const set of sockets.values()) for (const ws of set) ws.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
