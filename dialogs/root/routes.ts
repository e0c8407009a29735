import type { MenuAction } from './menu.js';

/** Where a recognised intent or menu choice leads. Flow ids are the dialogs' own ids. */
export type Route =
  | { kind: 'flow'; dialogId: string; options?: Record<string, unknown> }
  | { kind: 'emergency' }
  | { kind: 'human' }
  | { kind: 'help' }
  | { kind: 'cancel' }
  | { kind: 'restart' }
  | { kind: 'language'; lang: 'nb' | 'nn' | 'en' }
  | { kind: 'privacy'; action: 'info' | 'delete' }
  | { kind: 'smalltalk'; key: 'greeting' | 'thanks' | 'goodbye' }
  /** The classifier was unsure: ask which of these intents was meant. */
  | { kind: 'clarify'; intents: string[]; question: string }
  | { kind: 'none' };

const rights = (topic: string): Route => ({ kind: 'flow', dialogId: 'rights', options: { topic } });

/** Intent ids are fixed by shared/specs/understanding.md. */
const INTENT_ROUTES: Record<string, Route> = {
  'rights.14a': rights('PARAGRAF_14A'),
  'rights.aap': rights('AAP'),
  'rights.kvp': rights('KVP'),
  'rights.financial_aid': rights('OKONOMISK_STONAD'),
  'rights.emergency_aid': { kind: 'emergency' },
  'rights.appeal': rights('KLAGE'),
  'rights.debt': rights('GJELDSRADGIVNING'),
  'triage.start': { kind: 'flow', dialogId: 'triage' },
  'handoff.request': { kind: 'human' },
  own_case: rights('OWN_CASE'),
  other_benefit: rights('OTHER_BENEFIT'),
  greeting: { kind: 'smalltalk', key: 'greeting' },
  thanks: { kind: 'smalltalk', key: 'thanks' },
  goodbye: { kind: 'smalltalk', key: 'goodbye' },
  help: { kind: 'help' },
  cancel: { kind: 'cancel' },
  restart: { kind: 'restart' },
  'language.nb': { kind: 'language', lang: 'nb' },
  'language.nn': { kind: 'language', lang: 'nn' },
  'language.en': { kind: 'language', lang: 'en' },
  'privacy.info': { kind: 'privacy', action: 'info' },
  'privacy.delete': { kind: 'privacy', action: 'delete' },
};

export function routeForIntent(intent: string): Route {
  return INTENT_ROUTES[intent] ?? { kind: 'none' };
}

/** A rights topic opened by what the person wrote answers its point at once ("hvor lenge varer AAP?"). */
export function withQuestion(route: Route, question: string): Route {
  return route.kind === 'flow' && route.dialogId === 'rights' ? { ...route, options: { ...route.options, question } } : route;
}

const MENU_ROUTES: Record<MenuAction, Route> = {
  triage: { kind: 'flow', dialogId: 'triage' },
  emergency: { kind: 'emergency' },
  aap: rights('AAP'),
  kvp: rights('KVP'),
  money: rights('OKONOMISK_STONAD'),
  followUp: rights('PARAGRAF_14A'),
  appeal: rights('KLAGE'),
  human: { kind: 'human' },
};

export function routeForMenu(action: MenuAction): Route {
  return MENU_ROUTES[action];
}
