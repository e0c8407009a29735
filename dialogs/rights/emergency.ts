import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Lang } from '../../core/language.js';
import { commonParams } from '../../core/rights/answer.js';
import { osloDate } from '../../core/rights/dates.js';
import { officeDayKind } from '../../core/rights/officeDay.js';
import { turnData } from '../context.js';
import { t } from '../i18n.js';

const FIRST: Record<ReturnType<typeof officeDayKind>, string> = {
  weekday: 'rights:emergency.open',
  evening: 'rights:emergency.closedEvening',
  weekend: 'rights:emergency.closedWeekend',
  holiday: 'rights:emergency.closedHoliday',
};

/**
 * The same-day answer for someone with no money for food or nowhere to sleep: what to do today
 * first (on a weekend or public holiday, what to do while the NAV office is closed), then the
 * municipality's duty to find somewhere to stay, then the emergency numbers. The root calls this
 * before anything else when the safety check or the classifier finds an emergency.
 */
export function emergencyAnswer(lang: Lang, today: Date): Partial<Activity>[] {
  const params = commonParams(lang, osloDate(today));
  const text = [t(lang, FIRST[officeDayKind(today)], params), t(lang, 'rights:emergency.housing', params), t(lang, 'rights:emergency.danger', params)].join('\n\n');
  return [MessageFactory.suggestedActions([t(lang, 'menu.human')], text)];
}

/** Ready for the root's `emergencyReply` hook: sends the answer and notes the topic for the handoff summary. */
export function emergencyReply(clock: () => Date = () => new Date()): (ctx: TurnContext, lang: Lang) => Promise<void> {
  return async (ctx, lang) => {
    const data = turnData(ctx);
    if (!data.topicsExplained.includes('NODHJELP')) data.topicsExplained.push('NODHJELP');
    await ctx.sendActivities(emergencyAnswer(lang, clock()));
  };
}
