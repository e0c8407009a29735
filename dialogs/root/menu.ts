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

/**
 * The main choices. Quick-reply buttons on the web; Teams shows only three suggested actions (so
 * "Snakk med et menneske" would be hidden) and at most six card actions at the bottom of a card,
 * so there the choices are one Adaptive Card with a button per choice in its body.
 */
export function menuActivity(lang: Lang, text: string, channelId?: string, first?: string): Partial<Activity> {
  if (channelId === 'msteams') return menuCard(lang, text, first);
  return MessageFactory.suggestedActions([...(first ? [first] : []), ...MENU_ACTIONS.map((a) => menuLabel(lang, a))], text);
}

/** The menu as an Adaptive Card: one button per choice, one under the other, each a single press. */
export function menuCard(lang: Lang, text: string, first?: string): Partial<Activity> {
  return MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'TextBlock', text, wrap: true },
        // An extra choice before the menu ("go on with the questions") is sent as if typed.
        ...(first ? [{ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: first, data: { msteams: { type: 'imBack', value: first } } }] }] : []),
        ...MENU_ACTIONS.map((a) => ({
          type: 'ActionSet',
          actions: [{ type: 'Action.Submit', title: menuLabel(lang, a), data: { verb: 'menu', action: a }, ...(a === 'human' ? { style: 'positive' } : {}) }],
        })),
      ],
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
