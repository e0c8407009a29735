import { createHash, randomUUID } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { redact } from '../core/redaction/index.js';

/**
 * The structured logger. Message text and personal data must never reach a log, so:
 * - fields that carry what a user or veileder wrote (text, value, attachments, summary, request,
 *   transcript…) are replaced with "[not logged]" wherever they appear, however deep;
 * - an `activity` field is cut down to its type, id, channel and locale;
 * - a conversation id is logged as a short hash (enough to follow one conversation, not to find it);
 * - any string that still gets through has identity numbers, phone numbers and e-mail removed.
 */
const NOT_LOGGED = '[not logged]';
const CONTENT_KEYS = new Set([
  'text',
  'speak',
  'value',
  'attachments',
  'suggestedactions',
  'entities',
  'channeldata',
  'body',
  'summary',
  'request',
  'transcript',
  'answers',
  'note',
  'message_text',
  'messagetext',
  'payload',
]);
const MAX_DEPTH = 6;

/** Short, stable, not reversible: lets a log reader follow one conversation. */
export function conversationTag(conversationId: string | undefined): string | undefined {
  return conversationId ? createHash('sha256').update(conversationId).digest('hex').slice(0, 12) : undefined;
}

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redact(value).text;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (value instanceof Error) return scrubError(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const lower = key.toLowerCase();
    if (CONTENT_KEYS.has(lower)) out[key] = NOT_LOGGED;
    else if (lower === 'activity') out[key] = activitySummary(inner);
    else if (lower === 'conversationid') out[key] = conversationTag(typeof inner === 'string' ? inner : undefined);
    else out[key] = scrub(inner, depth + 1);
  }
  return out;
}

function scrubError(error: Error): Record<string, unknown> {
  // Messages of our own errors name ids and states, never user text; redaction is the safety net.
  return { type: error.name, message: redact(error.message).text, stack: error.stack ? redact(error.stack).text : undefined };
}

/** What may be logged about an activity: never its text, value or attachments. */
export function activitySummary(activity: unknown): Record<string, unknown> | undefined {
  if (!activity || typeof activity !== 'object') return undefined;
  const a = activity as { type?: unknown; id?: unknown; channelId?: unknown; locale?: unknown; name?: unknown; conversation?: { id?: unknown } };
  return {
    type: a.type,
    id: typeof a.id === 'string' ? conversationTag(a.id) : undefined,
    channelId: a.channelId,
    locale: a.locale,
    name: a.name,
    conversation: typeof a.conversation?.id === 'string' ? conversationTag(a.conversation.id) : undefined,
  };
}

export interface CreateLoggerOptions {
  level?: string;
  /** Where lines go (tests pass a stream); default stdout. */
  destination?: DestinationStream;
}

export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const config: LoggerOptions = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: undefined,
    serializers: { err: (e: unknown) => (e instanceof Error ? scrubError(e) : scrub(e, 0)), activity: activitySummary },
    formatters: {
      bindings: (bindings) => scrub(bindings, 0) as Record<string, unknown>,
      log: (object) => scrub(object, 0) as Record<string, unknown>,
    },
    hooks: {
      // The message string itself: a developer who writes log.info(`got ${text}`) gets it redacted.
      logMethod(args, method) {
        const cleaned = args.map((arg) => (typeof arg === 'string' ? redact(arg).text : arg)) as Parameters<typeof method>;
        method.apply(this, cleaned);
      },
    },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}

/** What a turn logger is told about the turn: ids and types, never content. */
export interface TurnInfo {
  activity?: { type?: string; channelId?: string; conversation?: { id?: string } };
}

/** A child logger for one turn, with a correlation id that ties its lines together. */
export function turnLogger(base: Logger, turn: TurnInfo, correlationId: string = randomUUID()): Logger {
  return base.child({
    correlationId,
    channel: turn.activity?.channelId,
    activityType: turn.activity?.type,
    conv: conversationTag(turn.activity?.conversation?.id),
  });
}

const TURN_LOG = Symbol('veiviser.turnLog');

/** Adapter middleware: every turn gets its own child logger (read it with turnLog(ctx)). */
export function turnLoggingMiddleware(base: Logger): Middleware {
  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      ctx.turnState.set(TURN_LOG, turnLogger(base, ctx));
      await next();
    },
  };
}

/** The turn's logger, or `fallback` outside a turn that went through turnLoggingMiddleware. */
export function turnLog(ctx: TurnContext, fallback: Logger): Logger {
  return (ctx.turnState.get(TURN_LOG) as Logger | undefined) ?? fallback;
}
