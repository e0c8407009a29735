/** Intent ids, fixed by shared/specs/understanding.md. The rest of the bot routes on these. */
export const INTENT_IDS = [
  'rights.14a',
  'rights.aap',
  'rights.kvp',
  'rights.financial_aid',
  'rights.emergency_aid',
  'rights.appeal',
  'rights.debt',
  'triage.start',
  'handoff.request',
  'own_case',
  'other_benefit',
  'greeting',
  'thanks',
  'goodbye',
  'help',
  'cancel',
  'restart',
  'language.nb',
  'language.nn',
  'language.en',
  'privacy.info',
  'privacy.delete',
  'crisis.self_harm',
  'crisis.violence',
  'none',
] as const;

export type IntentId = (typeof INTENT_IDS)[number];

export const CRISIS_INTENTS = ['crisis.self_harm', 'crisis.violence'] as const satisfies readonly IntentId[];

export function isIntentId(value: unknown): value is IntentId {
  return typeof value === 'string' && (INTENT_IDS as readonly string[]).includes(value);
}
