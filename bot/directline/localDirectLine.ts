import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import {
  type Activity,
  ActivityTypes,
  BotAdapter,
  type ChannelAccount,
  type ConversationReference,
  INVOKE_RESPONSE_KEY,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder';
import type { Router } from 'express';
import { pino } from 'pino';
import { TokenBucketLimiter, type RateLimitOptions } from './rateLimit.js';
import { ConversationLimits, type ConversationLimitOptions } from './conversationLimits.js';
import { LruMap } from '../storage/lruMap.js';
import { directLineRouter } from './routes.js';
import { attachStream, type StreamServer } from './stream.js';
import type { ConversationRecord, DirectLineStore } from './store.js';
import { type TokenClaims, TokenSigner } from './tokens.js';
import { TurnCounter } from '../turnCounter.js';

export interface DirectLineLog {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface LocalDirectLineOptions {
  /** The bot's turn handler, e.g. `(ctx) => app.run(ctx)`. */
  logic: (ctx: TurnContext) => Promise<void>;
  store: DirectLineStore;
  /** Signs tokens; at least 16 characters. Keep it stable across restarts so pages can resume. */
  tokenSecret: string;
  /**
   * Origin the browser reaches the server on (e.g. "https://veiviser.example"); used for the
   * WebSocket streamUrl. Without it the request's own protocol and Host are used.
   */
  publicBaseUrl?: string;
  /** Where the router is mounted; the WebSocket upgrade handler listens under it. */
  mountPath?: string;
  tokenLifetimeSeconds?: number;
  /** New conversations per client IP. Default: bursts of 20, then one every 2 seconds. */
  rateLimit?: RateLimitOptions;
  /** Messages per conversation and streams per conversation (see conversationLimits.ts). */
  conversationLimits?: Partial<ConversationLimitOptions>;
  /** Told to the person, once, when their conversation is over its message limit. */
  slowDownText?: (locale?: string) => string;
  /** JSON body limit (default 64 kB). */
  bodyLimit?: string | number;
  bot?: { id: string; name: string };
  /**
   * Redacts the user's activity in place before it is echoed, logged or given to the bot (see
   * bot/redaction/atTheEdge.ts); the conversation's locale is passed for the placeholders.
   */
  redact?: (activity: Partial<Activity>, locale?: string) => void;
  /**
   * A message longer than `maxChars` (after trimming) goes to the bot's turn in full, so the
   * crisis check still reads it, but is logged with `stored(locale)` in place of its text.
   */
  tooLong?: { maxChars: number; stored: (locale?: string) => string };
  /** How long POST /activities waits for the bot's turn before answering anyway. */
  turnWaitMs?: number;
  log?: DirectLineLog;
  clock?: () => Date;
}


const CHANNEL_ID = 'directline';

/**
 * A Direct Line v3 endpoint inside the bot's own server, for the citizen web page (Web Chat),
 * and the BotAdapter that runs the bot's turns for it. Replies the bot sends with
 * `ctx.sendActivity` are appended to the conversation's log and pushed to the page.
 */
export class LocalDirectLine extends BotAdapter {
  readonly store: DirectLineStore;
  readonly signer: TokenSigner;
  readonly limiter: TokenBucketLimiter;
  readonly conversationLimits: ConversationLimits;
  /** The address each recent conversation last wrote from; in memory only, never stored or logged. */
  readonly #addresses = new LruMap<string, string>(20_000);
  readonly log: DirectLineLog;
  readonly mountPath: string;
  readonly bodyLimit: string | number;
  readonly botAccount: ChannelAccount;
  private readonly turns = new TurnCounter();
  private readonly clock: () => Date;
  private streamServer?: StreamServer;

  constructor(private readonly options: LocalDirectLineOptions) {
    super();
    this.store = options.store;
    this.clock = options.clock ?? (() => new Date());
    this.signer = new TokenSigner(options.tokenSecret, options.tokenLifetimeSeconds, this.clock);
    this.limiter = new TokenBucketLimiter(options.rateLimit ?? { capacity: 20, refillPerSecond: 0.5 }, this.clock);
    this.conversationLimits = new ConversationLimits(options.conversationLimits, this.clock);
    this.log = options.log ?? pino({ name: 'directline' });
    this.mountPath = (options.mountPath ?? '/v3/directline').replace(/\/+$/, '');
    this.bodyLimit = options.bodyLimit ?? '64kb';
    this.botAccount = { id: options.bot?.id ?? 'veiviser', name: options.bot?.name ?? 'Veiviser', role: 'bot' };
  }

  /** The express router to mount at `mountPath` (default `/v3/directline`). */
  router(): Router {
    return directLineRouter(this);
  }

  /** Handles WebSocket upgrades for `<mountPath>/conversations/:id/stream` on the HTTP server. */
  attachWebSocket(server: Server): void {
    this.streamServer ??= attachStream(server, this);
  }

  /** Turns running now. */
  inFlight(): number {
    return this.turns.count;
  }

  /** Resolves when no turn is running (or after `timeoutMs`). Call on SIGTERM before closing storage. */
  drain(timeoutMs?: number): Promise<void> {
    return this.turns.drain(timeoutMs);
  }

  /** Closes the live streams (clients reconnect elsewhere). */
  async close(): Promise<void> {
    await this.streamServer?.close();
    this.streamServer = undefined;
  }

  // ---- conversations and tokens (called by the routes) ----

  async createConversation(locale: string | undefined): Promise<{ conversationId: string; token: string; expires_in: number }> {
    const record: ConversationRecord = {
      id: randomBytes(16).toString('base64url'),
      userId: `dl_${randomBytes(12).toString('base64url')}`,
      createdAt: this.clock().toISOString(),
      ...(locale ? { locale } : {}),
    };
    await this.store.createConversation(record);
    const { token, expiresIn } = this.signer.issue(record.id, record.userId);
    return { conversationId: record.id, token, expires_in: expiresIn };
  }

  refreshToken(claims: TokenClaims): { conversationId: string; token: string; expires_in: number } {
    const { token, expiresIn } = this.signer.issue(claims.conversationId, claims.userId);
    return { conversationId: claims.conversationId, token, expires_in: expiresIn };
  }

  /** Starts the conversation once: the bot hears conversationUpdate with the page's locale. */
  async startConversation(record: ConversationRecord): Promise<boolean> {
    const started = await this.store.markStarted(record.id, this.clock().toISOString());
    if (!started) return false;
    const activity: Partial<Activity> = {
      ...this.envelope(record),
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [this.botAccount, { id: record.userId, name: '', role: 'user' }],
      ...(record.locale ? { locale: record.locale } : {}),
    };
    await this.runTurn(activity, this.options.logic);
    return true;
  }

  /**
   * One activity from the person against their conversation's limits. Over them, the person is told
   * once (a message in the chat) and the caller answers 429.
   */
  async admit(record: ConversationRecord, type: string, address: string | undefined): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
    if (address) this.#addresses.set(record.id, address);
    const taken = this.conversationLimits.take(record.id, type);
    if (taken.allowed) return taken;
    if (taken.firstRefusal && this.options.slowDownText) {
      await this.pushActivity(record.id, { text: this.options.slowDownText(record.locale) }).catch((err: unknown) =>
        this.log.error({ err: errorSummary(err), conversationId: record.id }, 'slow-down notice failed'),
      );
    }
    return { allowed: false, retryAfterSeconds: taken.retryAfterSeconds };
  }

  /** The address a conversation last wrote from, if it wrote recently to this instance. */
  clientAddressOf(conversationId: string): string | undefined {
    return this.#addresses.get(conversationId);
  }

  /** Logs and echoes the user's activity, then runs the bot's turn. Resolves with the activity id. */
  async receiveFromUser(record: ConversationRecord, inbound: Partial<Activity>): Promise<string> {
    const activity: Partial<Activity> = { ...inbound, ...this.envelope(record) };
    this.options.redact?.(activity, record.locale);
    if (activity.type === ActivityTypes.Typing) {
      activity.id = `${record.id}|typing`;
    } else {
      const logged = await this.store.appendActivity(record.id, this.storedForm(activity, record));
      activity.id = logged.activity.id;
    }
    const turn = this.runTurn(activity, this.options.logic);
    await waitAtMost(turn, this.options.turnWaitMs ?? 15_000);
    return activity.id ?? '';
  }

  /**
   * Sends an activity into a conversation that does not come from a bot turn (a veileder's
   * message). Defaults to a message from the bot's account; pass `from` to name the sender.
   */
  async pushActivity(conversationId: string, activity: Partial<Activity>): Promise<ResourceResponse> {
    const record = await this.store.getConversation(conversationId);
    if (!record) throw new Error('unknown Direct Line conversation');
    return this.deliver({
      type: ActivityTypes.Message,
      ...activity,
      from: { ...this.botAccount, ...activity.from, role: activity.from?.role ?? 'bot' },
      recipient: { id: record.userId, name: '', role: 'user' },
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    });
  }

  /**
   * Empties the conversation's chat log but lets the user go on in the same window (privacy:
   * "delete what I wrote"). Safe to call inside a turn: replies sent afterwards are kept.
   */
  async clearHistory(conversationId: string): Promise<void> {
    if (this.store.clearActivities) return this.store.clearActivities(conversationId);
    const { activities } = await this.store.activitiesAfter(conversationId);
    for (const logged of activities) if (logged.activity.id) await this.store.removeActivity(conversationId, logged.activity.id);
  }

  /** Deletes a conversation and its log and closes its live streams; its token stops working. */
  async deleteConversation(conversationId: string): Promise<void> {
    await this.store.deleteConversation(conversationId);
    this.streamServer?.closeConversation(conversationId);
  }

  /**
   * Deletes conversations idle for longer than `idleMs` and closes their streams; returns how
   * many. The server runs it on a timer (RETENTION_DAYS, or sooner for the chat log).
   */
  async expireIdle(idleMs: number): Promise<number> {
    const expired = await this.store.expireIdle(new Date(this.clock().getTime() - idleMs).toISOString());
    for (const id of expired) this.streamServer?.closeConversation(id);
    return expired.length;
  }

  // ---- BotAdapter ----

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, Number(activity.value) || 1000)));
        responses.push({ id: '' });
      } else if (activity.type === ActivityTypes.InvokeResponse) {
        context.turnState.set(INVOKE_RESPONSE_KEY, activity);
        responses.push({ id: '' });
      } else if (activity.type === ActivityTypes.Trace) {
        responses.push({ id: '' });
      } else {
        responses.push(await this.deliver(activity));
      }
    }
    return responses;
  }

  async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    if (!activity.id) throw new Error('updateActivity needs the id of the activity to replace');
    return this.deliver(activity);
  }

  async deleteActivity(_context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversationId = reference.conversation?.id;
    if (conversationId && reference.activityId) await this.store.removeActivity(conversationId, reference.activityId);
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'ContinueConversation' }, reference, true);
    await this.runTurn(activity, logic, true);
  }

  override async continueConversationAsync(
    _identity: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: string | ((context: TurnContext) => Promise<void>),
    maybeLogic?: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new Error('continueConversationAsync needs a logic callback');
    await this.continueConversation(reference, logic);
  }

  // ---- internals ----

  streamUrl(conversationId: string, token: string, watermark: number | undefined, requestOrigin: string): string {
    const origin = (this.options.publicBaseUrl ?? requestOrigin).replace(/\/+$/, '').replace(/^http/, 'ws');
    const query = new URLSearchParams({ ...(watermark !== undefined ? { watermark: String(watermark) } : {}), t: token });
    return `${origin}${this.mountPath}/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
  }

  /** What is kept of a user's activity: an over-long text is not (the bot tells the user so). */
  private storedForm(activity: Partial<Activity>, record: ConversationRecord): Partial<Activity> {
    const limit = this.options.tooLong;
    if (!limit || typeof activity.text !== 'string' || activity.text.trim().length <= limit.maxChars) return activity;
    return { ...activity, text: limit.stored(activity.locale ?? record.locale) };
  }

  private envelope(record: ConversationRecord): Partial<Activity> {
    return {
      channelId: CHANNEL_ID,
      serviceUrl: `${(this.options.publicBaseUrl ?? 'http://localhost').replace(/\/+$/, '')}${this.mountPath}`,
      timestamp: this.clock(),
      from: { id: record.userId, name: '', role: 'user' },
      recipient: this.botAccount,
      conversation: { id: record.id, isGroup: false, conversationType: 'personal', name: '' },
    };
  }

  private async deliver(activity: Partial<Activity>): Promise<ResourceResponse> {
    const conversationId = activity.conversation?.id;
    if (!conversationId) throw new Error('an activity to send needs a conversation id');
    const outgoing: Partial<Activity> = { ...activity, channelId: CHANNEL_ID, timestamp: this.clock() };
    if (outgoing.type === ActivityTypes.Typing) {
      await this.store.publishEphemeral(conversationId, { ...outgoing, id: `${conversationId}|typing` });
      return { id: '' };
    }
    const logged = await this.store.appendActivity(conversationId, outgoing);
    return { id: logged.activity.id ?? '' };
  }

  /**
   * Runs one turn, counted for drain(). A failing turn is logged without message text; when
   * `rethrow` is false (turns started by the page) the error stops here.
   */
  private async runTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>, rethrow = false): Promise<void> {
    await this.turns.run(async () => {
      try {
        await this.runMiddleware(new TurnContext(this, activity), logic);
      } catch (err) {
        this.log.error({ err: errorSummary(err), conversationId: activity.conversation?.id, activityType: activity.type }, 'direct line turn failed');
        if (rethrow) throw err;
      }
    });
  }
}

function errorSummary(err: unknown): Record<string, unknown> {
  return err instanceof Error ? { name: err.name, stack: err.stack?.split('\n').slice(1, 6).join('\n') } : { type: typeof err };
}

async function waitAtMost(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
