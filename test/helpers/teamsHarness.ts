import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/** What the bot sent to the Bot Connector: a new post (POST) or an update of one (PUT). */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  /** The conversation id as the bot addressed it (a channel thread carries ";messageid=…"). */
  conversationId: string;
  /** For PUT: the activity updated; for a reply: the activity replied to. */
  activityId?: string;
  /** The id the fake connector gave this post. */
  id: string;
  activity: TeamsActivity;
}

export interface TeamsActivity {
  type: string;
  text?: string;
  value?: unknown;
  attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
  suggestedActions?: { actions: Array<{ title?: string }> };
  [key: string]: unknown;
}

export const BOT = { id: '28:veiviser-test-bot', name: 'Veiviser' };
export const TENANT = 'tenant-test';

/** Where a Teams activity happens: the personal chat of a user, a group chat, or a team channel (optionally a card's thread). */
export type Place =
  | { kind: 'personal'; conversationId: string }
  | { kind: 'groupChat'; chatId: string }
  | { kind: 'channel'; teamId: string; channelId: string; threadOf?: string };

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

/**
 * A stand-in for Teams and its Bot Connector service: it posts activities to the bot's
 * /api/messages as Teams would (no authentication: the bot runs with TEAMS_LOCAL=1) with its own
 * loopback serviceUrl, and records every post and update the bot sends back, so a test can read
 * what each conversation shows.
 */
export class FakeTeams {
  private constructor(
    private readonly server: Server,
    readonly serviceUrl: string,
    private readonly botUrl: string,
    readonly calls: ConnectorCall[],
  ) {}

  static async start(botUrl: string): Promise<FakeTeams> {
    const app = express();
    app.use(express.json({ limit: '1mb' }));
    const calls: ConnectorCall[] = [];
    app.all('/v3/conversations/:conversationId/activities{/:activityId}', (req, res) => {
      const id = `act-${calls.length + 1}`;
      const method = req.method === 'PUT' ? 'PUT' : 'POST';
      const activityId = req.params.activityId as string | undefined;
      calls.push({ method, conversationId: String(req.params.conversationId), activityId, id, activity: req.body as TeamsActivity });
      res.json({ id: method === 'PUT' ? activityId : id });
    });
    app.use((_req, res) => {
      res.status(404).json({});
    });
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return new FakeTeams(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, botUrl, calls);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  conversationOf(place: Place) {
    switch (place.kind) {
      case 'personal':
        return { id: place.conversationId, conversationType: 'personal', tenantId: TENANT };
      case 'groupChat':
        return { id: place.chatId, conversationType: 'groupChat', isGroup: true, tenantId: TENANT };
      case 'channel':
        return { id: place.threadOf ? `${place.channelId};messageid=${place.threadOf}` : place.channelId, conversationType: 'channel', isGroup: true, tenantId: TENANT };
    }
  }

  private channelData(place: Place) {
    const base = { tenant: { id: TENANT } };
    return place.kind === 'channel' ? { ...base, team: { id: place.teamId }, channel: { id: place.channelId } } : base;
  }

  /** Posts one activity to the bot and returns its HTTP status and what the bot sent during the turn. */
  async send(place: Place, from: TeamsUser, activity: Partial<TeamsActivity>, headers: Record<string, string> = {}): Promise<{ status: number; sent: ConnectorCall[] }> {
    const before = this.calls.length;
    const body = {
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: 'nb-NO',
      from,
      recipient: BOT,
      conversation: this.conversationOf(place),
      channelData: this.channelData(place),
      ...activity,
    };
    const res = await fetch(`${this.botUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    await res.text();
    return { status: res.status, sent: this.calls.slice(before) };
  }

  /** The bot being added to a place, as Teams announces it (installationUpdate, then conversationUpdate). */
  async install(place: Place, by: TeamsUser): Promise<ConnectorCall[]> {
    const a = await this.send(place, by, { type: 'installationUpdate', action: 'add' });
    const b = await this.send(place, by, { type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] });
    return [...a.sent, ...b.sent];
  }

  /** The text a user sees of a call: its text, or its Adaptive Card's text blocks. */
  static textOf(call: ConnectorCall): string {
    return [call.activity.text ?? '', ...cardTexts(call.activity)].filter(Boolean).join('\n');
  }
}

/**
 * Every TextBlock's text and every RichTextBlock's runs joined, in the activity's Adaptive Card, in
 * order, as a person reads them (the zero-width spaces that stop auto-linking left out).
 */
export function cardTexts(activity: TeamsActivity): string[] {
  const card = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const block = node as Record<string, unknown>;
      if (block.type === 'TextBlock' && typeof block.text === 'string') out.push(block.text.replace(/\u200b/g, ''));
      if (block.type === 'RichTextBlock' && Array.isArray(block.inlines)) {
        out.push((block.inlines as Array<{ text?: string }>).map((i) => i.text ?? '').join('').replace(/\u200b/g, ''));
      }
      for (const key of ['body', 'items', 'columns']) if (key in block) walk(block[key]);
    }
  };
  walk(card?.body);
  return out;
}

/** Every Action.Submit in the activity's card: its title and data. */
export function cardActions(activity: TeamsActivity): Array<{ title: string; data: Record<string, unknown> }> {
  const card = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  const actions = (card?.actions ?? []) as Array<{ type: string; title: string; data?: Record<string, unknown> }>;
  return actions.filter((a) => a.type === 'Action.Submit').map((a) => ({ title: a.title, data: a.data ?? {} }));
}

/** The choices of the Input.ChoiceSet in the activity's card (what a user can pick before Send). */
export function cardChoices(activity: TeamsActivity): string[] {
  const card = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  const set = ((card?.body ?? []) as Array<{ type: string; choices?: Array<{ title: string }> }>).find((b) => b.type === 'Input.ChoiceSet');
  return (set?.choices ?? []).map((c) => c.title);
}

/** Every Action.Submit in the card, at the bottom and in the body's ActionSets, in order. */
export function allCardButtons(activity: TeamsActivity): Array<{ title: string; data: Record<string, unknown> }> {
  const card = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  const inBody = ((card?.body ?? []) as Array<{ type: string; actions?: Array<{ type: string; title: string; data?: Record<string, unknown> }> }>)
    .filter((b) => b.type === 'ActionSet')
    .flatMap((b) => b.actions ?? []);
  const bottom = (card?.actions ?? []) as Array<{ type: string; title: string; data?: Record<string, unknown> }>;
  return [...inBody, ...bottom].filter((a) => a.type === 'Action.Submit').map((a) => ({ title: a.title, data: a.data ?? {} }));
}
