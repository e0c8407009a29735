import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { createAvailability, type Availability } from '../../core/availability/availability.js';
import { formatDayAndTime, formatTime } from '../../core/availability/formatDate.js';
import { loadOpeningHours } from '../../core/availability/openingHours.js';
import type { Lang } from '../../core/language.js';
import { commonParams } from '../../core/rights/answer.js';
import { osloDate } from '../../core/rights/dates.js';
import { helplineValues } from '../../core/safety/index.js';
import { turnData } from '../context.js';
import { t } from '../i18n.js';

let hours: Availability | undefined;

/** Nav's hours from data/handoff/opening-hours.json (public holidays closed), not the demo queue's OPENING_HOURS. */
function navHours(): Availability {
  hours ??= createAvailability(loadOpeningHours(), 'data');
  return hours;
}

/**
 * The same-day answer for someone with no money for food or nowhere to sleep, right for the hour:
 * while Nav is open, contact the office today (and a veileder here); while it is closed, that it is
 * closed and when it opens, what is open now (the kommune's sosialvakt, legevakt, 112/113, the
 * krisesenter for violence), the municipality's duty to find somewhere to stay (sosialtjenesteloven
 * § 27), and that a summary can still be left. The root calls this before anything else when the
 * safety check or the classifier finds an emergency.
 */
export function emergencyAnswer(lang: Lang, now: Date, availability: Availability = navHours()): Partial<Activity>[] {
  const params = { ...commonParams(lang, osloDate(now)), phoneVo: helplineValues().vo_linjen ?? '', button: t(lang, 'menu.human') };
  const closes = availability.closesAt(now);
  let parts: string[];
  if (availability.isOpen(now) && closes) {
    parts = [t(lang, 'rights:emergency.open', { ...params, closes: formatTime(closes) }), t(lang, 'rights:emergency.housing', params), t(lang, 'rights:emergency.danger', params)];
  } else {
    const when = formatDayAndTime(availability.nextOpening(now), lang);
    const holiday = availability.holidayName(now);
    parts = [
      holiday ? t(lang, 'rights:emergency.closedHoliday', { holiday, when }) : t(lang, 'rights:emergency.closedNow', { when }),
      t(lang, 'rights:emergency.openElsewhere', params),
      t(lang, 'rights:emergency.housing', params),
      t(lang, 'rights:emergency.leaveSummary', params),
    ];
  }
  return [MessageFactory.suggestedActions([t(lang, 'menu.human')], parts.join('\n\n'))];
}

/** Ready for the root's `emergencyReply` hook: sends the answer and notes the topic for the handoff summary. */
export function emergencyReply(clock: () => Date = () => new Date()): (ctx: TurnContext, lang: Lang) => Promise<void> {
  return async (ctx, lang) => {
    const data = turnData(ctx);
    if (!data.topicsExplained.includes('NODHJELP')) data.topicsExplained.push('NODHJELP');
    await ctx.sendActivities(emergencyAnswer(lang, clock()));
  };
}
