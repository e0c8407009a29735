import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { pino } from 'pino';
import { loadConfig } from '../../bot/config.js';
import { MemoryDirectLineStore } from '../../bot/directline/index.js';
import { createHandoffParts, type HandoffParts } from '../../bot/handoff/compose.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { LowdbRecordStore } from '../../bot/storage/lowdbRecordStore.js';
import { checkSafety } from '../../core/safety/index.js';
import { sendCrisisReply } from '../../dialogs/root/crisis.js';

export const VEILEDER_TOKEN = 'handoff-test-token-0123456789';

export interface HandoffServer {
  running: RunningServer;
  parts: HandoffParts;
  records: LowdbRecordStore;
  close(): Promise<void>;
}

/** The real server with the handoff wired in as the composition root will do it. */
export async function startHandoffServer(options: { openingHours?: 'data' | 'always'; clock?: () => Date; safety?: boolean } = {}): Promise<HandoffServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'veiviser-handoff-'));
  const records = await LowdbRecordStore.open({ dir: join(dataDir, 'records'), retentionDays: 30 });
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, VEILEDER_TOKEN, OPENING_HOURS: options.openingHours ?? 'always' });
  const parts = createHandoffParts({
    records,
    veilederToken: VEILEDER_TOKEN,
    openingHours: config.openingHours,
    copySecret: 'copy-secret-for-tests-0123456789',
    clock: options.clock,
    checkSafety: options.safety ? (text) => checkSafety(text) : undefined,
  });
  const safety = options.safety ? { checkSafety: (text: string) => checkSafety(text), crisisReply: sendCrisisReply } : {};
  const running = await startServer(config, {
    storage: new MemoryStorage(),
    directLineStore: new MemoryDirectLineStore(),
    directLineSecret: 'directline-secret-for-tests-0123456789',
    flows: [parts.dialog],
    hooks: { beforeTurn: parts.beforeTurn, startHandoff: (dc) => parts.startHandoff(dc), ...safety },
    mount: (web, { directLine }) => parts.mount(web, { directLine }),
    log: pino({ level: 'silent' }),
  });
  return {
    running,
    parts,
    records,
    async close() {
      await running.close(1000);
      await records.close();
    },
  };
}

export interface Json {
  status: number;
  body: Record<string, unknown>;
}

export async function http(url: string, init: { method?: string; token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Json> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { html: text };
  }
  return { status: res.status, body: parsed };
}

interface Activity {
  type: string;
  text?: string;
  from: { id: string; name?: string; role?: string };
  textFormat?: string;
  suggestedActions?: { actions: Array<{ title?: string; value?: unknown }> };
}

/** A citizen on the web chat, talking through the local Direct Line like Web Chat does. */
export class Citizen {
  watermark = '0';
  private constructor(
    private readonly base: string,
    readonly conversationId: string,
    private readonly token: string,
    private readonly locale: string,
  ) {}

  static async start(server: HandoffServer, locale = 'nb-NO'): Promise<Citizen> {
    const base = `${server.running.url}/v3/directline`;
    const generated = await http(`${base}/tokens/generate`, { method: 'POST', body: { locale } });
    const started = await http(`${base}/conversations`, { method: 'POST', token: generated.body.token as string });
    const citizen = new Citizen(base, started.body.conversationId as string, started.body.token as string, locale);
    await citizen.read();
    return citizen;
  }

  /** Everything the bot (or a veileder) sent since the last read. */
  async read(): Promise<Activity[]> {
    const res = await http(`${this.base}/conversations/${encodeURIComponent(this.conversationId)}/activities?watermark=${this.watermark}`, { token: this.token });
    this.watermark = String(res.body.watermark ?? this.watermark);
    return (res.body.activities as Activity[]).filter((a) => a.from.role !== 'user' && a.type === 'message');
  }

  /** Sends a message and returns the replies to it. */
  async say(text: string): Promise<Activity[]> {
    await http(`${this.base}/conversations/${encodeURIComponent(this.conversationId)}/activities`, {
      method: 'POST',
      token: this.token,
      body: { type: 'message', text, from: { id: 'ignored' }, locale: this.locale },
    });
    return this.read();
  }
}

export const texts = (activities: Activity[]) => activities.map((a) => a.text ?? '');
