import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { questionBank, questionById, type QuestionId } from '../../core/triage/index.js';
import { emergencyAnswer } from '../../dialogs/rights/emergency.js';
import { t } from '../../dialogs/i18n.js';
import { crisisText } from '../../dialogs/root/crisis.js';
import { optionLabel } from '../../dialogs/triage/answerMatching.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { composeParts } from '../../bot/compose.js';
import { loadConfig } from '../../bot/config.js';
import { startServer, type RunningServer } from '../../bot/server.js';

/** One message as the citizen sees it: its text and the quick-reply buttons under it. */
export interface Seen {
  text: string;
  buttons: string[];
  from: string;
}

interface WireActivity {
  type: string;
  text?: string;
  from: { id: string; name?: string; role?: string };
  suggestedActions?: { actions: Array<{ title?: string }> };
}

const LOCALES: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-US' };

async function call(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const VEILEDER_TOKEN = 'flow-test-veileder-token-0123456789';

/**
 * The whole bot as `npm start` runs it (composeParts + startServer, lowdb in a fresh folder,
 * queue open around the clock) on a free port, with a veileder API client; one per test file.
 * The Direct Line rate limit is raised: a test file starts dozens of conversations from one address.
 */
export class FlowBot {
  private constructor(
    readonly server: RunningServer,
    readonly dataDir: string,
  ) {}

  get directLineBase(): string {
    return `${this.server.url}/v3/directline`;
  }

  /**
   * Starts the bot; give the data folder of a stopped bot to start it again on the same state, a
   * clock to fix the hour, and `openingHours: 'data'` for the real opening hours of the handoff queue.
   */
  static async start(
    dataDir = mkdtempSync(join(tmpdir(), 'veiviser-flows-')),
    options: { clock?: () => Date; openingHours?: 'always' | 'data' } = {},
  ): Promise<FlowBot> {
    const config = loadConfig({ PORT: '0', OPENING_HOURS: options.openingHours ?? 'always', DATA_DIR: dataDir, VEILEDER_TOKEN });
    const log = pino({ level: 'silent' });
    const parts = await composeParts(config, { log, clock: options.clock, rateLimit: { capacity: 10_000, refillPerSecond: 1_000 } });
    return new FlowBot(await startServer(config, { ...parts, log }), dataDir);
  }

  close(): Promise<void> {
    return this.server.close(1000);
  }

  /** A new citizen on the web chat in this language; the welcome has been read. */
  async citizen(lang: Lang): Promise<Citizen> {
    return Citizen.start(this.directLineBase, lang);
  }

  /** The veileder API as a signed-in veileder (each call also counts the veileder as online). */
  veileder(path: string, init: { method?: string; body?: unknown } = {}) {
    return call(`${this.server.url}/api/handoffs${path}`, { ...init, token: VEILEDER_TOKEN });
  }

  /**
   * The handoff whose request is this text, in any state (the API does not show conversation
   * ids, so each test writes a request of its own).
   */
  async handoffWithRequest(request: string): Promise<{ id: string; state: string } | undefined> {
    const all = await this.veileder('?state=offered,consented,queued,accepted,returned,closed,cancelled,declined,expired');
    const items = (all.body.handoffs ?? []) as Array<{ id: string; state: string; request: string }>;
    const found = items.find((item) => item.request === request);
    return found && { id: found.id, state: found.state };
  }
}

/** A citizen talking to the bot through the local Direct Line, as Web Chat does. */
export class Citizen {
  private watermark = '';
  /** Everything the bot has said in this conversation, in order. */
  readonly transcript: Seen[] = [];

  private constructor(
    private base: string,
    readonly conversationId: string,
    private readonly token: string,
    readonly lang: Lang,
  ) {}

  static async start(base: string, lang: Lang): Promise<Citizen> {
    const generated = await call(`${base}/tokens/generate`, { method: 'POST', body: { locale: LOCALES[lang] } });
    const started = await call(`${base}/conversations`, { method: 'POST', token: generated.body.token as string });
    const citizen = new Citizen(base, started.body.conversationId as string, started.body.token as string, lang);
    await citizen.read();
    return citizen;
  }

  /** The same conversation opened elsewhere with a token of its own (a resume code's). */
  static open(base: string, conversationId: string, token: string, lang: Lang): Citizen {
    return new Citizen(base, conversationId, token, lang);
  }

  /** What the bot (or a veileder) sent since the last read. */
  async read(): Promise<Seen[]> {
    const query = this.watermark ? `?watermark=${this.watermark}` : '';
    const res = await call(`${this.base}/conversations/${encodeURIComponent(this.conversationId)}/activities${query}`, { token: this.token });
    if (res.status !== 200) throw new Error(`Direct Line answered ${res.status} to a read`);
    this.watermark = String(res.body.watermark ?? this.watermark);
    const seen = (res.body.activities as WireActivity[])
      .filter((a) => a.type === 'message' && a.from.role !== 'user')
      .map((a) => ({ text: a.text ?? '', buttons: (a.suggestedActions?.actions ?? []).map((b) => String(b.title)), from: a.from.name ?? a.from.id }));
    this.transcript.push(...seen);
    return seen;
  }

  /** Sends one message and returns the replies to it (the turn has finished when the POST returns). */
  async say(text: string): Promise<Seen[]> {
    const res = await call(`${this.base}/conversations/${encodeURIComponent(this.conversationId)}/activities`, {
      method: 'POST',
      token: this.token,
      body: { type: 'message', text, from: { id: 'ignored' }, locale: LOCALES[this.lang] },
    });
    if (res.status >= 300) throw new Error(`Direct Line answered ${res.status}`);
    return this.read();
  }

  /** The same conversation and token, on a bot started again (another port). */
  moveTo(base: string): void {
    this.base = base;
  }

  /** Sends each message in turn; returns the replies to the last one. */
  async sayAll(texts: readonly string[]): Promise<Seen[]> {
    let last: Seen[] = [];
    for (const text of texts) last = await this.say(text);
    return last;
  }
}

export function joined(replies: readonly Seen[]): string {
  return replies.map((r) => r.text).join('\n');
}

/** The triage question the last reply asks, recognised by its text in that language. */
export function askedQuestion(lang: Lang, replies: readonly Seen[]): QuestionId | undefined {
  const last = replies.at(-1)?.text ?? '';
  return questionBank().questions.find((q) => last.includes(t(lang, q.textKey)))?.id;
}

/** The visible button text for one answer code of a triage question. */
export function answerLabel(lang: Lang, id: QuestionId, code: string): string {
  return optionLabel(lang, questionById(id), code);
}

/**
 * Answers the questionnaire from the question it is asking now until the review: with the
 * button for the given code where one is given, else "skip". Returns the review's replies.
 */
export async function answerUntilReview(citizen: Citizen, current: readonly Seen[], answers: Partial<Record<QuestionId, string | number>>): Promise<Seen[]> {
  const lang = citizen.lang;
  let replies = current;
  for (let asked = askedQuestion(lang, replies), turns = 0; asked; asked = askedQuestion(lang, replies), turns++) {
    if (turns > 30) throw new Error(`the questionnaire does not end; last asked: ${asked}`);
    const code = answers[asked];
    const typed = code === undefined ? t(lang, 'triage:buttons.skip') : typeof code === 'number' ? String(code) : answerLabel(lang, asked, code);
    replies = await citizen.say(typed);
  }
  return [...replies];
}

/** The review's line for one answer, as the user sees it. */
export function reviewLine(lang: Lang, id: QuestionId, shown: string): string {
  return `- ${t(lang, questionById(id).labelKey)}: ${shown}`;
}

/** The help lines every crisis answer must carry, whatever its kind. */
export const CRISIS_NUMBERS = ['113', '116 123', '22 40 00 40'] as const;

/**
 * True when the replies are the crisis answer: the crisis text first, then the offer of a
 * veileder with its button and the "go on where I was" button.
 */
export function crisisAnswerIn(lang: Lang, replies: readonly Seen[], kind: 'self_harm' | 'violence' = 'self_harm'): string[] {
  const problems: string[] = [];
  if (replies[0]?.text !== crisisText(lang, kind)) problems.push(`first reply is not the ${kind} crisis text: ${replies[0]?.text.slice(0, 80)}`);
  for (const n of CRISIS_NUMBERS) if (!replies[0]?.text.includes(n)) problems.push(`first reply lacks ${n}`);
  const offer = replies[1];
  if (!offer?.text.includes(t(lang, 'safety:offerVeileder'))) problems.push('second reply does not offer a veileder');
  for (const b of [t(lang, 'safety:buttons.veileder'), t(lang, 'safety:buttons.continue')]) {
    if (!offer?.buttons.includes(b)) problems.push(`offer lacks the button «${b}»`);
  }
  if (replies.length !== 2) problems.push(`expected 2 replies, got ${replies.length}`);
  return problems;
}

/** True when some reply of the turn is (or starts with) a crisis text or the check-in question, in any kind. */
export function hasCrisisText(lang: Lang, replies: readonly Seen[]): boolean {
  const crisis = [crisisText(lang, 'self_harm'), crisisText(lang, 'violence'), t(lang, 'safety:offerVeileder'), t(lang, 'safety:checkIn.self_harm'), t(lang, 'safety:checkIn.violence')];
  return replies.some((r) => crisis.some((c) => r.text.includes(c)));
}

/**
 * The same-day emergency answer as the bot would give it around now (the first paragraph depends
 * on whether the NAV office is open, so both ends of the turn are allowed).
 */
export function emergencyTexts(lang: Lang, from: Date, to: Date): string[] {
  return [...new Set([from, to].map((d) => emergencyAnswer(lang, d)[0]?.text ?? ''))];
}

export const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

/** Starts the questionnaire with `request` as the user's own words and answers the age; the situation question is next. */
export async function atSituationQuestion(citizen: Citizen, request: string, age = '31'): Promise<Seen[]> {
  await citizen.sayAll([t(citizen.lang, 'menu.triage'), request]);
  const asked = await citizen.say(age);
  assert.equal(askedQuestion(citizen.lang, asked), 'situation');
  return asked;
}
