import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { matchKey } from '../../core/normalize.js';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { t, tMatchKey } from '../i18n.js';

/** The main choices, in the order they are shown. */
export const MENU_ACTIONS = ['triage', 'emergency', 'aap', 'kvp', 'money', 'followUp', 'appeal', 'human'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

const menuLabelKey = (action: MenuAction) => `menu.${action}`;

export function menuLabel(lang: Lang, action: MenuAction): string {
  return t(lang, menuLabelKey(action));
}

/** Quick-reply buttons for the main choices; pressing one sends its visible text. */
export function menuActivity(lang: Lang, text: string): Partial<Activity> {
  return MessageFactory.suggestedActions(MENU_ACTIONS.map((a) => menuLabel(lang, a)), text);
}

/** Same choices as an Adaptive Card, for channels without quick replies (Teams). */
export function menuCard(lang: Lang, text: string): Partial<Activity> {
  return MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text, wrap: true }],
      actions: MENU_ACTIONS.map((a) => ({ type: 'Action.Submit', title: menuLabel(lang, a), data: { verb: 'menu', action: a } })),
    }),
  );
}

/** The menu action whose label (in any language) is exactly this text. */
export function matchMenuLabel(text: string): MenuAction | undefined {
  const wanted = matchKey(text);
  for (const lang of LANGUAGES) {
    for (const action of MENU_ACTIONS) {
      if (tMatchKey(lang, menuLabelKey(action)) === wanted) return action;
    }
  }
  return undefined;
}

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}
