import type { Activity } from 'botbuilder';
import type { Lang } from '../../core/language.js';
import { t } from '../i18n.js';
import { menuActivity } from './menu.js';

/** Who the bot is, what it can and cannot do, how long the conversation is kept, and the main choices. */
export function welcomeActivities(lang: Lang, retentionDays: number, channelId?: string): Partial<Activity>[] {
  return [
    { type: 'message', text: t(lang, 'welcome.hello') },
    { type: 'message', text: `${t(lang, 'welcome.canDo')} ${t(lang, 'welcome.cannotDo')}` },
    { type: 'message', text: t(lang, 'welcome.storage', { days: retentionDays }) },
    menuActivity(lang, t(lang, 'welcome.choose'), channelId),
  ];
}
