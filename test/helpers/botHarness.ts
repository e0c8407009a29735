import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { createApplication } from '../../bot/app.js';
import type { RootHooks, Understanding } from '../../dialogs/root/types.js';
import { VeiviserBot } from '../../dialogs/root/veiviserBot.js';

export interface HarnessOptions {
  storage?: Storage;
  flows?: Dialog[];
  understanding?: Understanding;
  hooks?: RootHooks;
  locale?: string;
  retentionDays?: number;
}

/** The real Application and root bot under botbuilder's TestAdapter. */
export function createHarness(options: HarnessOptions = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const bot = new VeiviserBot({
    storage,
    retentionDays: options.retentionDays ?? 30,
    flows: options.flows ?? [],
    understanding: options.understanding,
    hooks: options.hooks,
  });
  const app = createApplication(bot);
  const adapter = new TestAdapter(async (ctx) => {
    await app.run(ctx);
  });
  if (options.locale) adapter.locale = options.locale;
  return { adapter, bot, app, storage };
}

/** The text of an activity plus its quick-reply titles, for assertions. */
export function describe(activity: Partial<Activity>): { text: string; buttons: string[] } {
  return {
    text: activity.text ?? '',
    buttons: (activity.suggestedActions?.actions ?? []).map((a) => String(a.title)),
  };
}

/** Sends a conversationUpdate that adds the user, as Web Chat does when a conversation starts. */
export function joinActivity(locale?: string): Partial<Activity> {
  return {
    type: 'conversationUpdate',
    membersAdded: [{ id: 'user1', name: 'User' }],
    locale,
  };
}

/** Sends one activity and returns every reply the bot sent in that turn. */
export async function say(adapter: TestAdapter, input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  adapter.activeQueue.splice(0);
  const activity: Partial<Activity> = typeof input === 'string' ? { type: 'message', text: input } : input;
  await adapter.processActivity(activity);
  return adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
}

/** All reply texts of a turn joined, for "contains" assertions. */
export function allText(replies: Partial<Activity>[]): string {
  return replies.map((r) => r.text ?? '').join('\n');
}
