import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import express from 'express';
import { WebSocket } from 'ws';
import { LocalDirectLine, type LocalDirectLineOptions } from '../../bot/directline/localDirectLine.js';
import { MemoryDirectLineStore } from '../../bot/directline/memoryStore.js';

/** A small bot: greets with the locale it was started with, echoes text, can fail or dawdle. */
export async function testBotLogic(ctx: TurnContext): Promise<void> {
  const { activity } = ctx;
  if (activity.type === ActivityTypes.ConversationUpdate) {
    const people = (activity.membersAdded ?? []).filter((m) => m.id !== activity.recipient.id);
    if (people.length > 0) await ctx.sendActivity(`Hei! (${activity.locale ?? 'no locale'})`);
    return;
  }
  if (activity.type === ActivityTypes.Event && activity.name === 'veiviser/language') {
    await ctx.sendActivity(`language:${String(activity.value)}`);
    return;
  }
  if (activity.type !== ActivityTypes.Message) return;
  if (activity.text === 'crash') throw new Error('the bot fell over');
  if (activity.text?.startsWith('slow')) await new Promise((r) => setTimeout(r, 300));
  if (activity.text === 'typing') await ctx.sendActivity({ type: ActivityTypes.Typing });
  await ctx.sendActivity(`Du skrev: ${activity.text ?? ''} (from ${activity.from.id})`);
}

export interface TestServer {
  base: string;
  dl: LocalDirectLine;
  store: MemoryDirectLineStore;
  server: Server;
  errors: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startDirectLine(options: Partial<LocalDirectLineOptions> = {}): Promise<TestServer> {
  const store = (options.store as MemoryDirectLineStore | undefined) ?? new MemoryDirectLineStore();
  const errors: Record<string, unknown>[] = [];
  const dl = new LocalDirectLine({
    logic: testBotLogic,
    store,
    tokenSecret: 'test-secret-that-is-long-enough',
    log: { warn: () => undefined, error: (fields) => errors.push(fields) },
    ...options,
  });
  const web = express();
  web.use('/v3/directline', dl.router());
  const server = createServer(web);
  dl.attachWebSocket(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/v3/directline`,
    dl,
    store,
    server,
    errors,
    async close() {
      await dl.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function call(url: string, init: { method?: string; token?: string; body?: unknown; rawBody?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.rawBody !== undefined) body = init.rawBody;
  else if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export interface Started {
  conversationId: string;
  token: string;
  streamUrl: string;
}

/** Token for a new conversation, then the conversation started (the bot greets). */
export async function startConversation(base: string, locale?: string): Promise<Started> {
  const generated = await call(`${base}/tokens/generate`, { method: 'POST', body: locale ? { locale } : undefined });
  if (generated.status !== 200) throw new Error(`generate gave ${generated.status}`);
  const started = await call(`${base}/conversations`, { method: 'POST', token: generated.body.token as string });
  if (started.status !== 201) throw new Error(`start gave ${started.status}`);
  return started.body as unknown as Started;
}

export interface ActivityJson {
  id: string;
  type: string;
  text?: string;
  timestamp: string;
  from: { id: string; role?: string };
  channelData?: Record<string, unknown>;
}

export interface StreamClient {
  frames: { activities: ActivityJson[]; watermark?: string }[];
  texts(): string[];
  /** Resolves when some frame's activity satisfies the test, or rejects after the timeout. */
  waitFor(test: (a: ActivityJson) => boolean, timeoutMs?: number): Promise<ActivityJson>;
  close(): void;
  /** The close code once the server (or we) closed the socket. */
  closed: Promise<number>;
}

export function openStream(streamUrl: string): Promise<StreamClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(streamUrl);
    const frames: StreamClient['frames'] = [];
    const waiters: (() => void)[] = [];
    const closed = new Promise<number>((done) => ws.once('close', (code) => done(code)));
    ws.on('message', (data) => {
      frames.push(JSON.parse(String(data)) as StreamClient['frames'][number]);
      for (const w of [...waiters]) w();
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        frames,
        texts: () => frames.flatMap((f) => f.activities).map((a) => a.text ?? `<${a.type}>`),
        waitFor(test, timeoutMs = 3000) {
          return new Promise((ok, fail) => {
            const check = () => {
              const found = frames.flatMap((f) => f.activities).find(test);
              if (!found) return false;
              clearTimeout(timer);
              waiters.splice(waiters.indexOf(check), 1);
              ok(found);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.splice(waiters.indexOf(check), 1);
              fail(new Error(`timed out; stream had: ${frames.flatMap((f) => f.activities).map((a) => a.text ?? a.type).join(' | ')}`));
            }, timeoutMs);
            waiters.push(check);
            check();
          });
        },
        close: () => ws.close(),
        closed,
      }),
    );
  });
}

/** The HTTP status a WebSocket upgrade is refused with (or 101 if it is accepted). */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      resolve(101);
      ws.close();
    });
    ws.once('error', (err) => reject(err));
  });
}
