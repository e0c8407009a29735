import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Lang } from '../../core/language.js';
import { t } from '../i18n.js';

/** "hva lagrer dere?": what is kept, why, for how long, and how to delete it now. */
export async function sendPrivacyInfo(ctx: TurnContext, lang: Lang, retentionDays: number): Promise<void> {
  const text = [
    t(lang, 'privacy:info.what'),
    t(lang, 'privacy:info.removed'),
    t(lang, 'privacy:info.why'),
    t(lang, 'privacy:info.howLong', { days: retentionDays }),
    t(lang, 'privacy:info.resumeCode', { days: retentionDays }),
    t(lang, 'privacy:info.notKnown'),
    t(lang, 'privacy:info.deleteHint'),
  ].join('\n\n');
  await ctx.sendActivity(MessageFactory.suggestedActions([t(lang, 'privacy:info.deleteButton')], text));
}

/** Told once per conversation, the first time something was removed from the user's text. */
export async function sendRedactionNotice(ctx: TurnContext, lang: Lang): Promise<void> {
  await ctx.sendActivity(t(lang, 'privacy:notice.redacted'));
}
